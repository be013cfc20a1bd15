package org.commonweal.opinion;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A conversation starts small: the math must give a sensible answer, not an error, from the first vote. */
class SmallConversationsTest {
    @Test
    void noVotesAtAll() {
        Analysis a = OpinionMath.update(null, VoteMatrix.builder().build());
        assertThat(a.participants()).isZero();
        assertThat(a.groups()).isEmpty();
        assertThat(a.priorities()).isEmpty();
        assertThat(a.priority(42)).isEqualTo(Analysis.NEW_STATEMENT_PRIORITY).isEqualTo(5.0625);
        assertThat(OpinionMath.update(a.state(), VoteMatrix.builder().vote(1, 1, Vote.AGREE).build()).participants()).isEqualTo(1);
    }

    @Test
    void oneVote() {
        Analysis a = OpinionMath.update(null, VoteMatrix.builder().vote(7, 3, Vote.AGREE).build());
        assertThat(a.inConversation()).containsExactly(7L);
        assertThat(a.groups()).hasSize(1);
        assertThat(a.groups().get(0).members()).containsExactly(7L);
        assertThat(a.projections().get(7L)).isEqualTo(new Point(0, 0));
        assertThat(a.priorities()).containsOnlyKeys(3L);
    }

    @Test
    void everyoneVotesAlike() {
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (int p = 0; p < 20; p++) for (int s = 0; s < 8; s++) b.vote(p, s, Vote.AGREE);
        Analysis a = OpinionMath.update(null, b.build());
        assertThat(a.groups()).hasSize(1);
        assertThat(a.groups().get(0).members()).hasSize(20);
        assertThat(a.consensus().agree()).hasSize(5);
        assertThat(a.projections().values()).allSatisfy(p -> assertThat(p).isEqualTo(new Point(0, 0)));
        assertThat(OpinionMath.update(a.state(), b.build()).groups()).isEqualTo(a.groups());
    }
}
