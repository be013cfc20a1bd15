package org.commonweal.elections.model;

import org.commonweal.elections.apportionment.Lot;
import org.commonweal.elections.fptp.ConstituencyResult;
import org.commonweal.elections.fptp.UkElectionData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RealResultsScenarioTest {
    private static final Lot LOT = new Lot(2024);

    @Test
    void withNoScenarioTheProportionalComparisonsFillEveryRegionsSeats() {
        List<ConstituencyResult> ge2019 = UkElectionData.read("HoC-GE2019-results-by-constituency.csv");
        ScenarioResult r = new AllianceModel(ge2019, Scenario.none(), LOT).central();
        assertThat(r.seatsAfter()).isEqualTo(r.seatsBefore());
        assertThat(r.regions()).hasSize(12);
        assertThat(r.dHondt().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(650);
        assertThat(r.sainteLague().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(650);
        int listSeats = r.regions().stream().mapToInt(RegionComparison::listSeats).sum();
        assertThat(r.ams().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(650 + listSeats);
        // Proportional counting of 2019's votes cuts the Conservative seat total well below its 365 FPTP seats.
        assertThat(r.sainteLague().get("Con")).isLessThan(365);
    }

    @Test
    void reformStandingDownForTheConservativesIn2024NeverCostsTheConservativesASeat() {
        List<ConstituencyResult> ge2024 = UkElectionData.read("HoC-GE2024-results-by-candidate.csv");
        Scenario pact = new Scenario(List.of("Con", "RUK"), null,
                List.of(new StandDown("RUK", StandDownRule.ALL, null)),
                List.of(new Transfer("RUK", List.of(new TransferShare("Con", new BigDecimal("0.6"), null)))), null, null, null);
        ScenarioResult r = new AllianceModel(ge2024, pact, LOT).central();
        assertThat(r.changes()).isNotEmpty().allSatisfy(change -> assertThat(change.from()).isNotEqualTo("Con"));
        assertThat(r.changes()).filteredOn(change -> change.to().equals("Con")).hasSizeGreaterThan(50);
        assertThat(r.seatsAfter().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(650);
        assertThat(r.seatsAfter()).doesNotContainKey("RUK");
    }
}
