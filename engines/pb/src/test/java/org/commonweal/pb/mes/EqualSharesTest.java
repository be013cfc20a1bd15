package org.commonweal.pb.mes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rational;
import org.commonweal.pb.TieBreak;
import org.junit.jupiter.api.Test;

class EqualSharesTest {
    /*
     * Budget 100, four voters (25 each). p0 costs 60 (voters 0-2), p1 costs 40 (voter 3), p2 costs 50 (everyone).
     * Round 1: p2 costs each supporter 12.5 (ρ = 12.5/50 = 1/4), p0 20 each (ρ = 1/3), p1 is unaffordable (25 < 40).
     * p2 wins; everyone keeps 12.5, so p0 (3·12.5 < 60) and p1 (12.5 < 40) are out: MES = {p2}.
     * add1: from 8 extra units on (3·20.5 ≥ 60) p0 joins and the outcome costs 110 > 100, so add1 keeps
     * the 7-unit outcome {p2} although it is not exhaustive (p1 would still fit).
     * Greedy by votes: p2 (4 votes), p0 (3 votes, 110 > 100, skipped), p1 → {p2, p1}.
     */
    private static final Instance SPLIT = Instances.approval(100, new long[]{60, 40, 50},
            new int[]{0, 2}, new int[]{0, 2}, new int[]{0, 2}, new int[]{1, 2});

    @Test
    void plainMesFundsTheProjectWithTheLowestPricePerUtilityAndStopsWhenNothingIsAffordable() {
        Outcome o = new EqualShares(Utility.COST, Completion.NONE, false, false).outcome(SPLIT, TieBreak.DEFAULT);
        assertThat(Instances.ids(SPLIT, o)).containsExactly("p2");
        Outcome.Verdict funded = o.verdicts().get(2);
        MesPayment payment = (MesPayment) funded.reason();
        assertThat(payment.round()).isEqualTo(1);
        assertThat(payment.rho()).isEqualByComparingTo("0.25");
        assertThat(payment.shares()).containsExactly(new MesPayment.Share(4, new BigDecimal("12.5")));
        MesLoss lostP0 = (MesLoss) o.verdicts().get(0).reason();
        assertThat(lostP0.round()).isEqualTo(2);
        assertThat(lostP0.overtakenBy()).isEqualTo(2);
        assertThat(lostP0.supportersMoney()).isEqualByComparingTo("37.5");
        assertThat(lostP0.lastRho()).isEqualByComparingTo(new BigDecimal("0.333333"));
        MesLoss lostP1 = (MesLoss) o.verdicts().get(1).reason();
        assertThat(lostP1.round()).isEqualTo(1);
        assertThat(lostP1.overtakenBy()).isEqualTo(-1);
        assertThat(lostP1.lastRho()).isNull();
    }

    @Test
    void add1KeepsTheLastOutcomeThatFitsWhenRaisingOverspendsBeforeReachingExhaustiveness() {
        EqualShares.Decision d = new EqualShares(Utility.COST, Completion.ADD1, false, false).decide(SPLIT, TieBreak.DEFAULT);
        assertThat(Instances.ids(SPLIT, d.outcome())).containsExactly("p2");
        assertThat(d.increments()).isEqualTo(7);
        assertThat(d.finalPerVoterBudget()).isEqualTo(Rational.of(32));
    }

    @Test
    void add1uFillsWhatAdd1LeftGreedilyByVotes() {
        Outcome o = new EqualShares(Utility.COST, Completion.ADD1U, false, false).outcome(SPLIT, TieBreak.DEFAULT);
        assertThat(Instances.ids(SPLIT, o)).containsExactly("p2", "p1");
        assertThat(o.verdicts().get(1).reason()).isInstanceOf(CompletionReason.class);
        assertThat(o.totalCost()).isEqualTo(90);
    }

    @Test
    void comparisonSwitchesToGreedyWhenMoreVotersAreStrictlyBetterOffUnderIt() {
        // Greedy {p2, p1} gives voter 3 utility 90 instead of 50; voters 0-2 get 50 either way: 1 against 0.
        Outcome o = new EqualShares(Utility.COST, Completion.ADD1, true, false).outcome(SPLIT, TieBreak.DEFAULT);
        assertThat(Instances.ids(SPLIT, o)).containsExactly("p2", "p1");
        CompletionReason why = (CompletionReason) o.verdicts().get(1).reason();
        assertThat(why.step()).isEqualTo(CompletionReason.Step.COMPARISON);
        assertThat(why.preferGreedy()).isEqualTo(1);
        assertThat(why.preferMes()).isZero();
    }

    /*
     * Budget 100, two voters (50 each): p0 costs 60 (voter 0), p1 costs 40 (voter 1). Plain MES funds p1 only.
     * With 10 extra units voter 0 holds 60 and both projects cost ρ = 1; the tie goes to the cheaper p1,
     * then p0: {p1, p0} costs exactly 100 and is exhaustive, so add1 stops there.
     */
    private static final Instance TWO = Instances.approval(100, new long[]{60, 40}, new int[]{0}, new int[]{1});

    @Test
    void add1StopsAtTheFirstExhaustiveOutcome() {
        assertThat(Instances.ids(TWO, new EqualShares(Utility.COST, Completion.NONE, false, false).outcome(TWO, TieBreak.DEFAULT)))
                .containsExactly("p1");
        EqualShares.Decision d = new EqualShares(Utility.COST, Completion.ADD1, false, false).decide(TWO, TieBreak.DEFAULT);
        assertThat(Instances.ids(TWO, d.outcome())).containsExactly("p1", "p0");
        assertThat(d.increments()).isEqualTo(10);
    }

    @Test
    void tiesInRhoFollowTheConfiguredTieBreak() {
        // Same instance, 10 extra units: with a lottery-only tie-break the order of the tied pair follows the lottery.
        TieBreak byLottery = TieBreak.parse("lottery", 7);
        Outcome o = new EqualShares(Utility.COST, Completion.ADD1, false, false).outcome(TWO, byLottery);
        int[] ranks = org.commonweal.pb.TieOrder.ranks(TWO, byLottery);
        String first = ranks[0] < ranks[1] ? "p0" : "p1";
        assertThat(Instances.ids(TWO, o).getFirst()).isEqualTo(first);
    }

    /*
     * Cumulative, budget 10, two voters with 5 each. Voter 0: p0 3 points, p1 1 point; voter 1: p1 4 points.
     * Costs 5 and 5. p0: only voter 0 (u=3) with 5: ρ = 5/3. p1: u = 1 + 4 = 5, ρ = 1, payments 1 and 4.
     * p1 wins; voter 0 keeps 4 < 5, so p0 is out: {p1}.
     */
    @Test
    void pointsAreAdditiveUtilitiesOnCumulativeBallots() {
        Instance cumulative = Instances.cumulative(10, new long[]{5, 5}, new int[][]{{0, 1}, {1}}, new long[][]{{3, 1}, {4}});
        Outcome o = new EqualShares(null, Completion.NONE, false, false).outcome(cumulative, TieBreak.DEFAULT);
        assertThat(Instances.ids(cumulative, o)).containsExactly("p1");
        MesPayment paid = (MesPayment) o.verdicts().get(1).reason();
        assertThat(paid.rho()).isEqualByComparingTo("1");
        assertThat(paid.shares()).containsExactly(new MesPayment.Share(1, new BigDecimal("4")), new MesPayment.Share(1, new BigDecimal("1")));
    }

    @Test
    void cardinalityUtilitiesPriceProjectsPerVoterNotPerUnitOfCost() {
        /*
         * Budget 90, three voters (30 each). p0 costs 90 (everyone), p1 costs 20 (voter 0), p2 costs 20 (voter 1).
         * Cost utilities: ρ(p0) = 30/90 = 1/3, ρ(p1) = ρ(p2) = 20/20 = 1 → p0, and nothing is left: {p0}.
         * Cardinality: ρ(p0) = 30, ρ(p1) = ρ(p2) = 20 → p1 and p2 (equal cost and votes: the lottery orders them),
         * after which voters 0 and 1 hold 10 each, so p0 (10+10+30 < 90) is unaffordable.
         */
        Instance i = Instances.approval(90, new long[]{90, 20, 20}, new int[]{0, 1}, new int[]{0, 2}, new int[]{0});
        assertThat(Instances.ids(i, new EqualShares(Utility.COST, Completion.NONE, false, false).outcome(i, TieBreak.DEFAULT))).containsExactly("p0");
        assertThat(Instances.ids(i, new EqualShares(Utility.CARDINALITY, Completion.NONE, false, false).outcome(i, TieBreak.DEFAULT)))
                .containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void eligibilityFilterDropsProjectsWithLessThanAThirdOfTheirBudgetShareInVotes() {
        // 10 voters, budget 100. p0 costs 90 with 2 votes: 2/10 < 90/300, ineligible. p1 costs 10 with 1 vote: 1/10 ≥ 10/300.
        int[][] ballots = new int[10][];
        for (int v = 0; v < 10; v++) ballots[v] = v < 2 ? new int[]{0} : v == 2 ? new int[]{1} : new int[]{};
        Instance i = Instances.approval(100, new long[]{90, 10}, ballots);
        Outcome o = new EqualShares(Utility.COST, Completion.ADD1, false, true).outcome(i, TieBreak.DEFAULT);
        assertThat(Instances.ids(i, o)).containsExactly("p1");
        assertThat(o.verdicts().getFirst().reason()).isInstanceOf(Eligibility.Ineligible.class);
    }

    @Test
    void namesRoundTripThroughParse() {
        for (Completion c : Completion.values()) {
            for (boolean comparison : new boolean[]{false, true}) {
                for (boolean eligibility : new boolean[]{false, true}) {
                    for (Utility u : new Utility[]{null, Utility.COST, Utility.CARDINALITY, Utility.POINTS}) {
                        EqualShares rule = new EqualShares(u, c, comparison, eligibility);
                        assertThat(EqualShares.parse(rule.name())).isEqualTo(rule);
                    }
                }
            }
        }
        assertThat(EqualShares.parse("equalshares/add1-comparison")).isEqualTo(new EqualShares(null, Completion.ADD1, true, false));
        assertThatThrownBy(() -> EqualShares.parse("equalshares/add2")).hasMessageContaining("unknown completion '/add2'");
    }

    @Test
    void optionsOverrideTheNameAndUnknownOnesAreRefused() {
        assertThat(EqualShares.fromOptions("equalshares", java.util.Map.of("completion", "add1-max", "comparison", "true", "utility", "cost")))
                .isEqualTo(new EqualShares(Utility.COST, Completion.ADD1_MAX, true, false));
        assertThat(EqualShares.fromOptions("equalshares/add1-comparison", java.util.Map.of("completion", "none")))
                .isEqualTo(new EqualShares(null, Completion.NONE, true, false));
        assertThatThrownBy(() -> EqualShares.fromOptions("equalshares", java.util.Map.of("budget", "5")))
                .hasMessageContaining("has no option 'budget'");
        assertThatThrownBy(() -> EqualShares.fromOptions("equalshares", java.util.Map.of("completion", "add2")))
                .hasMessageContaining("unknown completion 'add2'");
    }

    @Test
    void pointsUtilitiesOnApprovalBallotsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new EqualShares(Utility.POINTS, Completion.NONE, false, false).outcome(SPLIT, TieBreak.DEFAULT))
                .hasMessageContaining("points utilities need cumulative or scoring ballots");
    }
}
