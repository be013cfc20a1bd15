package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.accounts.Bans;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Moderators' work: the queue of reported comments, hiding (with a public reason) and restoring, dismissing reports, and
 * banning an account from posting. Every action is written to the audit log in the same transaction.
 */
public final class Moderation {
    /** A reported comment in the queue, with how many open reports it has and their reasons. */
    public record Reported(Comment comment, long reports, List<String> reasons) {
    }

    /** One report, for the comment's moderation page. */
    public record Report(long id, String reporterName, String reason, String note, OffsetDateTime at, String resolution) {
    }

    /** The queue's headline figures: open reports, and the comments they are about. */
    public record Counts(long reports, long comments) {
    }

    /** Bans end at the start of the chosen day, in UK time. */
    private static final ZoneId MODERATORS_ZONE = ZoneId.of("Europe/London");
    static final int QUEUE_SIZE = 50;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Bans bans;

    Moderation(Jdbi jdbi, AuditLog audit, Bans bans) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.bans = bans;
    }

    /** Comments with open reports, most reported first, then longest waiting. */
    public List<Reported> queue() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Comment.COLUMNS + ", r.reports, r.reasons\n" + Comment.FROM + "\n" + """
                JOIN (SELECT comment_id, count(*) AS reports, array_agg(DISTINCT reason ORDER BY reason) AS reasons, min(id) AS first
                      FROM comment_reports WHERE resolved_at IS NULL GROUP BY comment_id) r ON r.comment_id = c.id
                ORDER BY r.reports DESC, r.first LIMIT :limit""").bind("limit", QUEUE_SIZE)
                .map((rs, ctx) -> new Reported(Comment.read(rs), rs.getLong("reports"), List.of((String[]) rs.getArray("reasons").getArray())))
                .list());
    }

    public Counts counts() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) AS reports, count(DISTINCT comment_id) AS comments FROM comment_reports WHERE resolved_at IS NULL""")
                .map((rs, ctx) -> new Counts(rs.getLong("reports"), rs.getLong("comments"))).one());
    }

    public List<Report> reports(long commentId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT r.id, a.name, r.reason, r.note, r.created_at, r.resolution
                FROM comment_reports r LEFT JOIN accounts a ON a.id = r.reporter_id WHERE r.comment_id = :c ORDER BY r.id""")
                .bind("c", commentId).map((rs, ctx) -> new Report(rs.getLong("id"), rs.getString("name"), rs.getString("reason"), rs.getString("note"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("resolution"))).list());
    }

    /** Hides a comment behind a public note with the reason; its open reports are resolved as hidden. */
    public boolean hide(long commentId, Form form, Actor actor) {
        String reason = form.requireText("reason", 500, "deliberation.error.hideReason.required", "deliberation.error.hideReason.tooLong");
        if (form.hasErrors()) return false;
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE comments SET hidden_at = now(), hidden_reason = :r, hidden_by = :by WHERE id = :id")
                    .bind("r", reason).bind("by", actor.accountId()).bind("id", commentId).execute();
            if (n == 0) return false;
            resolve(h, commentId, "hidden", actor);
            audit.record(h, actor, "comment.hidden", "comment:" + commentId, reason);
            return true;
        });
    }

    public boolean restore(long commentId, Actor actor) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE comments SET hidden_at = NULL, hidden_reason = NULL, hidden_by = NULL WHERE id = :id AND hidden_at IS NOT NULL")
                    .bind("id", commentId).execute();
            if (n > 0) audit.record(h, actor, "comment.restored", "comment:" + commentId, null);
            return n > 0;
        });
    }

    /** Closes the comment's open reports without hiding it; false when there were none. */
    public boolean dismiss(long commentId, Actor actor) {
        return jdbi.inTransaction(h -> {
            int n = resolve(h, commentId, "dismissed", actor);
            if (n > 0) audit.record(h, actor, "comment.reports_dismissed", "comment:" + commentId, n + " report(s)");
            return n > 0;
        });
    }

    private static int resolve(org.jdbi.v3.core.Handle h, long commentId, String resolution, Actor actor) {
        return h.createUpdate("""
                UPDATE comment_reports SET resolved_at = now(), resolution = :res, resolved_by = :by WHERE comment_id = :c AND resolved_at IS NULL""")
                .bind("res", resolution).bind("by", actor.accountId()).bind("c", commentId).execute();
    }

    /** The account's latest comments (hidden ones included), for its moderation history. */
    public List<Comment> commentsBy(long accountId) {
        return jdbi.withHandle(h -> h.createQuery(Comment.SELECT + " WHERE c.author_id = :a ORDER BY c.id DESC LIMIT 50")
                .bind("a", accountId).map((rs, ctx) -> Comment.read(rs)).list());
    }

    /** How many reports were ever made against the account's comments. */
    public long reportsAgainst(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM comment_reports r JOIN comments c ON c.id = r.comment_id WHERE c.author_id = :a")
                .bind("a", accountId).mapTo(Long.class).one());
    }

    /**
     * Bans the account from posting with a reason, until the start of the form's {@code until} day (yyyy-mm-dd, UK time)
     * or, when {@code until} is blank, until lifted. Audited by {@link Bans}.
     */
    public boolean ban(long accountId, Form form, Actor actor) {
        String reason = form.requireText("reason", 1000, "deliberation.error.banReason.required", "deliberation.error.banReason.tooLong");
        String until = form.value("until").strip();
        OffsetDateTime ends = null;
        LocalDate day = until.isEmpty() ? null : form.date("until", "deliberation.error.banUntil.format");
        if (day != null) {
            if (!day.isAfter(LocalDate.now(MODERATORS_ZONE))) form.error("until", "deliberation.error.banUntil.past");
            else ends = day.atStartOfDay(MODERATORS_ZONE).toOffsetDateTime();
        }
        if (form.hasErrors()) return false;
        bans.ban(accountId, reason, ends, actor);
        return true;
    }

    public boolean lift(long accountId, Actor actor) {
        return bans.lift(accountId, actor);
    }

    public List<Bans.Ban> bans(long accountId) {
        return bans.history(accountId);
    }

    public Optional<Bans.Ban> activeBan(long accountId) {
        return bans.active(accountId);
    }
}
