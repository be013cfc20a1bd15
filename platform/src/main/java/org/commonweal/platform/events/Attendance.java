package org.commonweal.platform.events;

import org.commonweal.platform.core.http.Form;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;

/** Attendance taken at the door: registrants checked in (or out again, after a wrong tap) and walk-ins by name. */
public final class Attendance {
    /** Registrants shown at once; the search box narrows a longer list. */
    static final int LIST_LIMIT = 500;

    public record Registrant(long registrationId, String name, String status, boolean attended) {
    }

    public record WalkIn(long id, String name, OffsetDateTime arrivedAt) {
    }

    public record Counts(int registered, int waiting, int attended, int walkIns) {
        public int present() {
            return attended + walkIns;
        }
    }

    private final Jdbi jdbi;

    Attendance(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Registrants whose name contains the search (any case), registered before waiting, by name. */
    List<Registrant> registrants(long eventId, String search) {
        String like = "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT r.id, a.name, r.status, r.attended_at IS NOT NULL AS attended
                FROM event_registrations r JOIN accounts a ON a.id = r.account_id
                WHERE r.event_id = :e AND a.name ILIKE :like
                ORDER BY r.status, lower(a.name), r.id LIMIT :limit""")
                .bind("e", eventId).bind("like", like).bind("limit", LIST_LIMIT)
                .map((rs, c) -> new Registrant(rs.getLong("id"), rs.getString("name"), rs.getString("status"), rs.getBoolean("attended"))).list());
    }

    List<WalkIn> walkIns(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, arrived_at FROM event_walk_ins WHERE event_id = :e ORDER BY id LIMIT :limit")
                .bind("e", eventId).bind("limit", LIST_LIMIT)
                .map((rs, c) -> new WalkIn(rs.getLong("id"), rs.getString("name"), rs.getObject("arrived_at", OffsetDateTime.class))).list());
    }

    Counts counts(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FILTER (WHERE status = 'registered') AS registered, count(*) FILTER (WHERE status = 'waiting') AS waiting,
                       count(*) FILTER (WHERE attended_at IS NOT NULL) AS attended,
                       (SELECT count(*) FROM event_walk_ins w WHERE w.event_id = :e) AS walk_ins
                FROM event_registrations WHERE event_id = :e""").bind("e", eventId)
                .map((rs, c) -> new Counts(rs.getInt("registered"), rs.getInt("waiting"), rs.getInt("attended"), rs.getInt("walk_ins"))).one());
    }

    /** Marks a registrant as present (or not); false when the registration is not this event's. */
    boolean mark(long eventId, long registrationId, boolean present) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE event_registrations SET attended_at = CASE WHEN :present THEN coalesce(attended_at, now()) END
                WHERE id = :r AND event_id = :e""").bind("present", present).bind("r", registrationId).bind("e", eventId).execute()) == 1;
    }

    boolean addWalkIn(long eventId, Form form) {
        String name = form.requireText("name", 200, "events.error.walkIn.required", "events.error.walkIn.tooLong");
        if (form.hasErrors()) return false;
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO event_walk_ins (event_id, name) VALUES (:e, :n)").bind("e", eventId).bind("n", name).execute());
        return true;
    }
}
