package org.commonweal.platform.core.subjects;

import java.util.List;

/**
 * Something happened to a subject that its followers should hear of: a status change, a phase opening, a
 * reply. {@code messageKey} and {@code args} say it in the reader's language; {@code actorId} (nullable) is
 * who did it, so they are not told of their own action; {@code recipientId} (nullable) narrows it to one person
 * (a reply to their comment) instead of every follower.
 */
public record SubjectChange(Subject subject, String messageKey, List<String> args, Long actorId, Long recipientId) {
    public SubjectChange {
        args = List.copyOf(args);
    }

    public static SubjectChange toFollowers(Subject subject, Long actorId, String messageKey, String... args) {
        return new SubjectChange(subject, messageKey, List.of(args), actorId, null);
    }

    public static SubjectChange toOne(Subject subject, long recipientId, Long actorId, String messageKey, String... args) {
        return new SubjectChange(subject, messageKey, List.of(args), actorId, recipientId);
    }
}
