package org.commonweal.elections.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.commonweal.elections.apportionment.Lot;
import org.commonweal.elections.fptp.ConstituencyResult;
import org.commonweal.elections.fptp.UkElectionData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;

class ModelPropertiesTest {
    private static final Lot LOT = new Lot(9);
    private static final List<ConstituencyResult> GE2019 = UkElectionData.read("HoC-GE2019-results-by-constituency.csv");

    private static int seats(Scenario scenario, String party) {
        return new AllianceModel(GE2019, scenario, LOT).central().seatsAfter().getOrDefault(party, 0);
    }

    @Property(tries = 25)
    void aLargerUniformSwingToAPartyNeverCostsItASeat(@ForAll @BigRange(min = "-10", max = "10") @Scale(1) BigDecimal amount,
                                                      @ForAll @BigRange(min = "0", max = "3") @Scale(1) BigDecimal extra) {
        Scenario smaller = new Scenario(null, List.of(new Swing("LD", null, SwingKind.UNIFORM, amount, null)), null, null, null, null, null);
        Scenario larger = new Scenario(null, List.of(new Swing("LD", null, SwingKind.UNIFORM, amount.add(extra), null)), null, null, null, null, null);
        assertThat(seats(larger, "LD")).isGreaterThanOrEqualTo(seats(smaller, "LD"));
    }

    @Property(tries = 15)
    void sendingMoreOfAWithdrawnPartysVotersToTheAllyNeverCostsTheAlliance(@ForAll @BigRange(min = "0", max = "0.5") @Scale(2) BigDecimal share,
                                                                          @ForAll @BigRange(min = "0", max = "0.5") @Scale(2) BigDecimal more) {
        List<StandDown> pact = List.of(new StandDown("Green", StandDownRule.ALL, null),
                new StandDown("Lab", StandDownRule.ALLY_BEST_PLACED, null), new StandDown("LD", StandDownRule.ALLY_BEST_PLACED, null));
        Scenario less = new Scenario(List.of("Lab", "LD"), null, pact, List.of(new Transfer("Green", List.of(new TransferShare("ally", share, null)))), null, null, null);
        Scenario most = new Scenario(List.of("Lab", "LD"), null, pact, List.of(new Transfer("Green", List.of(new TransferShare("ally", share.add(more), null)))), null, null, null);
        assertThat(seats(most, "Lab") + seats(most, "LD")).isGreaterThanOrEqualTo(seats(less, "Lab") + seats(less, "LD"));
    }

    @Test
    void monteCarloGivesTheSameResultOnOneThreadAsOnMany() throws Exception {
        Scenario noisy = new Scenario(List.of("Lab", "LD"), List.of(new Swing("Con", null, SwingKind.UNIFORM, new BigDecimal("-3"), new BigDecimal("2"))),
                List.of(new StandDown("LD", StandDownRule.ALLY_BEST_PLACED, null)),
                List.of(new Transfer("LD", List.of(new TransferShare("ally", new BigDecimal("0.5"), new BigDecimal("0.1"))))), new BigDecimal("1.5"), null, null);
        AllianceModel model = new AllianceModel(GE2019, noisy, LOT);
        MonteCarloResult many = model.monteCarlo(300, 77);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            assertThat(single.submit(() -> model.monteCarlo(300, 77)).get()).isEqualTo(many);
        } finally {
            single.shutdown();
        }
    }
}
