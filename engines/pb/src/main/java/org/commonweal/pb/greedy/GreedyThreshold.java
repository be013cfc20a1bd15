// Greedy selection with a minimum support (pabulib rule "greedy-threshold", META min_project_score_threshold),
// as in Warsaw's PB statute; see Faliszewski et al., "Participatory Budgeting: Data, Tools and Analysis", IJCAI 2023.
package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rule;
import org.commonweal.pb.TieBreak;

/**
 * Greedy with skipping, where a project whose score is below the file's {@code min_project_score_threshold}
 * is never funded, however much money is left. Without that META key it is plain greedy.
 */
public final class GreedyThreshold implements Rule {
    public static final String META_KEY = "min_project_score_threshold";

    @Override
    public String name() {
        return "greedy-threshold";
    }

    @Override
    public Outcome outcome(Instance instance, TieBreak tieBreak) {
        long[] scores = ProjectScores.of(instance);
        return GreedySelection.run(name(), instance, tieBreak, scores, GreedySelection.byScore(scores), true, threshold(instance));
    }

    /** The minimum score from META, or {@code Long.MIN_VALUE} when the file sets none. */
    public static long threshold(Instance instance) {
        String text = instance.meta().get(META_KEY);
        if (text == null || text.isBlank()) return Long.MIN_VALUE;
        try {
            return new java.math.BigDecimal(text.strip()).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("META " + META_KEY + " '" + text + "' is not a number");
        }
    }
}
