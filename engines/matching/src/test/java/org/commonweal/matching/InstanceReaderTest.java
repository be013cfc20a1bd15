package org.commonweal.matching;

import org.commonweal.matching.io.InstanceReader;
import org.commonweal.matching.io.MatchingInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceReaderTest {
    private static final String VOLUNTEER = "{'id':'v1','skills':['shopping'],'languages':['English'],'dbs':'basic','lat':53.4,'lon':-2.2,'radiusKm':5,'slots':['mon-am'],'capacity':2,'gender':'female'}";
    private static final String REQUEST = "{'id':'r1','needs':['shopping'],'languages':['English'],'dbs':'none','lat':53.41,'lon':-2.2,'slots':['mon-am'],'genderPreference':null,'previousVolunteer':'v1'}";

    private static Instance read(String json) throws Exception {
        return InstanceReader.read(new ByteArrayInputStream(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheContractsShape() throws Exception {
        Instance i = read("{'volunteers':[" + VOLUNTEER + "],'requests':[" + REQUEST + "]}");
        assertThat(i.volunteers()).singleElement().satisfies(v -> {
            assertThat(v.dbs()).isEqualTo(Dbs.BASIC);
            assertThat(v.capacity()).isEqualTo(2);
        });
        assertThat(i.requests().getFirst().previousVolunteer()).isEqualTo("v1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'capacity':2|'capacity':-1|$.volunteers[0].capacity: must not be negative (got -1)",
            "'dbs':'basic'|'dbs':'gold'|$.volunteers[0].dbs: 'gold' is not a DBS level (expected one of none|basic|standard|enhanced|enhanced-barred)",
            "'lat':53.4|'lat':91|$.volunteers[0].lat: 91 is out of range (expected -90 to 90)",
            "'id':'v1',|'|$.volunteers[0].id: missing",
            "'capacity':2|'capacty':2|$.volunteers[0].capacty: unknown field",
            "'skills':['shopping']|'skills':'shopping'|$.volunteers[0].skills: expected an array of text",
    })
    void refusesAVolunteerMistakeWithThePathOfTheField(String from, String to, String message) {
        String volunteer = VOLUNTEER.replace(from, to.equals("'") ? "" : to);
        assertThatThrownBy(() -> read("{'volunteers':[" + volunteer + "],'requests':[]}"))
                .isInstanceOf(MatchingInputException.class).hasMessageStartingWith(message);
    }

    @Test
    void refusesDuplicateIdsAndAnUnknownPreviousVolunteer() {
        assertThatThrownBy(() -> read("{'volunteers':[" + VOLUNTEER + "," + VOLUNTEER + "],'requests':[]}"))
                .hasMessage("$.volunteers[1].id: 'v1' is already the id of another volunteer");
        assertThatThrownBy(() -> read("{'volunteers':[],'requests':[" + REQUEST + "]}"))
                .hasMessage("$.requests[0].previousVolunteer: no volunteer has the id 'v1'");
    }

    @Test
    void namesTheLineAndColumnOfBrokenJson() {
        assertThatThrownBy(() -> read("{'volunteers':[\n  {'id': }]}"))
                .isInstanceOf(MatchingInputException.class).hasMessageStartingWith("not valid JSON at line 2, column 10");
    }
}
