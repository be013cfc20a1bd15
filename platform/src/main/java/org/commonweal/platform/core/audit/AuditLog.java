package org.commonweal.platform.core.audit;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;

/** The append-only record of security-relevant events (a database trigger refuses updates and deletes). */
public final class AuditLog {
    public record Entry(long id, OffsetDateTime at, Long actorId, String actorName, String action, String subject, String detail,
                        String ip, String requestId) {
    }

    private final Jdbi jdbi;

    public AuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records inside the caller's transaction, so the event and the change it describes commit together. */
    public void record(Handle h, Actor actor, String action, String subject, String detail) {
        h.createUpdate("""
                INSERT INTO audit_log (actor_id, action, subject, detail, ip, request_id)
                VALUES (:actor, :action, :subject, :detail, :ip, :rid)""")
                .bind("actor", actor.accountId()).bind("action", action).bind("subject", subject).bind("detail", detail)
                .bind("ip", actor.ip()).bind("rid", actor.requestId()).execute();
    }

    public void record(Actor actor, String action, String subject, String detail) {
        jdbi.useHandle(h -> record(h, actor, action, subject, detail));
    }

    public List<Entry> recent(String actionFilter, int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT l.id, l.at, l.actor_id, a.name AS actor_name, l.action, l.subject, l.detail, l.ip, l.request_id
                FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
                WHERE (:action = '' OR l.action = :action)
                ORDER BY l.id DESC LIMIT :limit OFFSET :offset""")
                .bind("action", actionFilter == null ? "" : actionFilter).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> entry(rs)).list());
    }

    /** Who did {@code action} to {@code subject} and when, oldest first: for pages that show a person who looked at their record. */
    public List<Entry> about(String subject, String action) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT l.id, l.at, l.actor_id, a.name AS actor_name, l.action, l.subject, l.detail, l.ip, l.request_id
                FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
                WHERE l.subject = :subject AND l.action = :action ORDER BY l.id""")
                .bind("subject", subject).bind("action", action)
                .map((rs, ctx) -> entry(rs)).list());
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), (Long) rs.getObject("actor_id"), rs.getString("actor_name"),
                rs.getString("action"), rs.getString("subject"), rs.getString("detail"), rs.getString("ip"), rs.getString("request_id"));
    }

    public List<String> actions() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT action FROM audit_log ORDER BY action").mapTo(String.class).list());
    }
}
