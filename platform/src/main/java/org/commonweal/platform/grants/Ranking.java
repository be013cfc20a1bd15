package org.commonweal.platform.grants;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The scoring arithmetic, kept apart from the database so it can be checked by hand: each criterion's score is the mean
 * of its scorers' scores (0 to 5); an application's score is the weighted mean of its criteria's scores, counting only the
 * criteria someone has scored (a criterion nobody scored yet neither helps nor harms). Applications rank by that score,
 * highest first; unscored ones come last; ties keep the order they were submitted in (lower id first).
 */
final class Ranking {
    record Score(long applicationId, long criterionId, int score) {
    }

    record Ranked(long applicationId, OptionalDouble weighted, int scorers) {
    }

    private Ranking() {
    }

    static OptionalDouble weighted(List<Programme.Criterion> criteria, List<Score> scores) {
        double sum = 0, weights = 0;
        for (Programme.Criterion c : criteria) {
            OptionalDouble mean = scores.stream().filter(s -> s.criterionId() == c.id()).mapToInt(Score::score).average();
            if (mean.isEmpty()) continue;
            sum += c.weight() * mean.getAsDouble();
            weights += c.weight();
        }
        return weights == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / weights);
    }

    /** @param scorers how many people scored each application (shown beside the score) */
    static List<Ranked> rank(List<Long> applicationIds, List<Programme.Criterion> criteria, List<Score> scores, Map<Long, Integer> scorers) {
        Map<Long, List<Score>> byApplication = new HashMap<>();
        for (Score s : scores) byApplication.computeIfAbsent(s.applicationId(), k -> new ArrayList<>()).add(s);
        List<Ranked> out = new ArrayList<>();
        for (long id : applicationIds) {
            out.add(new Ranked(id, weighted(criteria, byApplication.getOrDefault(id, List.of())), scorers.getOrDefault(id, 0)));
        }
        out.sort(Comparator.comparing((Ranked r) -> r.weighted().isEmpty())
                .thenComparing(r -> -r.weighted().orElse(0))
                .thenComparingLong(Ranked::applicationId));
        return out;
    }
}
