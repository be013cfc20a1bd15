package org.commonweal.elections.model;

import org.commonweal.elections.apportionment.Lot;
import org.commonweal.elections.fptp.ConstituencyResult;
import org.commonweal.elections.fptp.ResultsCsv;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class AllianceModelTest {
    private static final Lot LOT = new Lot(5);

    /** Three hand-made seats of 100 votes each. */
    static final List<ConstituencyResult> SEATS = ResultsCsv.parse("seats.csv", """
            constituency,region,party,votes
            Ashby,North,Con,40
            Ashby,North,Lab,35
            Ashby,North,LD,25
            Barton,North,Con,45
            Barton,North,LD,30
            Barton,North,Lab,25
            Colne,South,Lab,50
            Colne,South,Con,30
            Colne,South,Green,20
            """);

    static Scenario scenario(List<String> alliance, List<Swing> swings, List<StandDown> standDowns, List<Transfer> transfers) {
        return new Scenario(alliance, swings, standDowns, transfers, null, null, null);
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void withNoScenarioTheSeatsStayAsTheyWere() {
        ScenarioResult r = new AllianceModel(SEATS, Scenario.none(), LOT).central();
        assertThat(r.seatsAfter()).isEqualTo(r.seatsBefore()).containsExactly(entry("Con", 2), entry("Lab", 1));
        assertThat(r.changes()).isEmpty();
    }

    @Test
    void eachAlliancePartyStandsDownWhereTheOtherIsBestPlacedAndItsVotersTransfer() {
        // Ashby: Lab (35) is the best-placed ally, LD withdraws: 60% of 25 = 15 to Lab (50), 20% = 5 to Con (45). Lab by 5.
        // Barton: LD (30) is best placed, Lab withdraws: 70% of 25 = 17.5, rounded down to 17, to LD (47) against Con 45. LD by 2.
        // Colne: Lab is the only ally; nobody withdraws.
        Scenario pact = scenario(List.of("Lab", "LD"), List.of(),
                List.of(new StandDown("Lab", StandDownRule.ALLY_BEST_PLACED, null), new StandDown("LD", StandDownRule.ALLY_BEST_PLACED, null)),
                List.of(new Transfer("LD", List.of(new TransferShare(TransferShare.ALLY, d("0.6"), null), new TransferShare("Con", d("0.2"), null))),
                        new Transfer("Lab", List.of(new TransferShare(TransferShare.ALLY, d("0.7"), null)))));
        ScenarioResult r = new AllianceModel(SEATS, pact, LOT).central();
        assertThat(r.changes()).containsExactly(
                new SeatChange("Ashby", "Ashby", "North", "Con", "Lab", 5, 5),
                new SeatChange("Barton", "Barton", "North", "Con", "LD", 15, 2));
        assertThat(r.seatsAfter()).containsExactly(entry("Lab", 2), entry("LD", 1));
        assertThat(r.seats()).extracting(SeatOutcome::bestPlacedAlly).containsExactly("Lab", "LD", "Lab");
    }

    @Test
    void aPartyThatStandsDownEverywhereIsNotTheBestPlacedAllyOthersMakeWayFor() {
        // Greens lead the alliance here (30) but stand down everywhere, so Lab (20) is the best-placed ally still
        // available: LD withdraws for Lab, and half the Greens' 30 go to Lab (35), still short of Con's 40.
        List<ConstituencyResult> seat = ResultsCsv.parse("g.csv", """
                constituency,region,party,votes
                Dale,West,Con,40
                Dale,West,Green,30
                Dale,West,Lab,20
                Dale,West,LD,10
                """);
        Scenario pact = scenario(List.of("Green", "Lab", "LD"), null,
                List.of(new StandDown("Green", StandDownRule.ALL, null), new StandDown("Lab", StandDownRule.ALLY_BEST_PLACED, null),
                        new StandDown("LD", StandDownRule.ALLY_BEST_PLACED, null)),
                List.of(new Transfer("Green", List.of(new TransferShare(TransferShare.ALLY, d("0.5"), null)))));
        SeatOutcome dale = new AllianceModel(seat, pact, LOT).central().seats().get(0);
        assertThat(dale.bestPlacedAlly()).isEqualTo("Lab");
        assertThat(dale.votes()).containsExactly(entry("Con", 40L), entry("Lab", 35L));
    }

    @Test
    void aUniformSwingMovesPercentagePointsOfEachSeatsVote() {
        // Ashby: Con 40 - 3 = 37, Lab 35 + 3 = 38. Barton: Con 42, LD 30, Lab 28. Colne: Lab 53, Con 27.
        Scenario swing = scenario(null, List.of(new Swing("Con", null, SwingKind.UNIFORM, d("-3"), null),
                new Swing("Lab", null, SwingKind.UNIFORM, d("3"), null)), null, null);
        ScenarioResult r = new AllianceModel(SEATS, swing, LOT).central();
        assertThat(r.changes()).containsExactly(new SeatChange("Ashby", "Ashby", "North", "Con", "Lab", 5, 1));
    }

    @Test
    void aProportionalSwingMultipliesVotesAndARegionalSwingStaysInItsRegion() {
        // LD × 1.5 in the North only: Ashby 25 -> 37.5, rounded half up to 38; Barton 30 -> 45 (Con 45 too: lot).
        // The Greens, ×9 in the North, have no candidate there, so Colne (South) keeps Green 20.
        Scenario swing = scenario(null, List.of(new Swing("LD", "North", SwingKind.PROPORTIONAL, d("1.5"), null),
                new Swing("Green", "North", SwingKind.PROPORTIONAL, d("9"), null)), null, null);
        ScenarioResult r = new AllianceModel(SEATS, swing, LOT).central();
        assertThat(r.seats().get(0).votes()).containsExactly(entry("Con", 40L), entry("LD", 38L), entry("Lab", 35L));
        assertThat(r.seats().get(1).votes()).containsExactly(entry("Con", 45L), entry("LD", 45L), entry("Lab", 25L));
        assertThat(r.seats().get(1).marginAfter()).isZero();
        assertThat(r.seats().get(2).votes()).containsExactly(entry("Lab", 50L), entry("Con", 30L), entry("Green", 20L));
    }

    @Test
    void votesOfAWithdrawnPartyGoToTheNamedPartyToAnAllyOrAreSplitByVoteShare() {
        // Colne: Green (20) stands down, half split over Lab 50 / Con 30 in proportion: 10 × 50/80 = 6, 10 × 30/80 = 3.
        Scenario split = scenario(null, null, List.of(new StandDown("Green", StandDownRule.LISTED, List.of("Colne"))),
                List.of(new Transfer("Green", List.of(new TransferShare(TransferShare.SPLIT, d("0.5"), null)))));
        ScenarioResult r = new AllianceModel(SEATS, split, LOT).central();
        RegionComparison south = r.regions().stream().filter(x -> x.region().equals("South")).findFirst().orElseThrow();
        assertThat(south.fptp()).containsExactly(entry("Lab", 1));
        assertThat(r.seats().get(2).votes()).containsExactly(entry("Lab", 56L), entry("Con", 33L));
        assertThat(r.seats().get(2).marginAfter()).isEqualTo(23);
    }

    @Test
    void theSameVotesAreCountedByDHondtSainteLagueAndAmsPerRegion() {
        // North, 2 constituencies, votes Con 85, Lab 60, LD 55: D'Hondt 85, 60 -> Con 1, Lab 1; Sainte-Laguë the same.
        // AMS list seats for 2 constituencies at 56/73: 2 × 56 / 73 = 1.53 -> 2. Con holds 2 constituencies, so its
        // list average is 85/3 = 28.3 and the list seats go to Lab 60 and LD 55.
        ScenarioResult r = new AllianceModel(SEATS, Scenario.none(), LOT).central();
        RegionComparison north = r.regions().get(0);
        assertThat(north.region()).isEqualTo("North");
        assertThat(north.dHondt()).containsExactly(entry("Con", 1), entry("Lab", 1));
        assertThat(north.sainteLague()).containsExactly(entry("Con", 1), entry("Lab", 1));
        assertThat(north.listSeats()).isEqualTo(2);
        assertThat(north.ams().total()).containsExactly(entry("Con", 2), entry("LD", 1), entry("Lab", 1));
        assertThat(r.ams().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3 + 2 + 1);
    }

    @Test
    void amsListSeatsFollowTheScottishProportionByDefault() {
        assertThat(AmsAssumption.SCOTTISH_PARLIAMENT.listSeatsFor(73)).isEqualTo(56);
        assertThat(AmsAssumption.SCOTTISH_PARLIAMENT.listSeatsFor(9)).isEqualTo(7);
        assertThat(new AmsAssumption(4, 10).listSeatsFor(5)).isEqualTo(2);
    }

    @Test
    void aScenarioThatDoesNotFitTheResultsNamesTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AllianceModel(SEATS,
                        scenario(null, List.of(new Swing("Con", null, SwingKind.UNIFORM, d("1"), null), new Swing("Reform", null, SwingKind.UNIFORM, d("1"), null)), null, null), LOT))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("swings[1].party: no candidate has the label 'Reform'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AllianceModel(SEATS,
                        scenario(null, null, List.of(new StandDown("LD", StandDownRule.ALL, null)),
                                List.of(new Transfer("LD", List.of(new TransferShare("Lab", d("0.7"), null), new TransferShare("Con", d("0.4"), null))))), LOT))
                .hasMessage("transfers[0].shares: shares add up to 1.1, more than 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AllianceModel(SEATS,
                        scenario(null, null, List.of(new StandDown("LD", StandDownRule.LISTED, List.of("Ashby", "Nowhere"))), null), LOT))
                .hasMessage("standDowns[0].constituencies[1]: no constituency has id or name 'Nowhere'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AllianceModel(SEATS,
                        scenario(null, null, null, List.of(new Transfer("LD", List.of()))), LOT))
                .hasMessage("transfers[0].from: 'LD' does not stand down anywhere (see standDowns)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AllianceModel(SEATS,
                        scenario(null, List.of(new Swing("Con", "Midlands", SwingKind.UNIFORM, d("1"), null)), null, null), LOT))
                .hasMessage("swings[0].area: no constituency has region or nation 'Midlands'");
    }

    @Test
    void monteCarloIsReproducibleForASeedAndVariesWithIt() {
        Scenario noisy = new Scenario(null, List.of(new Swing("Lab", null, SwingKind.UNIFORM, d("2"), d("3"))), null, null, d("2"), null, null);
        AllianceModel model = new AllianceModel(SEATS, noisy, LOT);
        MonteCarloResult a = model.monteCarlo(500, 42);
        assertThat(model.monteCarlo(500, 42)).isEqualTo(a);
        assertThat(new AllianceModel(SEATS, noisy, LOT).monteCarlo(500, 42)).isEqualTo(a);
        assertThat(model.monteCarlo(500, 43)).isNotEqualTo(a);
        a.seats().forEach(seat -> assertThat(seat.wins().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(500));
        assertThat(a.seats().get(0).wins()).containsKeys("Con", "Lab");
    }

    @Test
    void monteCarloWithoutUncertaintyAgreesWithTheCentralOutcomeInEveryRun() {
        Scenario certain = scenario(null, List.of(new Swing("Con", null, SwingKind.UNIFORM, d("-3"), null),
                new Swing("Lab", null, SwingKind.UNIFORM, d("3"), null)), null, null);
        AllianceModel model = new AllianceModel(SEATS, certain, LOT);
        MonteCarloResult mc = model.monteCarlo(70, 1);
        assertThat(mc.seats()).extracting(SeatOdds::wins).containsExactly(Map.of("Lab", 70), Map.of("Con", 70), Map.of("Lab", 70));
        assertThat(mc.seatTotals()).containsExactly(new SeatRange("Lab", 2.0, 2, 2, 2), new SeatRange("Con", 1.0, 1, 1, 1));
    }
}
