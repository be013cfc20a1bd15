// Greedy selection with a minimum support (pabulib rule "greedy-threshold", META min_project_score_threshold),
// as in Warsaw's PB statute; see Faliszewski et al., "Participatory Budgeting: Data, Tools and Analysis", IJCAI 2023.
package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;

/**
 * Greedy with skipping, where a project whose score is below the file's {@code min_project_score_threshold}
 * is never funded, however much money is left. Every greedy variant honours that META key (see
 * {@link GreedyLimits}), so this is plain greedy under the name pabulib files give it.
 */
public final class GreedyThreshold implements GreedyRule {
    @Override
    public String name() {
        return "greedy-threshold";
    }

    @Override
    public GreedyWalk walk(Instance instance, GreedyLimits limits) {
        long[] scores = ProjectScores.of(instance);
        return new GreedyWalk(scores, GreedySelection.byScore(scores), true, limits);
    }
}
