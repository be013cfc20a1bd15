package org.commonweal.platform.core.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mail is written to an outbox table inside the transaction that causes it, then sent by {@link MailSender}
 * (when SMTP is configured). In demo mode admins read the outbox on a page instead. A mail may carry extra header
 * fields (checked by {@link MailHeaders}), stored as a JSON object.
 */
public final class Outbox {
    public record Mail(long id, String recipient, String subject, String body, OffsetDateTime createdAt, OffsetDateTime sentAt,
                       int attempts, String lastError, Map<String, String> headers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
    };
    private final Jdbi jdbi;

    public Outbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void enqueue(Handle h, String recipient, String subject, String body) {
        enqueue(h, recipient, subject, body, Map.of());
    }

    /** Queues a mail with extra header fields; a name or value {@link MailHeaders} refuses throws before anything is stored. */
    public void enqueue(Handle h, String recipient, String subject, String body, Map<String, String> headers) {
        String json;
        try {
            json = JSON.writeValueAsString(MailHeaders.check(headers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        h.createUpdate("INSERT INTO mail_outbox (recipient, subject, body, headers) VALUES (:r, :s, :b, CAST(:h AS JSONB))")
                .bind("r", recipient).bind("s", subject).bind("b", body).bind("h", json).execute();
    }

    /**
     * Queues one mail per row of {@code rows}, a query yielding (recipient, subject, body, headers) with headers a JSONB
     * object of one-line string values (the table refuses any other), in a single statement: a change with thousands of
     * followers is one INSERT ... SELECT, not a loop.
     * @return how many mails were queued
     */
    public int enqueueSelected(Handle h, String rows, java.util.Map<String, ?> bindings) {
        return h.createUpdate("INSERT INTO mail_outbox (recipient, subject, body, headers)\n" + rows).bindMap(bindings).execute();
    }

    public List<Mail> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM mail_outbox ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> mail(rs)).list());
    }

    /** The newest mail queued for {@code recipient}. */
    public java.util.Optional<Mail> latestTo(String recipient) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM mail_outbox WHERE recipient = :r ORDER BY id DESC LIMIT 1")
                .bind("r", recipient).map((rs, ctx) -> mail(rs)).findOne());
    }

    List<Mail> unsent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM mail_outbox WHERE sent_at IS NULL AND attempts < 10 ORDER BY id LIMIT :limit""")
                .bind("limit", limit).map((rs, ctx) -> mail(rs)).list());
    }

    private static Mail mail(ResultSet rs) throws SQLException {
        Map<String, String> headers;
        try {
            headers = JSON.readValue(rs.getString("headers"), HEADERS);
        } catch (JsonProcessingException e) {
            throw new SQLException("mail " + rs.getLong("id") + " has headers that are not a JSON object of strings", e);
        }
        return new Mail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class), rs.getInt("attempts"),
                rs.getString("last_error"), headers);
    }

    /** Once delivered, the body goes: it may hold a one-time sign-in or reset link, which has no business staying in the table. */
    void markSent(long id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE mail_outbox SET sent_at = now(), attempts = attempts + 1, body = '' WHERE id = :id")
                .bind("id", id).execute());
    }

    void markFailed(long id, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE mail_outbox SET attempts = attempts + 1, last_error = :e WHERE id = :id")
                .bind("id", id).bind("e", error).execute());
    }
}
