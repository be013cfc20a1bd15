package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small rules without a database: which kind of event a change is. */
class DeliberationRulesTest {
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
