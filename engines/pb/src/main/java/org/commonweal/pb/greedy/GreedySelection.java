package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Outcome.Verdict;
import org.commonweal.pb.TieBreak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The walk every greedy rule shares: take projects in the rule's order (ties by the {@link TieBreak}),
 * fund each one that fits in the money left and within its {@link GreedyLimits}, and either pass over one
 * that does not fit (skip) or stop there. A project below the minimum score or excluded by a funded rival is
 * not eligible at all, so it neither gets funded nor stops the no-skip walk. Projects of an initial budget allocation
 * are funded before the walk, from the same budget and caps.
 */
final class GreedySelection {
    private GreedySelection() {
    }

    /** @param ranking the projects in the order the walk considers them (the rule's order, ties broken) */
    static Outcome run(String rule, Instance instance, TieBreak tieBreak, long[] scores,
                       List<Integer> ranking, boolean skip, GreedyLimits limits) {
        int m = instance.projects().size();
        boolean[][] counts = limits.membership(instance);
        long[] capLeft = limits.limits().stream().mapToLong(GreedyLimits.Limit::amount).toArray();
        int[][] rivals = limits.rivals(m);
        int[] excludedBy = new int[m];
        java.util.Arrays.fill(excludedBy, -1);
        long left = instance.budget();
        long spent = 0;
        int stoppedAt = -1;
        List<Integer> selected = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>(m);
        int round = 0;
        boolean[] initial = new boolean[m];
        for (int p : limits.initial()) {
            long cost = instance.projects().get(p).cost();
            if (cost > left) {
                throw new IllegalArgumentException("the initial budget allocation costs more than the budget (at project '" + instance.projects().get(p).id() + "')");
            }
            initial[p] = true;
            selected.add(p);
            verdicts.add(new Verdict(p, true, ++round, new GreedyReason.Initial(scores[p], left, left - cost)));
            left -= cost;
            spent += cost;
            for (int l = 0; l < capLeft.length; l++) if (counts[l][p]) capLeft[l] -= cost;
            for (int q : rivals[p]) if (excludedBy[q] < 0) excludedBy[q] = p;
        }
        for (int p : ranking) {
            if (initial[p]) continue;
            round++;
            long cost = instance.projects().get(p).cost();
            int cap = overCap(counts, capLeft, p, cost);
            if (scores[p] < limits.threshold()) {
                verdicts.add(new Verdict(p, false, round, new GreedyReason.BelowThreshold(scores[p], limits.threshold())));
            } else if (excludedBy[p] >= 0) {
                verdicts.add(new Verdict(p, false, round, new GreedyReason.Excluded(scores[p], excludedBy[p])));
            } else if (stoppedAt >= 0) {
                verdicts.add(new Verdict(p, false, round, new GreedyReason.AfterStop(scores[p], stoppedAt)));
            } else if (cost > left) {
                verdicts.add(new Verdict(p, false, round, new GreedyReason.DidNotFit(scores[p], cost, left)));
                if (!skip) stoppedAt = p;
            } else if (cap >= 0) {
                GreedyLimits.Limit limit = limits.limits().get(cap);
                verdicts.add(new Verdict(p, false, round, new GreedyReason.OverLimit(scores[p], cost, limit.column(), limit.value(), capLeft[cap])));
                if (!skip) stoppedAt = p;
            } else {
                selected.add(p);
                verdicts.add(new Verdict(p, true, round, new GreedyReason.Funded(scores[p], left, left - cost)));
                left -= cost;
                spent += cost;
                for (int l = 0; l < capLeft.length; l++) if (counts[l][p]) capLeft[l] -= cost;
                for (int q : rivals[p]) if (excludedBy[q] < 0) excludedBy[q] = p;
            }
        }
        return new Outcome(rule, selected, spent, verdicts, tieBreak);
    }

    /** The first limit that p's cost would exceed, or -1. */
    private static int overCap(boolean[][] counts, long[] capLeft, int p, long cost) {
        for (int l = 0; l < capLeft.length; l++) if (counts[l][p] && cost > capLeft[l]) return l;
        return -1;
    }

    /** Highest score first. */
    static Comparator<Integer> byScore(long[] scores) {
        return (a, b) -> Long.compare(scores[b], scores[a]);
    }
}
