package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small rules without a database: which return addresses are local, and which kind of event a change is. */
class DeliberationRulesTest {
    @Test
    void onlyPathsOnThisSiteAreAcceptedAsReturnAddresses() {
        assertThat(LocalPath.of("/budgets/1/proposals/2")).hasValue("/budgets/1/proposals/2");
        assertThat(LocalPath.of("/search?q=trees&kind=proposal#top")).hasValue("/search?q=trees&kind=proposal");
        for (String bad : new String[]{null, "", "budgets/1", "//evil.example", "/\\evil.example", "https://evil.example/", "/a\nLocation: x",
                "/a b", "/" + "a".repeat(2000), "javascript:alert(1)"}) {
            assertThat(LocalPath.of(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void aChangeToOnePersonIsAReplyAPhaseKeyIsAPhaseAndTheRestAreUpdates() {
        Subject s = new Subject("budget", 1);
        assertThat(NotificationEvent.of(SubjectChange.toOne(s, 2, 3L, "deliberation.notify.reply", "A", "B"))).isEqualTo(NotificationEvent.REPLIES);
        assertThat(NotificationEvent.of(SubjectChange.toFollowers(s, null, "deliberation.phase.opened.voting", "X"))).isEqualTo(NotificationEvent.PHASES);
        assertThat(NotificationEvent.of(SubjectChange.toFollowers(s, null, "problems.notify.statusChanged", "X"))).isEqualTo(NotificationEvent.UPDATES);
        assertThat(NotificationEvent.of(SubjectChange.toFollowers(s, null, "events.phaseless.moved", "X"))).isEqualTo(NotificationEvent.UPDATES);
        assertThat(NotificationEvent.parse("phases")).hasValue(NotificationEvent.PHASES);
        assertThat(NotificationEvent.parse("PHASES")).isEmpty();
    }
}
