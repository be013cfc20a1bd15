package org.commonweal.platform.conversations;

import org.commonweal.platform.core.subjects.Subject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A conversation: a topic residents map their opinions on. {@code about} is what it is attached to (a problem, a
 * consultation, any subject kind in {@link #ATTACHABLE}), null when it stands alone. A {@code withheld} one belongs to a
 * draft (see {@link Conversations#start}): only those who run it see it.
 */
public record Conversation(long id, String topic, String description, Subject about, String moderation, String participation,
                           Long ownerId, boolean forCouncil, String importedFrom, OffsetDateTime closedAt, OffsetDateTime createdAt,
                           boolean withheld) {
    public static final List<String> MODERATIONS = List.of("strict", "open");
    public static final List<String> PARTICIPATIONS = List.of("signed_in", "verified", "anonymous");
    /**
     * The kinds of subject a conversation can be about. A group (being built as its own feature) joins by adding its
     * kind here once it registers one with Subjects; nothing else changes.
     */
    public static final List<String> ATTACHABLE = List.of("problem", "consultation", "solution", "event", "group");

    static final String COLUMNS = "id, topic, description, subject_kind, subject_id, moderation, participation, owner_id, for_council, "
            + "imported_from, closed_at, created_at, withheld";

    static Conversation read(ResultSet rs) throws SQLException {
        String kind = rs.getString("subject_kind");
        return new Conversation(rs.getLong("id"), rs.getString("topic"), rs.getString("description"),
                kind == null ? null : new Subject(kind, rs.getLong("subject_id")), rs.getString("moderation"), rs.getString("participation"),
                (Long) rs.getObject("owner_id"), rs.getBoolean("for_council"), rs.getString("imported_from"),
                rs.getObject("closed_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
                rs.getBoolean("withheld"));
    }

    public boolean open() {
        return closedAt == null;
    }

    public boolean strict() {
        return moderation.equals("strict");
    }

    public boolean anonymousAllowed() {
        return participation.equals("anonymous");
    }

    /** Only accounts whose home place is verified may vote and write (see {@link Eligibility}). */
    public boolean verifiedOnly() {
        return participation.equals("verified");
    }

    /** The statement statuses participants are shown: strict moderation shows only approved ones. */
    String shownStatuses() {
        return strict() ? "('approved')" : "('approved', 'pending')";
    }

    static String url(long id) {
        return "/conversations/" + id;
    }
}
