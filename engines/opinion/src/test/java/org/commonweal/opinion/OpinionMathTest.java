package org.commonweal.opinion;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.opinion.io.ConversationFile;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class OpinionMathTest {
    /** Two camps of 20 who disagree on everything, plus a few who pass. */
    static VoteMatrix twoCamps(long seed) {
        Random random = new Random(seed);
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (int p = 0; p < 40; p++) {
            for (int s = 0; s < 12; s++) {
                if (random.nextInt(10) == 0) continue;
                boolean campA = p < 20;
                boolean statementA = s % 2 == 0;
                b.vote(p, s, campA == statementA ? Vote.AGREE : (random.nextInt(5) == 0 ? Vote.PASS : Vote.DISAGREE));
            }
        }
        return b.build();
    }

    @Test
    void twoCampsAreTwoGroups() {
        Analysis a = OpinionMath.update(null, twoCamps(1));
        assertThat(a.groups()).hasSize(2);
        long campOfFirst = a.groupOf(0).orElseThrow().id();
        for (long p = 0; p < 40; p++) assertThat(a.groupOf(p).orElseThrow().id() == campOfFirst).as("participant %d", p).isEqualTo(p < 20);
        // each group is set apart by agreeing with its own statements
        for (Group g : a.groups()) {
            RepStatement top = a.repness().get(g.id()).get(0);
            assertThat(top.repfulFor()).isEqualTo(Vote.AGREE);
            boolean groupOfCampA = g.members().contains(0L);
            assertThat(top.statementId() % 2 == 0).isEqualTo(groupOfCampA);
        }
        assertThat(a.consensus().agree()).isEmpty();
    }

    @Test
    void theSameHistoryGivesTheSameAnalysis() {
        Analysis first = OpinionMath.update(null, twoCamps(2));
        Analysis again = OpinionMath.update(null, twoCamps(2));
        assertThat(again.projections()).isEqualTo(first.projections());
        assertThat(again.groups()).isEqualTo(first.groups());
        assertThat(again.repness()).isEqualTo(first.repness());
        assertThat(again.priorities()).isEqualTo(first.priorities());
    }

    @Test
    void theStateSurvivesJsonAndWarmStartsTheSameWay() throws Exception {
        VoteMatrix votes = ConversationFile.read(SharedData.dir("polis-math/above-100-ptpts")).matrix();
        Analysis first = OpinionMath.update(null, votes);
        ObjectMapper json = new ObjectMapper();
        OpinionState copy = json.readValue(json.writeValueAsString(first.state()), OpinionState.class);
        Analysis fromOriginal = OpinionMath.update(first.state(), votes);
        Analysis fromCopy = OpinionMath.update(copy, votes);
        assertThat(fromCopy.groups()).isEqualTo(fromOriginal.groups());
        assertThat(fromCopy.projections()).isEqualTo(fromOriginal.projections());
        assertThat(fromCopy.priorities()).isEqualTo(fromOriginal.priorities());
        assertThat(fromCopy.state().kSmoother()).isEqualTo(fromOriginal.state().kSmoother());
    }

    @Test
    void aNewBestKMustWinFourUpdatesInARowBeforeTheGroupsChange() {
        VoteMatrix votes = twoCamps(3);
        Analysis a = OpinionMath.update(null, votes);
        int k = a.groups().size();
        int other = k == 2 ? 3 : 2;
        // Pretend the last updates showed another k: the best k must now win four times before it is shown.
        OpinionState s = new OpinionState(a.state().componentStatements(), a.state().components(), a.state().baseClusters(),
                a.state().groupClusterings(), new KSmoother(other, 9, other), a.state().inConversation(), a.state().groupVotes());
        for (int update = 1; update <= 4; update++) {
            Analysis next = OpinionMath.update(s, votes);
            assertThat(next.state().kSmoother().lastKCount()).isEqualTo(update);
            assertThat(next.groups()).as("update %d", update).hasSize(update < 4 ? other : k);
            s = next.state();
        }
    }

    @Test
    void fewerThanFifteenActiveParticipantsAreToppedUpByTheMostActive() {
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (int p = 0; p < 10; p++) for (int s = 0; s < 8; s++) b.vote(p, s, Vote.AGREE);
        for (int p = 10; p < 20; p++) for (int s = 0; s < p - 9; s++) b.vote(p, s, Vote.DISAGREE); // 1..6 votes... and 7+
        Analysis a = OpinionMath.update(null, b.build());
        // 0-9 have 8 votes, 16-19 have 7..10: in by the rule (14); 15 (6 votes) tops up to 15
        assertThat(a.inConversation()).hasSize(15).contains(15L).doesNotContain(14L);
        assertThat(OpinionMath.update(a.state(), b.build()).inConversation()).isEqualTo(a.inConversation());
    }

    @Test
    void moderatedOutStatementsAreNeverRepresentativeNorConsensus() {
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (int p = 0; p < 30; p++) for (int s = 0; s < 10; s++) b.vote(p, s, s == 3 || (p < 15) == (s % 2 == 0) ? Vote.AGREE : Vote.DISAGREE);
        Analysis open = OpinionMath.update(null, b.build());
        assertThat(open.consensus().agree()).extracting(ConsensusStatement::statementId).contains(3L);
        Analysis moderated = OpinionMath.update(null, b.moderatedOut(3).build());
        assertThat(moderated.consensus().agree()).extracting(ConsensusStatement::statementId).doesNotContain(3L);
        moderated.repness().values().forEach(list -> assertThat(list).extracting(RepStatement::statementId).doesNotContain(3L));
        assertThat(moderated.pca().components().get(0)[3]).isZero();
    }
}
