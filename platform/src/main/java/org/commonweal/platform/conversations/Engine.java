package org.commonweal.platform.conversations;

import org.commonweal.opinion.Analysis;
import org.commonweal.opinion.OpinionMath;
import org.commonweal.opinion.OpinionState;
import org.commonweal.opinion.VoteMatrix;

/** The one call into the opinion engine (engines/opinion): Polis's math, warm-started from the last run's state. */
final class Engine {
    private Engine() {
    }

    static Analysis update(OpinionState previous, VoteMatrix votes) {
        return OpinionMath.update(previous, votes);
    }
}
