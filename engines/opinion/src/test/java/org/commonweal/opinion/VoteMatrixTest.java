package org.commonweal.opinion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VoteMatrixTest {
    @Test
    void aLaterVoteReplacesTheEarlierAndIdsAreSorted() {
        VoteMatrix m = VoteMatrix.builder()
                .vote(30, 7, Vote.AGREE)
                .vote(10, 7, Vote.DISAGREE)
                .vote(30, 2, Vote.PASS)
                .vote(30, 7, Vote.DISAGREE)
                .moderatedOut(2)
                .meta(9)
                .build();
        assertThat(m.participantIds()).containsExactly(10L, 30L);
        assertThat(m.statementIds()).containsExactly(2L, 7L);
        assertThat(m.voteCount()).isEqualTo(3);
        assertThat(m.vote(30, 7)).isEqualTo(Vote.DISAGREE);
        assertThat(m.vote(30, 2)).isEqualTo(Vote.PASS);
        assertThat(m.vote(10, 2)).isNull();
        assertThat(m.isModeratedOut(2)).isTrue();
        assertThat(m.isModeratedOut(7)).isFalse();
        assertThat(m.isMeta(9)).isFalse(); // nobody voted on it, so it is not a column
    }
}
