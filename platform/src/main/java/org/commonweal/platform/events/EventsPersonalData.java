package org.commonweal.platform.events;

import org.commonweal.platform.core.accounts.PersonalData;

/**
 * The events' part of a person's data export: their registrations (registered, waiting, or attended once marked at the
 * door), the events they organise, and whether they keep a private calendar feed (its secret address stays on their
 * "my events" page, out of a file that may be passed around).
 */
final class EventsPersonalData {
    private EventsPersonalData() {
    }

    static void register(PersonalData data) {
        data.register("event-registrations", (h, account) -> data.rows(h.createQuery("""
                SELECT r.event_id, e.title AS event, e.starts_at,
                       CASE WHEN r.attended_at IS NOT NULL THEN 'attended' ELSE r.status END AS status,
                       r.created_at AS registered_at, r.attended_at
                  FROM event_registrations r JOIN events e ON e.id = r.event_id
                 WHERE r.account_id = :a ORDER BY e.starts_at, r.event_id""").bind("a", account),
                row -> EventIndex.url((Long) row.get("eventId"))));
        data.register("events-organised", (h, account) -> data.rows(h.createQuery("""
                SELECT id, kind, title, starts_at, ends_at, capacity, cancelled_at, cancel_reason, created_at, updated_at
                  FROM events WHERE organiser_id = :a ORDER BY starts_at, id""").bind("a", account),
                row -> EventIndex.url((Long) row.get("id"))));
        data.register("event-calendar-feed", (h, account) -> data.rows(h.createQuery(
                "SELECT created_at FROM event_feed_tokens WHERE account_id = :a").bind("a", account)));
    }
}
