package org.commonweal.pb.mes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Utilitarian greedy by votes, as the completion (add1u) and the comparison step of equalshares.net use it:
 * most-voted first, ties by the tie-break ranks, skipping any project that no longer fits.
 */
final class GreedyFill {
    private GreedyFill() {
    }

    static List<Integer> fill(List<Integer> start, long[] votes, long[] cost, boolean[] candidate, int[] tieRank, long budget) {
        List<Integer> chosen = new ArrayList<>(start);
        boolean[] in = new boolean[cost.length];
        long spent = 0;
        for (int p : start) {
            in[p] = true;
            spent += cost[p];
        }
        List<Integer> order = IntStream.range(0, cost.length).filter(p -> candidate[p] && !in[p] && votes[p] > 0).boxed()
                .sorted(Comparator.<Integer>comparingLong(p -> -votes[p]).thenComparingInt(p -> tieRank[p])).toList();
        for (int p : order) {
            if (spent + cost[p] <= budget) {
                chosen.add(p);
                spent += cost[p];
            }
        }
        return chosen;
    }
}
