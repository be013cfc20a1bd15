package org.commonweal.platform.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compact list of registers the platform carries agrees with the org-id lists it was made from
 * ({@code ../shared/data/civil-society/org-id/*.json}): every current register that gives examples is there with its
 * name, every example identifier those lists give passes, and wrong ones are refused naming the register and its form.
 */
class OrgIdRegistersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Listed(String code, String name, boolean deprecated, List<String> examples) {
    }

    static List<Listed> listed() throws IOException {
        List<Listed> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestApp.sharedData().resolve("civil-society/org-id"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode n = JSON.readTree(f.toFile());
                String examples = n.path("access").path("exampleIdentifiers").asText("");
                out.add(new Listed(n.get("code").asText(), n.get("name").get("en").asText(), n.path("deprecated").asBoolean(false),
                        Arrays.stream(examples.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
            }
        }
        assertThat(out).as("the shared org-id lists").hasSizeGreaterThan(20);
        return out;
    }

    @Test
    void everyCurrentRegisterWithExamplesIsCarriedWithItsNameAndEveryExampleIsValid() throws IOException {
        for (Listed l : listed()) {
            if (l.deprecated() || l.examples().isEmpty()) {
                assertThat(OrgIds.register(l.code())).as("%s: deprecated or without examples, so not offered", l.code()).isEmpty();
                continue;
            }
            OrgIds.Register r = OrgIds.register(l.code()).orElseThrow(() -> new AssertionError(l.code() + " is missing from org-id-registers.tsv"));
            assertThat(r.name()).as(l.code()).isEqualTo(l.name());
            assertThat(l.examples()).as(l.code()).contains(r.example());
            for (String example : l.examples()) {
                OrgIds.Checked c = OrgIds.check(l.code() + "-" + example);
                assertThat(c.ok()).as("%s-%s", l.code(), example).isTrue();
                assertThat(c.identifier()).isEqualTo(l.code() + "-" + example);
            }
        }
    }

    @Test
    void theCarriedListNamesOnlyRegistersTheListsHave() throws IOException {
        List<String> codes = listed().stream().map(Listed::code).toList();
        assertThat(OrgIds.REGISTERS).extracting(OrgIds.Register::code).allSatisfy(c -> assertThat(codes).contains(c));
    }

    @Test
    void aWrongNumberIsRefusedNamingItsRegisterAndTheFormItExpects() throws IOException {
        for (Listed l : listed()) {
            if (OrgIds.register(l.code()).isEmpty()) continue;
            OrgIds.Checked c = OrgIds.check(l.code() + "-@@ not a number @@");
            assertThat(c.ok()).as(l.code()).isFalse();
            assertThat(c.errorKey()).isEqualTo("groups.error.orgId.form");
            assertThat(c.errorArgs()).as(l.code()).containsExactly(l.code(), l.name(), "groups.orgId.form." + l.code(), OrgIds.register(l.code()).get().example());
        }
        assertThat(OrgIds.check("GB-CHC-12345").ok()).as("5 digits is not a charity number").isFalse();
        assertThat(OrgIds.check("GB-CHC-10900951").ok()).as("8 digits is not a charity number").isFalse();
        assertThat(OrgIds.check("GB-SC-1234567").ok()).as("a Scottish charity number starts with SC").isFalse();
        assertThat(OrgIds.check("GB-COH-0950623").ok()).as("a company number has 8 characters").isFalse();
    }

    @Test
    void theLongestRegisterCodeWinsAndThePrefixIsReadWhateverItsCase() {
        assertThat(OrgIds.check("GB-SCOTEDU-8212627").identifier()).isEqualTo("GB-SCOTEDU-8212627");
        assertThat(OrgIds.check("GB-SCOTEDU-8212627").ok()).isTrue();
        assertThat(OrgIds.check(" gb-chc-1090095 ").identifier()).isEqualTo("GB-CHC-1090095");
        OrgIds.Checked unknown = OrgIds.check("XI-PB-123");
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.errorKey()).isEqualTo("groups.error.orgId.register");
        assertThat(OrgIds.check("GB-CHC").ok()).as("a code alone names no organisation").isFalse();
    }
}
