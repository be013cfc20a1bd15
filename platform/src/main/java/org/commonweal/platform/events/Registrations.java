package org.commonweal.platform.events;

import org.commonweal.platform.core.subjects.SubjectChange;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Residents register for events (one registration per account). Once the places are taken, later registrations
 * wait in order; when a place frees up the first waiting is promoted and told. Every change locks the event's row
 * first, so concurrent registrations are counted one after another and the capacity is never exceeded.
 */
public final class Registrations {
    /** What a registration attempt came to. */
    enum Outcome { REGISTERED, WAITING, ALREADY, CLOSED, NOT_FOUND }

    /** One account's place for one event: registered, or waiting at a position (1 = next to be promoted). */
    public record Standing(String status, int position) {
        public boolean registered() {
            return status.equals("registered");
        }
    }

    /** A registration as its owner sees it on their registrations page. */
    public record Mine(long eventId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String placeName, String status,
                int position, boolean cancelled) {
        public String when() {
            return Event.span(startsAt, endsAt);
        }
    }

    private final Jdbi jdbi;
    private final Subjects subjects;

    Registrations(Jdbi jdbi, Subjects subjects) {
        this.jdbi = jdbi;
        this.subjects = subjects;
    }

    public Outcome register(long eventId, long accountId) {
        List<Long> promoted = new ArrayList<>();
        String[] title = new String[1];
        Outcome outcome = jdbi.inTransaction(h -> {
            record Open(String title, boolean open) {
            }
            Optional<Open> event = h.createQuery("""
                    SELECT title, registration_open AND cancelled_at IS NULL AND ends_at > now() AS open FROM events WHERE id = :id FOR UPDATE""")
                    .bind("id", eventId).map((rs, c) -> new Open(rs.getString("title"), rs.getBoolean("open"))).findOne();
            if (event.isEmpty()) return Outcome.NOT_FOUND;
            if (standing(h, eventId, accountId).isPresent()) return Outcome.ALREADY;
            if (!event.get().open()) return Outcome.CLOSED;
            // A place freed without a promotion (an account deleted while registered) goes to the waiting first, not to a newcomer.
            promoted.addAll(fillPlaces(h, eventId));
            title[0] = event.get().title();
            boolean room = h.createQuery("""
                    SELECT e.capacity IS NULL OR e.capacity > (SELECT count(*) FROM event_registrations r
                                                               WHERE r.event_id = e.id AND r.status = 'registered')
                    FROM events e WHERE e.id = :id""").bind("id", eventId).mapTo(Boolean.class).one();
            h.createUpdate("INSERT INTO event_registrations (event_id, account_id, status) VALUES (:e, :a, :s)")
                    .bind("e", eventId).bind("a", accountId).bind("s", room ? "registered" : "waiting").execute();
            return room ? Outcome.REGISTERED : Outcome.WAITING;
        });
        announcePromotions(eventId, title[0], promoted, accountId);
        return outcome;
    }

    private void announcePromotions(long eventId, String title, List<Long> promoted, long actorId) {
        for (long account : promoted) {
            subjects.announce(SubjectChange.toOne(EventIndex.subject(eventId), account, actorId, "events.notify.promoted", title));
        }
    }

    /** Gives up a place or leaves the waiting list; a freed place goes to the first waiting, who is told. */
    public boolean leave(long eventId, long accountId) {
        record Left(String title, List<Long> promoted) {
        }
        Optional<Left> left = jdbi.inTransaction(h -> {
            Optional<String> title = h.createQuery("SELECT title FROM events WHERE id = :id AND ends_at > now() FOR UPDATE")
                    .bind("id", eventId).mapTo(String.class).findOne();
            if (title.isEmpty()) return Optional.<Left>empty();
            int n = h.createUpdate("DELETE FROM event_registrations WHERE event_id = :e AND account_id = :a")
                    .bind("e", eventId).bind("a", accountId).execute();
            if (n == 0) return Optional.<Left>empty();
            return Optional.of(new Left(title.get(), fillPlaces(h, eventId)));
        });
        left.ifPresent(l -> announcePromotions(eventId, l.title(), l.promoted(), accountId));
        return left.isPresent();
    }

    /**
     * Promotes the first waiting into free places, in the order they joined. The caller holds the event's row lock.
     * A cancelled event promotes no one.
     * @return the promoted accounts
     */
    static List<Long> fillPlaces(Handle h, long eventId) {
        Integer free = h.createQuery("""
                SELECT CASE WHEN e.cancelled_at IS NOT NULL THEN 0
                            WHEN e.capacity IS NULL THEN 2147483647
                            ELSE e.capacity - (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'registered') END
                FROM events e WHERE e.id = :id""").bind("id", eventId).mapTo(Integer.class).one();
        if (free <= 0) return List.of();
        return new ArrayList<>(h.createQuery("""
                UPDATE event_registrations SET status = 'registered'
                WHERE id IN (SELECT id FROM event_registrations WHERE event_id = :id AND status = 'waiting' ORDER BY id LIMIT :free)
                RETURNING account_id""").bind("id", eventId).bind("free", free).mapTo(Long.class).list());
    }

    public Optional<Standing> standing(long eventId, long accountId) {
        return jdbi.withHandle(h -> standing(h, eventId, accountId));
    }

    private static Optional<Standing> standing(Handle h, long eventId, long accountId) {
        return h.createQuery("""
                SELECT r.status, (SELECT count(*) FROM event_registrations w
                                  WHERE w.event_id = r.event_id AND w.status = 'waiting' AND w.id <= r.id) AS position
                FROM event_registrations r WHERE r.event_id = :e AND r.account_id = :a""")
                .bind("e", eventId).bind("a", accountId)
                .map((rs, c) -> new Standing(rs.getString("status"), rs.getString("status").equals("waiting") ? rs.getInt("position") : 0))
                .findOne();
    }

    /** The account's registrations, soonest first: upcoming ones, then past ones. */
    List<Mine> mine(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT e.id, e.title, e.starts_at, e.ends_at, p.name AS place_name, r.status, e.cancelled_at IS NOT NULL AS cancelled,
                       (SELECT count(*) FROM event_registrations w
                        WHERE w.event_id = r.event_id AND w.status = 'waiting' AND w.id <= r.id) AS position
                FROM event_registrations r JOIN events e ON e.id = r.event_id JOIN places p ON p.id = e.place_id
                WHERE r.account_id = :a
                ORDER BY e.ends_at <= now(), e.starts_at, e.id LIMIT 500""").bind("a", accountId)
                .map((rs, c) -> new Mine(rs.getLong("id"), rs.getString("title"), rs.getObject("starts_at", OffsetDateTime.class),
                        rs.getObject("ends_at", OffsetDateTime.class), rs.getString("place_name"), rs.getString("status"),
                        rs.getString("status").equals("waiting") ? rs.getInt("position") : 0, rs.getBoolean("cancelled"))).list());
    }

    /** The events an account registered for (not those it waits for), for its private calendar feed. */
    List<Event> registeredEvents(long accountId) {
        return jdbi.withHandle(h -> h.createQuery(EventService.SELECT + """
                 JOIN event_registrations mine ON mine.event_id = e.id AND mine.account_id = :a AND mine.status = 'registered'
                WHERE e.ends_at > now() - interval '1 year' ORDER BY e.starts_at, e.id LIMIT 1000""")
                .bind("a", accountId).map((rs, c) -> EventService.event(rs)).list());
    }
}
