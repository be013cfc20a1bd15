package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.subjects.SubjectChange;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of event a person can turn email off for. A change sent to one person is a reply to them; a change whose
 * message key has a "phase" part (such as {@code deliberation.phase.opened.voting}) is a phase opening; every other
 * change to followers (status changed, outcome published, event moved) is an update.
 */
public enum NotificationEvent {
    REPLIES, UPDATES, PHASES;

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationEvent of(SubjectChange change) {
        if (change.recipientId() != null) return REPLIES;
        for (String part : change.messageKey().split("\\.")) if (part.equals("phase")) return PHASES;
        return UPDATES;
    }

    public static Optional<NotificationEvent> parse(String stored) {
        for (NotificationEvent e : values()) if (e.stored().equals(stored)) return Optional.of(e);
        return Optional.empty();
    }
}
