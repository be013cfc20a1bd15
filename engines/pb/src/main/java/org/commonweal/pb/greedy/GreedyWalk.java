package org.commonweal.pb.greedy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.TieBreak;

/**
 * What a greedy rule's walk is made of: the scores, the rule's order (best first, ties left open), whether it passes
 * over a project that does not fit or stops there, and its limits. The rule's outcome walks in that order with ties
 * by the tie-break; {@link GreedyTies} walks it in every order the ties allow.
 */
record GreedyWalk(long[] scores, Comparator<Integer> order, boolean skip, GreedyLimits limits) {
    Outcome run(String rule, Instance instance, TieBreak tieBreak) {
        return run(rule, instance, tieBreak, ranking(instance, tieBreak));
    }

    /** Walks exactly the projects of {@code ranking}, in that order (a prefix of a full ranking walks part of the way). */
    Outcome run(String rule, Instance instance, TieBreak tieBreak, List<Integer> ranking) {
        return GreedySelection.run(rule, instance, tieBreak, scores, ranking, skip, limits);
    }

    List<Integer> ranking(Instance instance, TieBreak tieBreak) {
        List<Integer> ranking = new ArrayList<>(IntStream.range(0, instance.projects().size()).boxed().toList());
        ranking.sort(order.thenComparing(tieBreak.comparator(instance)));
        return ranking;
    }
}
