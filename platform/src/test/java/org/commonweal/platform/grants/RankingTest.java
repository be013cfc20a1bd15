package org.commonweal.platform.grants;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scoring arithmetic by hand: means per criterion, weighted by the criteria's weights, unscored criteria left out. */
class RankingTest {
    private static final Programme.Criterion NEED = new Programme.Criterion(1, "Need", 3, ""), REACH = new Programme.Criterion(2, "Reach", 1, "");

    @Test
    void anApplicationsScoreIsTheWeightedMeanOfItsCriteriasMeans() {
        List<Ranking.Score> scores = List.of(new Ranking.Score(10, 1, 5), new Ranking.Score(10, 1, 3), new Ranking.Score(10, 2, 1), new Ranking.Score(10, 2, 2));
        // Need (5 + 3) / 2 = 4 weighs 3; Reach (1 + 2) / 2 = 1.5 weighs 1: (12 + 1.5) / 4.
        assertThat(Ranking.weighted(List.of(NEED, REACH), scores).getAsDouble()).isCloseTo(3.375, within(1e-9));
        // A criterion nobody scored yet is left out rather than counted as 0.
        assertThat(Ranking.weighted(List.of(NEED, REACH), List.of(new Ranking.Score(10, 2, 4))).getAsDouble()).isEqualTo(4.0);
        assertThat(Ranking.weighted(List.of(NEED, REACH), List.of())).isEmpty();
    }

    @Test
    void applicationsRankBestFirstUnscoredLastTiesBySubmission() {
        List<Ranking.Score> scores = List.of(new Ranking.Score(1, 1, 2), new Ranking.Score(2, 1, 4), new Ranking.Score(3, 1, 4), new Ranking.Score(3, 2, 4));
        List<Ranking.Ranked> ranked = Ranking.rank(List.of(4L, 3L, 2L, 1L), List.of(NEED, REACH), scores, Map.of(1L, 1, 2L, 1, 3L, 2));
        assertThat(ranked).extracting(Ranking.Ranked::applicationId).containsExactly(2L, 3L, 1L, 4L);
        assertThat(ranked.get(1).scorers()).isEqualTo(2);
        assertThat(ranked.get(3).weighted()).isEmpty();
    }
}
