package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rule;
import org.commonweal.pb.TieBreak;

/** A greedy rule, which can also start from limits it is given (an initial budget allocation among them). */
interface GreedyRule extends Rule {
    /** The walk this rule makes within the limits; its outcome is that walk with ties by the tie-break. */
    GreedyWalk walk(Instance instance, GreedyLimits limits);

    default Outcome outcome(Instance instance, TieBreak tieBreak, GreedyLimits limits) {
        return walk(instance, limits).run(name(), instance, tieBreak);
    }

    @Override
    default Outcome outcome(Instance instance, TieBreak tieBreak) {
        return outcome(instance, tieBreak, GreedyLimits.of(instance));
    }
}
