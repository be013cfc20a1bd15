package org.commonweal.elections.stv;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonweal.elections.stv.Elections.ballot;

class OtherRulesTest {
    private final Election example = Elections.of(2, List.of("A", "B", "C", "D"),
            ballot(6, "A", "B", "C"), ballot(3, "A", "C"), ballot(4, "B"), ballot(5, "C"), ballot(2, "D", "B"));

    /*
     * The Scottish worked example under WIGM. Quota = 20/3 = 6.666666666 (truncated) + 10^-9 = 6.666666667.
     * A (9) is elected with a surplus of 2.333333333; A's papers move at 2.333333333/9 = 0.259259259:
     * B gets 6 x that = 1.555555554 (5.555555554), C 3 x that = 0.777777777 (5.777777777), and
     * 0.000000002 is lost. D is excluded, B gets D's 2 papers: 7.555555554, a quota.
     */
    @Test
    void wigmUsesTheFractionalDroopQuotaAndNineDecimals() {
        CountReport r = new WeightedInclusiveGregory().count(example, 0);

        assertThat(r.format(r.quota())).isEqualTo("6.666666667");
        assertThat(r.electedNames()).containsExactly("A", "B");
        assertThat(r.format(r.stages().get(1).total(1))).isEqualTo("5.555555554");
        assertThat(r.format(r.stages().get(1).total(2))).isEqualTo("5.777777777");
        assertThat(r.format(r.stages().get(1).loss())).isEqualTo("0.000000002");
        assertThat(r.format(r.stages().get(2).total(1))).isEqualTo("7.555555554");
    }

    /*
     * Meek on the same papers. Quota = 20/3 = 6.666666666, plus 10^-9 = 6.666666667. A (9) is elected and
     * A's keep factor converges to about 6.666666667 / 9 = 0.740740741, so each A paper passes on about
     * 0.259259259: B about 4 + 6 x 0.259 = 5.556, C about 5 + 3 x 0.259 = 5.778. D is excluded, B gets
     * D's two papers, about 7.556, and is elected. Nothing exhausts, so the quota never moves.
     */
    @Test
    void meekConvergesTheKeepFactorAndElectsTheSameCandidates() {
        CountReport r = new MeekStv().count(example, 0);

        assertThat(r.electedNames()).containsExactly("A", "B");
        assertThat(r.format(r.quota())).isEqualTo("6.666666667");
        Stage converged = r.stages().stream().filter(s -> s.kind() == StageKind.KEEP_FACTORS).findFirst().orElseThrow();
        assertThat(converged.keepFactors()[0]).isBetween(740_740_000L, 740_741_000L);
        assertThat(converged.total(0) - r.quota()).isLessThan(1_000L);
        assertThat(converged.total(1)).isBetween(5_555_000_000L, 5_556_000_000L);
        Stage last = r.stages().getLast();
        assertThat(last.excluded()).containsExactly(3);
        assertThat(last.total(1)).isBetween(7_555_000_000L, 7_556_000_000L);
    }

    /*
     * Meek's quota falls as papers exhaust. 25 papers, 2 seats: quota 25/3 = 8.333333334. A (10) is elected,
     * but A's papers name nobody else, so what A lets go exhausts: with keep factor k, A holds 10k and the
     * quota is (15 + 10k)/3, which meet at k = 0.75, quota 7.5. X (2) is excluded and those two papers
     * exhaust too: the quota drops to (7 + 6 + 7.5)/3 = 6.833..., and B's 7 votes are now a quota.
     */
    @Test
    void meekQuotaFallsWhenPapersExhaust() {
        Election e = Elections.of(2, List.of("A", "B", "C", "X"),
                ballot(10, "A"), ballot(7, "B"), ballot(6, "C"), ballot(2, "X"));
        CountReport r = new MeekStv().count(e, 0);

        assertThat(r.stages().getFirst().quota()).isEqualTo(8_333_333_334L);
        assertThat(r.electedNames()).containsExactly("A", "B");
        assertThat(r.stages().get(1).quota()).isBetween(7_499_999_000L, 7_500_001_000L);
        assertThat(r.quota()).isBetween(6_833_333_000L, 6_833_334_000L);
        assertThat(r.excluded()).containsExactly(3);
    }

    /*
     * The PR Foundation reference rule to the last digit, on two papers that rank B alone (2 seats): B is elected
     * at once and everything B lets go exhausts, so the quota keeps falling. Each keep factor is kf × q rounded
     * up to nine decimals, then divided by B's vote and rounded up again; the total surplus is the sum of the
     * elected candidates' votes minus the quota. Iterating stops after 11 updates, when the surplus stops
     * falling, with kf 0.000026137, B 0.000052274 and quota 0.000017425 (figures from the reference rule as
     * Droop's meek-prf implements it). One rounding of kf × q / v instead gave 13 updates, kf 0.000000628.
     */
    @Test
    void meekUpdatesKeepFactorsExactlyAsThePrFoundationReferenceRule() {
        Election e = Elections.of(2, List.of("A", "B", "C"), ballot(2, "B"));
        CountReport r = new MeekStv().count(e, 0);

        Stage converged = r.stages().get(1);
        assertThat(converged.description()).isEqualTo("keep factors recalculated (11 iterations)");
        assertThat(converged.keepFactors()[1]).isEqualTo(26_137L);
        assertThat(converged.total(1)).isEqualTo(52_274L);
        assertThat(converged.quota()).isEqualTo(17_425L);
        assertThat(converged.accountedFor()).isEqualTo(r.poll());
    }

    /* 11 papers: A has 6, more than half, and wins at once. */
    @Test
    void irvElectsAFirstRoundMajorityAtOnce() {
        CountReport r = new InstantRunoff().count(Elections.of(1, List.of("A", "B", "C"),
                ballot(6, "A"), ballot(3, "B"), ballot(2, "C", "B")), 0);

        assertThat(r.electedNames()).containsExactly("A");
        assertThat(r.stages()).hasSize(1);
        assertThat(r.quota()).isEqualTo(6);
    }

    /* 9 papers: A 4, B 3, C 2. C's papers go to B, who then has 5 of 9 and beats the plurality leader A. */
    @Test
    void irvTransfersTheLowestUntilSomeoneHasAMajority() {
        CountReport r = new InstantRunoff().count(Elections.of(1, List.of("A", "B", "C"),
                ballot(4, "A"), ballot(3, "B"), ballot(2, "C", "B")), 0);

        assertThat(r.electedNames()).containsExactly("B");
        assertThat(r.stages().getLast().total(1)).isEqualTo(5);
    }

    /* C's two papers rank nobody else: 7 papers continue and A's 4 are a majority of them. */
    @Test
    void irvMajorityIsOfTheContinuingVotes() {
        CountReport r = new InstantRunoff().count(Elections.of(1, List.of("A", "B", "C"),
                ballot(4, "A"), ballot(3, "B"), ballot(2, "C")), 0);

        assertThat(r.electedNames()).containsExactly("A");
        assertThat(r.stages().getLast().nonTransferable()).isEqualTo(2);
        assertThat(r.quota()).isEqualTo(4);
    }

    @Test
    void irvRefusesMoreThanOneSeat() {
        assertThatThrownBy(() -> new InstantRunoff().count(example, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one seat");
    }

    @Test
    void rulesAreFoundByTheirCommandLineNames() {
        assertThat(CountingRules.names()).containsExactly("scottish", "meek", "wigm", "irv");
        assertThat(CountingRules.byName("meek")).containsInstanceOf(MeekStv.class);
        assertThat(CountingRules.byName("ers97")).isEmpty();
    }
}
