package org.commonweal.platform.events;

import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.opendata.OpenDataset;
import org.commonweal.platform.core.search.SearchDocument;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How events appear to the rest of the platform: as the subject kind "event" (followed, commented on), in the
 * site-wide search, and as the open dataset "events" (counts only, never who registered). A cancelled event stays in
 * search with its title marked cancelled: people look up an event they heard of, and should learn it is off rather
 * than find nothing.
 */
final class EventIndex {
    static final String KIND = "event";

    private final Jdbi jdbi;
    private final SearchIndex search;
    private final Messages messages;

    EventIndex(Jdbi jdbi, SearchIndex search, Messages messages) {
        this.jdbi = jdbi;
        this.search = search;
        this.messages = messages;
    }

    static Subject subject(long id) {
        return new Subject(KIND, id);
    }

    static String url(long id) {
        return "/events/" + id;
    }

    /** Brings the search index in line with the event, inside the transaction that changed it. */
    void update(Handle h, long id) {
        Event e = EventService.find(h, id).orElseThrow();
        String title = e.cancelled() ? messages.get("events.search.cancelled", e.title()) : e.title();
        String body = String.join("\n", messages.get("events.kind." + e.kind()), e.when(), e.description(),
                e.venue() == null ? "" : e.venue(), e.outcomes() == null ? "" : e.outcomes());
        search.publish(h, new SearchDocument(subject(id), title, body, url(id), e.placeId()));
    }

    /** An event as a subject: residents may discuss it unless it was cancelled. */
    Optional<SubjectInfo> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT title, place_id, organiser_id, cancelled_at IS NULL AS open FROM events WHERE id = :id")
                .bind("id", id).map((rs, c) -> new SubjectInfo(subject(id), rs.getString("title"), url(id), rs.getLong("place_id"),
                        (Long) rs.getObject("organiser_id"), rs.getBoolean("open"))).findOne());
    }

    OpenDataset dataset() {
        return new OpenDataset("events", "opendata.events.title", "opendata.events.description",
                List.of("id", "kind", "title", "description", "place_id", "place_name", "starts_at", "ends_at", "venue", "online_url",
                        "capacity", "registration_open", "status", "cancel_reason", "registered", "waiting", "attended", "walk_ins",
                        "minutes", "outcomes"),
                sink -> jdbi.useHandle(h -> h.createQuery("""
                        SELECT e.id, e.kind, e.title, e.description, e.place_id, p.name AS place_name, e.starts_at, e.ends_at, e.venue,
                               e.online_url, e.capacity, e.registration_open, e.cancelled_at IS NOT NULL AS cancelled, e.cancel_reason,
                               e.minutes, e.outcomes,
                               coalesce(r.registered, 0) AS registered, coalesce(r.waiting, 0) AS waiting, coalesce(r.attended, 0) AS attended,
                               coalesce(w.walk_ins, 0) AS walk_ins
                        FROM events e JOIN places p ON p.id = e.place_id
                        LEFT JOIN (SELECT event_id, count(*) FILTER (WHERE status = 'registered') AS registered,
                                          count(*) FILTER (WHERE status = 'waiting') AS waiting,
                                          count(*) FILTER (WHERE attended_at IS NOT NULL) AS attended
                                   FROM event_registrations GROUP BY event_id) r ON r.event_id = e.id
                        LEFT JOIN (SELECT event_id, count(*) AS walk_ins FROM event_walk_ins GROUP BY event_id) w ON w.event_id = e.id
                        ORDER BY e.id""")
                        .setFetchSize(500)
                        .map((rs, c) -> Arrays.<Object>asList(rs.getLong("id"), rs.getString("kind"), rs.getString("title"),
                                rs.getString("description"), rs.getLong("place_id"), rs.getString("place_name"),
                                rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
                                rs.getString("venue"), rs.getString("online_url"), rs.getObject("capacity"), rs.getBoolean("registration_open"),
                                rs.getBoolean("cancelled") ? "cancelled" : "scheduled", rs.getString("cancel_reason"),
                                rs.getLong("registered"), rs.getLong("waiting"), rs.getLong("attended"), rs.getLong("walk_ins"),
                                rs.getString("minutes"), rs.getString("outcomes")))
                        .useStream(rows -> rows.forEach(sink))));
    }
}
