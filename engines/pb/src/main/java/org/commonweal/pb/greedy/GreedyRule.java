package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rule;
import org.commonweal.pb.TieBreak;

/** A greedy rule, which can also start from limits it is given (an initial budget allocation among them). */
interface GreedyRule extends Rule {
    Outcome outcome(Instance instance, TieBreak tieBreak, GreedyLimits limits);

    @Override
    default Outcome outcome(Instance instance, TieBreak tieBreak) {
        return outcome(instance, tieBreak, GreedyLimits.of(instance));
    }
}
