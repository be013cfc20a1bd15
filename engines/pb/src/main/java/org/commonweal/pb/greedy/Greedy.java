// Greedy selection with skipping, the rule of most city participatory budgets (pabulib rule "greedy");
// see Faliszewski et al., "Participatory Budgeting: Data, Tools and Analysis", IJCAI 2023.
package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;

/** Fund projects from the highest score down, passing over any that no longer fits in the money left. */
public final class Greedy implements GreedyRule {
    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public GreedyWalk walk(Instance instance, GreedyLimits limits) {
        long[] scores = ProjectScores.of(instance);
        return new GreedyWalk(scores, GreedySelection.byScore(scores), true, limits);
    }
}
