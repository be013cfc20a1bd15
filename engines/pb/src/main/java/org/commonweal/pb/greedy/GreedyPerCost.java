// Greedy by support per unit of cost (pabulib-style name "greedy-cost"): the cost-ratio greedy rule of
// Talmon and Faliszewski, "A Framework for Approval-Based Budgeting Methods", AAAI 2019.
package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Greedy with skipping, ranking projects by score divided by cost, so cheap well-liked projects come
 * first. Ratios are compared exactly by cross-multiplication; a free project with support ranks first.
 */
public final class GreedyPerCost implements GreedyRule {
    @Override
    public String name() {
        return "greedy-cost";
    }

    @Override
    public GreedyWalk walk(Instance instance, GreedyLimits limits) {
        long[] scores = ProjectScores.of(instance);
        Comparator<Integer> byRatio = Comparator.<Integer>comparingInt(p -> band(scores[p], cost(instance, p)))
                .reversed()
                .thenComparing((a, b) -> {
                    // score[a]/cost[a] > score[b]/cost[b]  <=>  score[a]*cost[b] > score[b]*cost[a] (costs > 0 here)
                    long costA = Math.max(1, cost(instance, a)), costB = Math.max(1, cost(instance, b));
                    BigInteger left = BigInteger.valueOf(scores[a]).multiply(BigInteger.valueOf(costB));
                    BigInteger right = BigInteger.valueOf(scores[b]).multiply(BigInteger.valueOf(costA));
                    return right.compareTo(left);
                });
        return new GreedyWalk(scores, byRatio, true, limits);
    }

    private static long cost(Instance instance, int p) {
        return instance.projects().get(p).cost();
    }

    /** A free project's ratio is infinite: above every costed project with support, below with negative score. */
    private static int band(long score, long cost) {
        if (cost > 0 || score == 0) return 1;
        return score > 0 ? 2 : 0;
    }
}
