// Greedy selection that stops at the first project that does not fit (pabulib rule "greedy-no-skip");
// see Faliszewski et al., "Participatory Budgeting: Data, Tools and Analysis", IJCAI 2023.
package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;

/**
 * Fund projects from the highest score down and stop at the first one the money left cannot pay for, as
 * cities do whose statutes forbid funding a less popular project over a more popular one.
 */
public final class GreedyNoSkip implements GreedyRule {
    @Override
    public String name() {
        return "greedy-no-skip";
    }

    @Override
    public GreedyWalk walk(Instance instance, GreedyLimits limits) {
        long[] scores = ProjectScores.of(instance);
        return new GreedyWalk(scores, GreedySelection.byScore(scores), false, limits);
    }
}
