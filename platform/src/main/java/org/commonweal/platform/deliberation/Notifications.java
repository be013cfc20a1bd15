package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.mail.Outbox;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns each announced {@link SubjectChange} into a notification on the platform for every follower (or the one
 * recipient of a reply), never the person who made the change, and queues an email to those who have email on for that
 * kind of event. Both fan-outs are one INSERT ... SELECT each, inside one transaction.
 */
public final class Notifications {
    /** A notification as its reader sees it. */
    public record Notification(long id, Subject subject, NotificationEvent event, String text, String title, String url, OffsetDateTime at,
                               boolean unread) {
    }

    private static final String RECIPIENTS_ONE = "SELECT CAST(:recipient AS BIGINT) AS account_id";
    private final Jdbi jdbi;
    private final Subjects subjects;
    private final Outbox outbox;
    private final Messages messages;
    private final UnsubscribeLinks links;
    private final String baseUrl;

    Notifications(Jdbi jdbi, Subjects subjects, Outbox outbox, Messages messages, UnsubscribeLinks links, String baseUrl) {
        this.jdbi = jdbi;
        this.subjects = subjects;
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
        this.baseUrl = baseUrl;
    }

    /** The listener: called by {@link Subjects#announce} after the change committed. */
    void deliver(SubjectChange change) {
        SubjectInfo info = subjects.find(change.subject()).orElse(null);
        if (info == null) return;
        NotificationEvent event = NotificationEvent.of(change);
        String text = messages.get(change.messageKey(), change.args().toArray());
        String recipients = change.recipientId() != null ? RECIPIENTS_ONE : Follows.FOLLOWERS;
        Map<String, Object> bind = new HashMap<>();
        bind.put("recipient", change.recipientId());
        bind.put("kind", change.subject().kind());
        bind.put("id", change.subject().id());
        bind.put("author", info.authorId());
        bind.put("actor", change.actorId());
        bind.put("event", event.stored());
        String who = "WITH r AS (" + recipients + ")\n";
        String reached = " FROM r JOIN accounts a ON a.id = r.account_id";
        String notTheActor = " WHERE r.account_id IS DISTINCT FROM CAST(:actor AS BIGINT)";
        jdbi.useTransaction(h -> {
            h.createUpdate(who + """
                    INSERT INTO notifications (account_id, subject_kind, subject_id, event, message_key, args, title, url)
                    SELECT a.id, :kind, :id, :event, :key, :args, :title, :url""" + reached + notTheActor)
                    .bindMap(bind).bind("key", change.messageKey()).bindArray("args", String.class, change.args().toArray(String[]::new))
                    .bind("title", info.title()).bind("url", info.url()).execute();
            Map<String, Object> mail = new HashMap<>(bind);
            mail.put("subject", messages.get("deliberation.mail.subject", info.title()));
            mail.put("body", messages.get("deliberation.mail.body", text, baseUrl + info.url(), messages.get("deliberation.event." + event.stored())));
            mail.put("base", baseUrl);
            mail.put("key", links.key());
            // The signed link goes in the body and, for mail clients' own unsubscribe button, in List-Unsubscribe (RFC 2369)
            // with List-Unsubscribe-Post (RFC 8058): the provider POSTs "List-Unsubscribe=One-Click" to it, no cookies.
            outbox.enqueueSelected(h, who + """
                    SELECT a.email, :subject, :body || link.url,
                           jsonb_build_object('List-Unsubscribe', '<' || link.url || '>', 'List-Unsubscribe-Post', 'List-Unsubscribe=One-Click')"""
                    + reached + " CROSS JOIN LATERAL (SELECT :base || '/unsubscribe?account=' || a.id || '&event=' || :event || '&token='"
                    + " || encode(hmac(a.id || ':' || :event, :key, 'sha256'), 'hex') AS url) link" + notTheActor + """
                       AND a.email_confirmed_at IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM notification_settings s WHERE s.account_id = a.id AND s.event = :event AND NOT s.email)""", mail);
        });
    }

    public List<Notification> recent(long accountId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, subject_kind, subject_id, event, message_key, args, title, url, created_at, read_at
                FROM notifications WHERE account_id = :a ORDER BY id DESC LIMIT :limit""")
                .bind("a", accountId).bind("limit", limit)
                .map((rs, c) -> new Notification(rs.getLong("id"), new Subject(rs.getString("subject_kind"), rs.getLong("subject_id")),
                        NotificationEvent.parse(rs.getString("event")).orElseThrow(),
                        text(rs.getString("message_key"), (Object[]) rs.getArray("args").getArray(), rs.getString("title")),
                        rs.getString("title"), rs.getString("url"), rs.getObject("created_at", OffsetDateTime.class), rs.getObject("read_at") == null))
                .list());
    }

    /** A message key that has since been removed must not break the page: the subject's title stands in. */
    String text(String key, Object[] args, String title) {
        return messages.has(key) ? messages.get(key, args) : title;
    }

    public long unread(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM notifications WHERE account_id = :a AND read_at IS NULL")
                .bind("a", accountId).mapTo(Long.class).one());
    }

    public void markAllRead(long accountId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE notifications SET read_at = now() WHERE account_id = :a AND read_at IS NULL")
                .bind("a", accountId).execute());
    }

    /** Whether email is on, per kind of event (on unless turned off). */
    public Map<NotificationEvent, Boolean> emailSettings(long accountId) {
        Map<NotificationEvent, Boolean> on = new EnumMap<>(NotificationEvent.class);
        for (NotificationEvent e : NotificationEvent.values()) on.put(e, true);
        jdbi.useHandle(h -> h.createQuery("SELECT event, email FROM notification_settings WHERE account_id = :a").bind("a", accountId)
                .map((rs, c) -> Map.entry(rs.getString("event"), rs.getBoolean("email")))
                .forEach(e -> NotificationEvent.parse(e.getKey()).ifPresent(ev -> on.put(ev, e.getValue()))));
        return on;
    }

    public void setEmail(long accountId, NotificationEvent event, boolean on) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO notification_settings (account_id, event, email) VALUES (:a, :e, :on)
                ON CONFLICT (account_id, event) DO UPDATE SET email = EXCLUDED.email""")
                .bind("a", accountId).bind("e", event.stored()).bind("on", on).execute());
    }
}
