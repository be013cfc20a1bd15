package org.commonweal.elections.stv;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonweal.elections.stv.Elections.ballot;

class ScottishStvTest {
    private final ScottishStv scottish = new ScottishStv();

    /*
     * Worked by hand. 20 papers, 2 seats: quota = floor(20 / 3) + 1 = 7.
     *   Stage 1: A 9, B 4, C 5, D 2. A has the quota and is elected with a surplus of 2.
     *   Stage 2: all nine of A's papers move at 1 x 2 / 9 = 0.22222 (truncated from 0.2222...):
     *            six "A B C" papers give B 1.33332, three "A C" papers give C 0.66666;
     *            1.99998 moves, so 0.00002 is lost to truncation. B 5.33332, C 5.66666, D 2.
     *   Stage 3: no surplus left; D is lowest and excluded, their two papers go to B at value 1:
     *            B 7.33332 reaches the quota. Elected: A, B.
     */
    private final Election example = Elections.of(2, List.of("A", "B", "C", "D"),
            ballot(6, "A", "B", "C"), ballot(3, "A", "C"), ballot(4, "B"), ballot(5, "C"), ballot(2, "D", "B"));

    @Test
    void workedExampleTransfersTheSurplusAtTruncatedValueThenExcludesTheLowest() {
        CountReport r = scottish.count(example, 0);

        assertThat(r.format(r.quota())).isEqualTo("7.00000");
        assertThat(r.electedNames()).containsExactly("A", "B");
        assertThat(r.stages()).extracting(Stage::kind).containsExactly(StageKind.FIRST_PREFERENCES, StageKind.SURPLUS, StageKind.EXCLUSION);
        Stage surplus = r.stages().get(1);
        assertThat(r.format(surplus.total(1))).isEqualTo("5.33332");
        assertThat(r.format(surplus.total(2))).isEqualTo("5.66666");
        assertThat(r.format(surplus.total(0))).isEqualTo("7.00000");
        assertThat(r.format(surplus.transfer(0))).isEqualTo("-2.00000");
        assertThat(r.format(surplus.loss())).isEqualTo("0.00002");
        Stage exclusion = r.stages().get(2);
        assertThat(exclusion.excluded()).containsExactly(3);
        assertThat(r.format(exclusion.total(1))).isEqualTo("7.33332");
        assertThat(exclusion.elected()).containsExactly(1);
        assertThat(r.electedAt(0)).isEqualTo(1);
        assertThat(r.electedAt(1)).isEqualTo(3);
        assertThat(r.excludedAt(3)).isEqualTo(3);
    }

    /*
     * 23 papers, 3 seats: quota = floor(23 / 4) + 1 = 6. Stage 1: A 10, B 8, C 3, D 2; A and B elected,
     * A first (more votes). A's surplus of 4 is larger, so it moves first, at 4/10 = 0.4: ten papers give
     * C 4.00000, C reaches 7 and fills the last seat, so B's surplus is never transferred (rule 52(2)).
     */
    @Test
    void theLargestSurplusMovesFirstAndNoTransferFollowsTheLastSeat() {
        Election e = Elections.of(3, List.of("A", "B", "C", "D"),
                ballot(10, "A", "C"), ballot(8, "B", "D"), ballot(3, "C"), ballot(2, "D"));

        CountReport r = scottish.count(e, 0);

        assertThat(r.electedNames()).containsExactly("A", "B", "C");
        assertThat(r.stages()).hasSize(2);
        assertThat(r.stages().get(1).subject()).isEqualTo(0);
        assertThat(r.format(r.stages().get(1).total(2))).isEqualTo("7.00000");
        assertThat(r.format(r.stages().get(1).total(1))).isEqualTo("8.00000");
    }

    /*
     * 12 papers, 2 seats: quota 5. A has exactly the quota at stage 1 (no surplus). B and C continue for one
     * seat, so C (3) is excluded; B is then the only continuing candidate and is elected by rule 52 with 4
     * votes, short of the quota.
     */
    @Test
    void whenContinuingCandidatesEqualTheVacanciesTheyAreElectedWithoutQuota() {
        Election e = Elections.of(2, List.of("A", "B", "C"), ballot(5, "A"), ballot(4, "B"), ballot(3, "C"));

        CountReport r = scottish.count(e, 0);

        assertThat(r.electedNames()).containsExactly("A", "B");
        Stage last = r.stages().getLast();
        assertThat(last.excluded()).containsExactly(2);
        assertThat(last.elected()).containsExactly(1);
        assertThat(last.total(1)).isLessThan(r.quota());
    }

    /*
     * 22 papers, 1 seat: quota 12. Stage 1: A 10, B 6, C 5, D 1. D is excluded and their paper goes to C:
     * B and C both have 6. Rule 51(2)(a): at stage 1, the most recent stage at which they differed, C had
     * fewer, so C is excluded; C's five "C A" papers elect A.
     */
    @Test
    void equalLowestCandidatesAreSeparatedByTheMostRecentStageAtWhichTheyDiffered() {
        Election e = Elections.of(1, List.of("A", "B", "C", "D"),
                ballot(10, "A"), ballot(6, "B"), ballot(5, "C", "A"), ballot(1, "D", "C"));

        CountReport r = scottish.count(e, 0);

        assertThat(r.electedNames()).containsExactly("A");
        assertThat(r.excluded()).containsExactly(3, 2);
        assertThat(r.ties()).singleElement().satisfies(t -> {
            assertThat(t.tied()).containsExactlyInAnyOrder(1, 2);
            assertThat(t.chosen()).isEqualTo(2);
            assertThat(t.decidedAtStage()).isEqualTo(1);
            assertThat(t.byLot()).isFalse();
        });
    }

    /* B and C have 3 votes at every stage: the tie can only be settled by lot, drawn from the seeded lottery. */
    @Test
    void candidatesEqualAtEveryStageAreSeparatedByARecordedRepeatableLot() {
        Election e = Elections.of(1, List.of("A", "B", "C"), ballot(5, "A"), ballot(3, "B"), ballot(3, "C"));

        java.util.Set<Integer> firstExcluded = new java.util.HashSet<>();
        for (long seed = 0; seed < 32; seed++) {
            CountReport r = scottish.count(e, seed);
            TieBreak lot = r.ties().getFirst();
            assertThat(lot.byLot()).isTrue();
            assertThat(lot.seed()).isEqualTo(seed);
            assertThat(r.excluded().getFirst()).isEqualTo(lot.chosen());
            assertThat(scottish.count(e, seed).excluded()).isEqualTo(r.excluded());
            assertThat(r.electedNames()).containsExactly("A");
            firstExcluded.add(lot.chosen());
        }
        assertThat(firstExcluded).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void withdrawnCandidatesAreSkippedOnEveryBallotAndBallotsLeftEmptyAreNotValidVotes() throws Exception {
        var blt = org.commonweal.elections.blt.BltReader.read("w.blt", """
                3 1
                -2
                4 2 1 0
                3 3 0
                2 2 0
                0
                "A" "B" "C" "withdrawal"
                """);
        Election e = Election.fromBlt(blt);
        CountReport r = scottish.count(e, 0);

        assertThat(e.candidates()).containsExactly("A", "C");
        assertThat(blt.papers()).isEqualTo(9);
        assertThat(r.papers()).isEqualTo(7);
        assertThat(r.format(r.quota())).isEqualTo("4.00000");
        assertThat(r.format(r.stages().getFirst().total(0))).isEqualTo("4.00000");
        assertThat(r.electedNames()).containsExactly("A");
    }
}
