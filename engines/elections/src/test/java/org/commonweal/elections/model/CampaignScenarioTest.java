package org.commonweal.elections.model;

import org.commonweal.elections.apportionment.Lot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.commonweal.elections.model.AllianceModelTest.SEATS;
import static org.commonweal.elections.model.AllianceModelTest.d;

/** The campaigners' additions, on the three hand-made seats of {@link AllianceModelTest} (100 votes each). */
class CampaignScenarioTest {
    private static final Lot LOT = new Lot(5);

    private static ScenarioResult run(Scenario s) {
        return new AllianceModel(SEATS, s, LOT).central();
    }

    private static Scenario with(List<String> alliance, List<StandDown> standDowns, List<Transfer> transfers, List<Tactical> tactical,
                                 List<SeatOverride> overrides, BigDecimal incumbency) {
        return new Scenario(alliance, null, standDowns, transfers, null, null, null, null, tactical, overrides, incumbency, null, null);
    }

    private static SeatOutcome seat(ScenarioResult r, String name) {
        return r.seats().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void tacticalVotersMoveToTheBestPlacedAllyWithoutAnyoneStandingDown() {
        // Ashby: Lab (35) is the best-placed ally; half of LD's 25 (12, rounded down) vote Lab: Lab 47, Con 40, LD 13.
        // Barton: LD (30) is best placed, so LD's voters stay; Lab's are not tactical here.
        ScenarioResult r = run(with(List.of("Lab", "LD"), null, null, List.of(new Tactical("LD", null, d("0.5"))), null, null));
        assertThat(seat(r, "Ashby").votes()).containsExactly(entry("Lab", 47L), entry("Con", 40L), entry("LD", 13L));
        assertThat(seat(r, "Barton").votes()).containsExactly(entry("Con", 45L), entry("LD", 30L), entry("Lab", 25L));
        assertThat(r.changes()).extracting(SeatChange::name).containsExactly("Ashby");
    }

    @Test
    void aStandDownForOneBeneficiaryHappensOnlyWhereThatPartyIsBestPlacedAndItsTransferHoldsThere() {
        // Lab stands down for LD only: in Barton (LD best placed) Lab withdraws and 80% of its 25 (20) go to LD: 50 beats Con 45.
        // In Ashby Lab is best placed, so it stands; the 10% general transfer never applies because Lab never withdraws there.
        Scenario s = with(List.of("Lab", "LD"), List.of(new StandDown("Lab", StandDownRule.BENEFICIARY_BEST_PLACED, null, "LD")),
                List.of(new Transfer("Lab", List.of(new TransferShare("ally", d("0.1"), null))),
                        new Transfer("Lab", List.of(new TransferShare("ally", d("0.8"), null)), null, "LD")), null, null, null);
        ScenarioResult r = run(s);
        assertThat(seat(r, "Barton").votes()).containsExactly(entry("LD", 50L), entry("Con", 45L));
        assertThat(seat(r, "Ashby").votes()).containsExactly(entry("Con", 40L), entry("Lab", 35L), entry("LD", 25L));
        assertThat(r.changes()).extracting(SeatChange::name, SeatChange::to).containsExactly(org.assertj.core.groups.Tuple.tuple("Barton", "LD"));
    }

    @Test
    void aTransferForARegionBeatsTheGeneralOne() {
        // LD stands down everywhere; in the North 60% of its voters go to Lab, elsewhere (no LD in Colne anyway) 10%.
        Scenario s = with(List.of("Lab", "LD"), List.of(new StandDown("LD", StandDownRule.ALL, null)),
                List.of(new Transfer("LD", List.of(new TransferShare("Lab", d("0.1"), null))),
                        new Transfer("LD", List.of(new TransferShare("Lab", d("0.6"), null)), "North", null)), null, null, null);
        ScenarioResult r = run(s);
        assertThat(seat(r, "Ashby").votes()).containsExactly(entry("Lab", 50L), entry("Con", 40L));
        assertThat(seat(r, "Barton").votes()).containsExactly(entry("Con", 45L), entry("Lab", 43L));
    }

    @Test
    void localFactorsAndIncumbencyAddPointsOfTheSeatsVote() {
        ScenarioResult r = run(with(null, null, null, null, List.of(new SeatOverride("Barton", "LD", d("16"))), d("5")));
        // incumbents (Con, Con, Lab) gain 5 points; LD gains 16 in Barton: 46 against Con's 50.
        assertThat(seat(r, "Barton").votes()).containsExactly(entry("Con", 50L), entry("LD", 46L), entry("Lab", 25L));
        assertThat(seat(r, "Colne").votes()).containsEntry("Lab", 55L);
        assertThatThrownBy(() -> run(with(null, null, null, null, List.of(new SeatOverride("Colne", "LD", d("3"))), null)))
                .isInstanceOf(ScenarioException.class).hasMessage("overrides[0].party: 'LD' has no candidate in Colne");
    }

    @Test
    void aPollIsBalancedToAHundredPerCentAndReachedExactlyByAProportionalSwing() {
        // 300 votes: Con 115, Lab 110, LD 55, Green 20. Lab to 40%: the others share 60% as they share their 190 votes now.
        Scenario poll = new Scenario(null, null, null, null, null, null, null,
                List.of(new Poll(null, SwingKind.PROPORTIONAL, Map.of("Lab", d("40")))), null, null, null, null, null);
        ScenarioResult r = run(poll);
        assertThat(r.votesAfter().get("Lab")).isEqualTo(120L);
        assertThat(r.votesAfter().values().stream().mapToLong(Long::longValue).sum()).isBetween(299L, 301L);
        assertThat(r.votesAfter().get("Con")).isBetween(108L, 110L); // 115 × 60/190 = 108.9
        assertThatThrownBy(() -> run(new Scenario(null, null, null, null, null, null, null,
                List.of(new Poll("North", SwingKind.PROPORTIONAL, Map.of("Green", d("10")))), null, null, null, null, null)))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("polls[0].shares.Green: has no votes in the area");
    }

    @Test
    void standDownsAndTacticalVotesDoNotChangeTheProportionalCount() {
        Scenario pact = with(List.of("Lab", "LD"), List.of(new StandDown("LD", StandDownRule.ALL, null)),
                List.of(new Transfer("LD", List.of(new TransferShare("Lab", d("1"), null)))), List.of(new Tactical("Con", null, d("0"))), null, null);
        ScenarioResult none = run(Scenario.none());
        ScenarioResult r = run(pact);
        assertThat(r.seatsAfter()).isNotEqualTo(none.seatsAfter());
        assertThat(r.dHondt()).isEqualTo(none.dHondt());
        assertThat(r.sainteLague()).isEqualTo(none.sainteLague());
        assertThat(r.ams()).isEqualTo(none.ams());
        assertThat(r.votesAfter()).isEqualTo(none.votesAfter());
    }

    @Test
    void stvProjectionOfGroupedSeatsUsesTheTransferMatrix() {
        // One 3-member seat of all three constituencies: Con 115, Lab 110, LD 55, Green 20; quota 76.
        // Con and Lab each elect one; Con keeps 39, Lab 34. Green (20) is out: with Green → LD its votes make LD 75, then
        // Lab's remaining candidate (34) is out, 34 × 1 to LD: 109 ≥ quota, LD elected.
        StvAssumption stv = new StvAssumption(Map.of("All", List.of("Ashby", "Barton", "Colne")), 0,
                Map.of("Green", Map.of("LD", d("1")), "Lab", Map.of("LD", d("1"))));
        ScenarioResult r = run(new Scenario(null, null, null, null, null, null, null, null, null, null, null, null, stv));
        assertThat(r.stvSeats()).singleElement().satisfies(seat -> {
            assertThat(seat.seats()).isEqualTo(3);
            assertThat(seat.elected()).containsExactly(entry("Con", 1), entry("LD", 1), entry("Lab", 1));
        });
        assertThatThrownBy(() -> run(Scenario.none().withStv(new StvAssumption(Map.of("Two", List.of("Ashby", "Barton")), 0, null))))
                .isInstanceOf(ScenarioException.class).hasMessage("stv.groups: Colne is in no group (every constituency must be in one)");
    }

    @Test
    void stvProjectionHandCheckedCase() {
        // 2 seats, 1,000 votes, quota 334. A (400) elects one and keeps 66; A's second candidate (66) is the weakest and
        // goes out, its votes to C (266); D (100) goes out to C (366): C reaches the quota. Without transfers B would win.
        Map<String, Long> votes = Map.of("A", 400L, "B", 300L, "C", 200L, "D", 100L);
        Map<String, Map<String, Long>> matrix = Map.of("A", Map.of("C", 1_000_000L), "D", Map.of("C", 1_000_000L));
        assertThat(StvProjection.project(votes, 2, matrix, LOT)).containsExactly(entry("A", 1), entry("C", 1));
        assertThat(StvProjection.project(votes, 2, Map.of(), LOT)).containsExactly(entry("A", 1), entry("B", 1));
    }
}
