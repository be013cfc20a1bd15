package org.commonweal.platform.core.mail;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Mail is written to an outbox table inside the transaction that causes it, then sent by {@link MailSender}
 * (when SMTP is configured). In demo mode admins read the outbox on a page instead.
 */
public final class Outbox {
    public record Mail(long id, String recipient, String subject, String body, OffsetDateTime createdAt, OffsetDateTime sentAt,
                       int attempts, String lastError) {
    }

    private final Jdbi jdbi;

    public Outbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void enqueue(Handle h, String recipient, String subject, String body) {
        h.createUpdate("INSERT INTO mail_outbox (recipient, subject, body) VALUES (:r, :s, :b)")
                .bind("r", recipient).bind("s", subject).bind("b", body).execute();
    }

    /**
     * Queues one mail per row of {@code rows}, a query yielding (recipient, subject, body), in a single statement: a
     * change with thousands of followers is one INSERT ... SELECT, not a loop.
     * @return how many mails were queued
     */
    public int enqueueSelected(Handle h, String rows, java.util.Map<String, ?> bindings) {
        return h.createUpdate("INSERT INTO mail_outbox (recipient, subject, body)\n" + rows).bindMap(bindings).execute();
    }

    public List<Mail> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM mail_outbox ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> new Mail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getInt("attempts"), rs.getString("last_error"))).list());
    }

    List<Mail> unsent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM mail_outbox WHERE sent_at IS NULL AND attempts < 10 ORDER BY id LIMIT :limit""")
                .bind("limit", limit).map((rs, ctx) -> new Mail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class), null, rs.getInt("attempts"), null)).list());
    }

    void markSent(long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = :id").bind("id", id).execute());
    }

    void markFailed(long id, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE mail_outbox SET attempts = attempts + 1, last_error = :e WHERE id = :id")
                .bind("id", id).bind("e", error).execute());
    }
}
