package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.accounts.PersonalData;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deliberation's part of a person's data export: their comments, the comments they reported, what they follow, their
 * notifications and email settings. A comment's subject belongs to another feature, so its title and page come from
 * {@link Subjects}; of the person replied to, only the name the thread shows everyone.
 */
final class DeliberationPersonalData {
    private final PersonalData data;
    private final Subjects subjects;
    private final Notifications notifications;

    private DeliberationPersonalData(PersonalData data, Subjects subjects, Notifications notifications) {
        this.data = data;
        this.subjects = subjects;
        this.notifications = notifications;
    }

    static void register(PersonalData data, Subjects subjects, Notifications notifications) {
        DeliberationPersonalData d = new DeliberationPersonalData(data, subjects, notifications);
        data.register("comments", d::comments);
        data.register("comment-reports", d::reports);
        data.register("follows", d::follows);
        data.register("notifications", d::notifications);
        data.register("notification-settings", d::settings);
    }

    private List<Map<String, Object>> comments(Handle h, long account) {
        List<Map<String, Object>> rows = data.rows(h.createQuery("""
                SELECT c.id, c.subject_kind, c.subject_id, c.parent_id, pa.name AS in_reply_to, c.body, c.hidden_at IS NOT NULL AS hidden,
                       c.hidden_at, c.hidden_reason, c.created_at, c.edited_at
                  FROM comments c LEFT JOIN comments p ON p.id = c.parent_id LEFT JOIN accounts pa ON pa.id = p.author_id
                 WHERE c.author_id = :a ORDER BY c.id""").bind("a", account));
        return withSubjects(rows, row -> "#comment-" + row.get("id"));
    }

    private List<Map<String, Object>> reports(Handle h, long account) {
        List<Map<String, Object>> rows = data.rows(h.createQuery("""
                SELECT r.id, r.comment_id, c.subject_kind, c.subject_id, r.reason, r.note, r.created_at, r.resolved_at, r.resolution
                  FROM comment_reports r JOIN comments c ON c.id = r.comment_id
                 WHERE r.reporter_id = :a ORDER BY r.id""").bind("a", account));
        return withSubjects(rows, row -> "#comment-" + row.get("commentId"));
    }

    private List<Map<String, Object>> follows(Handle h, long account) {
        List<Map<String, Object>> rows = data.rows(h.createQuery("""
                SELECT subject_kind, subject_id, following, created_at FROM follows
                 WHERE account_id = :a ORDER BY created_at, subject_kind, subject_id""").bind("a", account));
        return withSubjects(rows, row -> "");
    }

    private List<Map<String, Object>> notifications(Handle h, long account) {
        List<Map<String, Object>> rows = data.rows(h.createQuery("""
                SELECT id, subject_kind || ':' || subject_id AS subject, event, message_key, args, title, url, created_at, read_at
                  FROM notifications WHERE account_id = :a ORDER BY id""").bind("a", account));
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked") List<Object> args = (List<Object>) row.remove("args");
            String key = (String) row.remove("messageKey");
            row.put("text", notifications.text(key, args.toArray(), (String) row.get("title")));
            row.put("url", data.url((String) row.get("url")));
        }
        return rows;
    }

    /** Email is on for each kind of event unless the person turned it off: every kind is listed as it stands. */
    private List<Map<String, Object>> settings(Handle h, long account) {
        Map<String, Boolean> stored = new HashMap<>();
        h.createQuery("SELECT event, email FROM notification_settings WHERE account_id = :a").bind("a", account)
                .map((rs, c) -> stored.put(rs.getString("event"), rs.getBoolean("email"))).list();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NotificationEvent e : NotificationEvent.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("event", e.stored());
            row.put("email", stored.getOrDefault(e.stored(), true));
            row.put("chosen", stored.containsKey(e.stored()));
            rows.add(row);
        }
        return rows;
    }

    /** Replaces subject_kind and subject_id by the subject's key, title and page (with {@code anchor}); gone subjects keep the key only. */
    private List<Map<String, Object>> withSubjects(List<Map<String, Object>> rows, java.util.function.Function<Map<String, Object>, String> anchor) {
        Map<Subject, Optional<SubjectInfo>> seen = new HashMap<>();
        for (Map<String, Object> row : rows) {
            Subject subject = new Subject((String) row.remove("subjectKind"), (Long) row.remove("subjectId"));
            Optional<SubjectInfo> info = seen.computeIfAbsent(subject, subjects::find);
            row.put("subject", subject.key());
            row.put("subjectTitle", info.map(SubjectInfo::title).orElse(null));
            row.put("url", info.map(i -> data.url(i.url() + anchor.apply(row))).orElse(null));
        }
        return rows;
    }
}
