package org.commonweal.pb.welfare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.RandomInstances;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.mes.Utility;
import org.junit.jupiter.api.Test;

class MaxWelfareTest {
    /*
     * Budget 10: p0 costs 6 with 5 votes, p1 and p2 cost 5 with 4 and 3 votes. p0 alone (5 votes) leaves no room for
     * another project (6 + 5 > 10); p1 + p2 give 7 votes for exactly 10. Greedy by votes would pick p0 only.
     */
    @Test
    void picksTheSetOfGreatestTotalVotesNotTheMostVotedProject() {
        Instance i = Instances.approval(10, new long[]{6, 5, 5},
                new int[]{0}, new int[]{0}, new int[]{0}, new int[]{0}, new int[]{0},
                new int[]{1}, new int[]{1}, new int[]{1}, new int[]{1},
                new int[]{2}, new int[]{2}, new int[]{2});
        Outcome o = new MaxWelfare(Utility.CARDINALITY).outcome(i, TieBreak.DEFAULT);
        assertThat(Instances.ids(i, o)).containsExactlyInAnyOrder("p1", "p2");
        assertThat(((MaxWelfare.Welfare) o.verdicts().getFirst().reason()).optimalTotal()).isEqualTo(7);
    }

    @Test
    void costUtilitiesMaximiseTheMoneySpentOnWhatVotersApprove() {
        // votes·cost: p0 1·9 = 9, p1 2·4 = 8, p2 2·4 = 8; budget 9: {p0} = 9 against {p1, p2} = 16 → {p1, p2}.
        Instance i = Instances.approval(9, new long[]{9, 4, 4}, new int[]{0, 1}, new int[]{1, 2}, new int[]{2});
        assertThat(Instances.ids(i, new MaxWelfare(Utility.COST).outcome(i, TieBreak.DEFAULT))).containsExactlyInAnyOrder("p1", "p2");
    }

    @Provide
    Arbitrary<Instance> instances() {
        return RandomInstances.approval();
    }

    @Property(tries = 300)
    void matchesBruteForceOverAllSubsets(@ForAll("instances") Instance instance) {
        for (Utility u : new Utility[]{Utility.CARDINALITY, Utility.COST}) {
            Outcome o = new MaxWelfare(u).outcome(instance, TieBreak.DEFAULT);
            assertThat(o.totalCost()).isLessThanOrEqualTo(instance.budget());
            assertThat(welfare(instance, u, o.selected().stream().mapToInt(Integer::intValue).toArray())).isEqualTo(bruteForce(instance, u));
        }
    }

    @Test
    void branchAndBoundAgreesWithDynamicProgrammingOnLargeNumbers() {
        // Values and costs too large for either table: forces branch and bound; compare with brute force.
        Random random = new Random(42);
        for (int trial = 0; trial < 30; trial++) {
            int n = 12;
            long[] value = new long[n], cost = new long[n];
            for (int k = 0; k < n; k++) {
                value[k] = 1_000_000_000L + random.nextInt(1_000_000_000);
                cost[k] = 1_000_000_000L + random.nextInt(1_000_000_000);
            }
            long capacity = 5_000_000_000L + random.nextInt(1_000_000_000);
            boolean[] take = MaxWelfare.Knapsack.solve(value, cost, capacity);
            long got = 0, spent = 0;
            for (int k = 0; k < n; k++) if (take[k]) {
                got += value[k];
                spent += cost[k];
            }
            long best = 0;
            for (int mask = 0; mask < (1 << n); mask++) {
                long v = 0, c = 0;
                for (int k = 0; k < n; k++) if ((mask & (1 << k)) != 0) {
                    v += value[k];
                    c += cost[k];
                }
                if (c <= capacity) best = Math.max(best, v);
            }
            assertThat(spent).isLessThanOrEqualTo(capacity);
            assertThat(got).isEqualTo(best);
        }
    }

    private static long bruteForce(Instance instance, Utility u) {
        int m = instance.projects().size();
        long best = 0;
        for (int mask = 0; mask < (1 << m); mask++) {
            long cost = 0;
            int[] chosen = new int[Integer.bitCount(mask)];
            for (int p = 0, k = 0; p < m; p++) if ((mask & (1 << p)) != 0) {
                cost += instance.projects().get(p).cost();
                chosen[k++] = p;
            }
            if (cost <= instance.budget()) best = Math.max(best, welfare(instance, u, chosen));
        }
        return best;
    }

    private static long welfare(Instance instance, Utility u, int[] chosen) {
        long[] votes = instance.supportCounts();
        long total = 0;
        for (int p : chosen) total += u == Utility.COST ? votes[p] * instance.projects().get(p).cost() : votes[p];
        return total;
    }
}
