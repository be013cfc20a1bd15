package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Outcome.Verdict;
import org.commonweal.pb.TieBreak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The walk every greedy rule shares: take projects in the rule's order (ties by the {@link TieBreak}),
 * fund each one that fits in the money left, and either pass over one that does not fit (skip) or stop there.
 */
final class GreedySelection {
    private GreedySelection() {
    }

    /**
     * @param order     the rule's ranking, best first; ties left to the tie-break
     * @param threshold projects scoring below it are never funded; {@code Long.MIN_VALUE} for none
     */
    static Outcome run(String rule, Instance instance, TieBreak tieBreak, long[] scores,
                       Comparator<Integer> order, boolean skip, long threshold) {
        List<Integer> ranking = new ArrayList<>(IntStream.range(0, instance.projects().size()).boxed().toList());
        ranking.sort(order.thenComparing(tieBreak.comparator(instance)));
        long left = instance.budget();
        long spent = 0;
        int stoppedAt = -1;
        List<Integer> selected = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>(ranking.size());
        int round = 0;
        for (int p : ranking) {
            round++;
            long cost = instance.projects().get(p).cost();
            if (scores[p] < threshold) {
                verdicts.add(new Verdict(p, false, round, new GreedyReason.BelowThreshold(scores[p], threshold)));
            } else if (stoppedAt >= 0) {
                verdicts.add(new Verdict(p, false, round, new GreedyReason.AfterStop(scores[p], stoppedAt)));
            } else if (cost <= left) {
                selected.add(p);
                verdicts.add(new Verdict(p, true, round, new GreedyReason.Funded(scores[p], left, left - cost)));
                left -= cost;
                spent += cost;
            } else {
                verdicts.add(new Verdict(p, false, round, new GreedyReason.DidNotFit(scores[p], cost, left)));
                if (!skip) stoppedAt = p;
            }
        }
        return new Outcome(rule, selected, spent, verdicts, tieBreak);
    }

    /** Highest score first. */
    static Comparator<Integer> byScore(long[] scores) {
        return (a, b) -> Long.compare(scores[b], scores[a]);
    }
}
