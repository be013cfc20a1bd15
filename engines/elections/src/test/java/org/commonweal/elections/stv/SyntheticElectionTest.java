package org.commonweal.elections.stv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticElectionTest {
    @Test
    void theSameSeedGivesTheSameGroupedBallots() {
        Election a = SyntheticElection.generate(8, 3, 20_000, 42);
        Election b = SyntheticElection.generate(8, 3, 20_000, 42);

        assertThat(a.ballots().totalPapers()).isEqualTo(20_000);
        assertThat(a.ballots().size()).isLessThan(20_000).isEqualTo(b.ballots().size());
        for (int g = 0; g < a.ballots().size(); g++) {
            assertThat(a.ballots().rankingCopy(g)).isEqualTo(b.ballots().rankingCopy(g));
            assertThat(a.ballots().papers(g)).isEqualTo(b.ballots().papers(g));
        }
        assertThat(new ScottishStv().count(a, 0).elected()).isEqualTo(new ScottishStv().count(b, 0).elected());
    }

    @Test
    void rankingsAreOneToSixDistinctCandidates() {
        Election e = SyntheticElection.generate(20, 5, 5_000, 7);
        for (int g = 0; g < e.ballots().size(); g++) {
            int[] r = e.ballots().rankingCopy(g);
            assertThat(r.length).isBetween(1, 6);
            assertThat(java.util.Arrays.stream(r).distinct().count()).isEqualTo(r.length);
            assertThat(java.util.Arrays.stream(r).allMatch(c -> c >= 0 && c < 20)).isTrue();
        }
    }

    @Test
    void differentSeedsGiveDifferentElections() {
        Election a = SyntheticElection.generate(8, 3, 5_000, 1);
        Election b = SyntheticElection.generate(8, 3, 5_000, 2);
        boolean same = a.ballots().size() == b.ballots().size();
        for (int g = 0; same && g < a.ballots().size(); g++) same = a.ballots().papers(g) == b.ballots().papers(g);
        assertThat(same).isFalse();
    }
}
