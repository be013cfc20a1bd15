package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.subjects.Subject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One comment as readers see it. A hidden comment keeps its body for moderators, but {@link #visibleBody()} is empty
 * and the thread shows the moderator's public note instead. {@code authorName} is null when the account was deleted.
 */
public record Comment(long id, Subject subject, Long parentId, Long authorId, String authorName, String body, OffsetDateTime createdAt,
                      OffsetDateTime editedAt, OffsetDateTime hiddenAt, String hiddenReason) {
    /** Authors may correct a comment for this long after posting it. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);
    private static final ZoneId SHOWN_IN = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    public boolean hidden() {
        return hiddenAt != null;
    }

    public boolean edited() {
        return editedAt != null;
    }

    public String visibleBody() {
        return hidden() ? "" : body;
    }

    public String when() {
        return WHEN.format(createdAt.atZoneSameInstant(SHOWN_IN));
    }

    /** The ISO instant for the {@code datetime} attribute of a time element. */
    public String isoWhen() {
        return createdAt.toInstant().toString();
    }

    public boolean editableBy(Long accountId, OffsetDateTime now) {
        return accountId != null && authorId != null && authorId.equals(accountId) && !hidden() && now.isBefore(createdAt.plus(EDIT_WINDOW));
    }

    static Comment read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Comment(rs.getLong("id"), new Subject(rs.getString("subject_kind"), rs.getLong("subject_id")), (Long) rs.getObject("parent_id"),
                (Long) rs.getObject("author_id"), rs.getString("author_name"), rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("edited_at", OffsetDateTime.class), rs.getObject("hidden_at", OffsetDateTime.class), rs.getString("hidden_reason"));
    }

    /** The columns {@link #read} expects, with the author's display name joined in by {@link #FROM} (alias c for comments). */
    static final String COLUMNS = """
            c.id, c.subject_kind, c.subject_id, c.parent_id, c.author_id, a.name AS author_name, c.body, c.created_at, c.edited_at,
            c.hidden_at, c.hidden_reason""";
    static final String FROM = "FROM comments c LEFT JOIN accounts a ON a.id = c.author_id";
    static final String SELECT = "SELECT " + COLUMNS + "\n" + FROM;
}
