package org.commonweal.pb.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.mes.Completion;
import org.commonweal.pb.mes.EqualShares;
import org.commonweal.pb.mes.Utility;
import org.junit.jupiter.api.Test;

class OutcomeStatisticsTest {
    /*
     * Ten voters, budget 100. Voters 0-5 approve p0 and p1 (30 each), voters 6-9 approve p2 (40).
     * Funding only p2: the six are 60% of the voters and T = {p0, p1} costs 60% of the budget, so they are
     * T-cohesive; each has utility 0 and adding p0 or p1 gives 30 ≤ 60: EJR up to one is violated.
     */
    private static Instance cohesive() {
        int[][] ballots = new int[10][];
        for (int v = 0; v < 10; v++) ballots[v] = v < 6 ? new int[]{0, 1} : new int[]{2};
        return Instances.approval(100, new long[]{30, 30, 40}, ballots);
    }

    private static Outcome funding(Instance instance, List<Integer> selected) {
        long cost = selected.stream().mapToLong(p -> instance.projects().get(p).cost()).sum();
        return new Outcome("fixed", selected, cost, List.of(), TieBreak.DEFAULT);
    }

    private static final long LIMIT = JustifiedRepresentation.DEFAULT_WORK_LIMIT;

    private static JustifiedRepresentation.Result ejr1(Instance i, Outcome o, Utility u, long limit) {
        return JustifiedRepresentation.check(JustifiedRepresentation.Axiom.EJR_UP_TO_ONE, i, o, u, limit);
    }

    @Test
    void ejrUpToOneFindsTheCohesiveGroupLeftWithNothing() {
        // Already T = {p0} (30% of the budget, backed by 60% of the voters) is a complaint: adding p0 gives 30, not more than 30.
        Instance i = cohesive();
        JustifiedRepresentation.Result r = ejr1(i, funding(i, List.of(2)), Utility.COST, LIMIT);
        assertThat(r.status()).isEqualTo(JustifiedRepresentation.Status.VIOLATED);
        assertThat(List.of(0, 1)).containsAll(r.projects());
        assertThat(r.groupSize()).isEqualTo(6);
    }

    @Test
    void ejrUpToOneNeedsStrictlyMoreThanTheGroupsDueAfterAddingOneProject() {
        // Funding p0 and p2: for T = {p0, p1} the six have 30 and, with p1 added, 60, which is not more than u(T) = 60.
        Instance i = cohesive();
        assertThat(ejr1(i, funding(i, List.of(0, 2)), Utility.COST, LIMIT).projects()).containsExactly(0, 1);
        // Cardinality: 1 funded, 2 with p1 added, again not more than |T| = 2.
        assertThat(ejr1(i, funding(i, List.of(0, 2)), Utility.CARDINALITY, LIMIT).status())
                .isEqualTo(JustifiedRepresentation.Status.VIOLATED);
        assertThat(ejr1(i, funding(i, List.of(0, 1, 2)), Utility.COST, LIMIT).status()).isEqualTo(JustifiedRepresentation.Status.SATISFIED);
    }

    @Test
    void ejrUpToOneReportsNotCheckedWhenTheWorkLimitRunsOut() {
        // Voter 0 alone wants p0 (half the budget); one voter in ten is not cohesive for it, but finding that out takes work.
        int[][] ballots = new int[10][];
        for (int v = 0; v < 10; v++) ballots[v] = v == 0 ? new int[]{0} : new int[]{1};
        Instance i = Instances.approval(100, new long[]{50, 10}, ballots);
        assertThat(ejr1(i, funding(i, List.of(1)), Utility.COST, LIMIT).status()).isEqualTo(JustifiedRepresentation.Status.SATISFIED);
        assertThat(ejr1(i, funding(i, List.of(1)), Utility.COST, 0).status()).isEqualTo(JustifiedRepresentation.Status.NOT_CHECKED);
    }

    @Test
    void statisticsSummariseSpendReachAndAverageSatisfaction() {
        Instance i = cohesive();
        Outcome o = new EqualShares(Utility.COST, Completion.NONE, false, false).outcome(i, TieBreak.DEFAULT);
        // Each voter holds 10: the six pay 5 each for p0 and p1 (ρ = 5/30), the four 10 each for p2 (ρ = 10/40): all funded.
        assertThat(Instances.ids(i, o)).containsExactlyInAnyOrder("p0", "p1", "p2");
        OutcomeStatistics s = OutcomeStatistics.of(i, o);
        assertThat(s.totalCost()).isEqualTo(100);
        assertThat(s.funded()).isEqualTo(3);
        assertThat(s.votersWithFunded()).isEqualTo(10);
        // cost satisfaction: (6·60 + 4·40)/10 = 52; cardinality: (6·2 + 4·1)/10 = 1.6
        assertThat(s.averageCostSatisfaction()).isEqualByComparingTo("52");
        assertThat(s.averageCardinalitySatisfaction()).isEqualByComparingTo("1.6");
        assertThat(s.ejrUpToOne().status()).isEqualTo(JustifiedRepresentation.Status.SATISFIED);
    }

    @Test
    void voterSatisfactionCountsFundedProjectsAndTheirShareOfTheBudget() {
        Instance i = cohesive();
        List<VoterSatisfaction> all = VoterSatisfaction.of(i, funding(i, List.of(0, 2)));
        assertThat(all.getFirst()).isEqualTo(new VoterSatisfaction("v0", 2, 1, 30, new BigDecimal("0.300000")));
        assertThat(all.getLast()).isEqualTo(new VoterSatisfaction("v9", 1, 1, 40, new BigDecimal("0.400000")));
    }
}
