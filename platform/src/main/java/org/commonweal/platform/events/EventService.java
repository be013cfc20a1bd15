package org.commonweal.platform.events;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Organisers and officers create, edit and cancel events and record their minutes and outcomes; anyone lists them. */
public final class EventService {
    static final String SELECT = """
            SELECT e.id, e.organiser_id, a.name AS organiser_name, e.kind, e.title, e.description, e.starts_at, e.ends_at,
                   e.place_id, p.name AS place_name, e.venue, e.online_url, e.capacity, e.registration_open, e.sequence,
                   e.cancelled_at, e.cancel_reason, e.minutes, e.outcomes, e.updated_at,
                   (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'registered') AS registered,
                   (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'waiting') AS waiting
            FROM events e JOIN places p ON p.id = e.place_id LEFT JOIN accounts a ON a.id = e.organiser_id""";
    /** Events per page of the public list. */
    static final int PAGE_SIZE = 20;
    /** Outcome links per event: enough for a decision day, few enough to look each up when the page is shown. */
    static final int MAX_LINKS = 20;

    /** Why a change was refused; the routes turn it into a status code. */

    /** The public list's filters: past or upcoming, a place (with the places inside it) or null, a kind or "". */
    record Filter(boolean past, Long placeId, String kind, int page) {
    }

    public record Listing(List<Event> events, boolean more) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PlaceService places;
    private final Subjects subjects;
    private final EventIndex index;

    EventService(Jdbi jdbi, AuditLog audit, PlaceService places, Subjects subjects, EventIndex index) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.places = places;
        this.subjects = subjects;
        this.index = index;
    }

    public Optional<Event> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Event> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE e.id = :id").bind("id", id).map((rs, c) -> event(rs)).findOne();
    }

    /** The organiser who created the event or any officer. */
    static boolean mayManage(Event e, CurrentUser user) {
        return user != null && (user.has(Role.OFFICER) || user.has(Role.ORGANISER) && e.organiserId() != null && e.organiserId() == user.id());
    }

    /** One page (plus one row when a further page exists): upcoming soonest first, past latest first. */
    Listing list(Filter f) {
        List<Long> within = f.placeId() == null ? null : List.copyOf(places.within(f.placeId()));
        int page = Math.max(0, Math.min(f.page(), 10_000));
        String sql = SELECT + " WHERE " + (f.past() ? "e.ends_at <= now()" : "e.ends_at > now()")
                + (within == null ? "" : " AND e.place_id = ANY(:places)") + (f.kind().isEmpty() ? "" : " AND e.kind = :kind")
                + (f.past() ? " ORDER BY e.starts_at DESC, e.id DESC" : " ORDER BY e.starts_at, e.id") + " LIMIT :limit OFFSET :offset";
        List<Event> found = jdbi.withHandle(h -> {
            var q = h.createQuery(sql).bind("limit", PAGE_SIZE + 1).bind("offset", page * PAGE_SIZE);
            if (within != null) q.bindArray("places", Long.class, within.toArray(Long[]::new));
            if (!f.kind().isEmpty()) q.bind("kind", f.kind());
            return q.map((rs, c) -> event(rs)).list();
        });
        boolean more = found.size() > PAGE_SIZE;
        return new Listing(more ? found.subList(0, PAGE_SIZE) : found, more);
    }

    /** The events a place's calendar feed carries: those in the place or inside it, from a year back on. */
    List<Event> forFeed(Collection<Long> placeIds) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "\n" + """
                WHERE e.place_id = ANY(:places) AND e.ends_at > now() - interval '1 year' ORDER BY e.starts_at, e.id LIMIT 1000""")
                .bindArray("places", Long.class, placeIds.toArray(Long[]::new)).map((rs, c) -> event(rs)).list());
    }

    /** @param groupId the group whose event it is (its page lists it), already checked as one the organiser runs; null for none */
    /** The group an event is for, if any. */
    Optional<Long> groupOf(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT group_id FROM events WHERE id = :id").bind("id", id).mapTo(Long.class).findOne());
    }

    /** A group's events, not cancelled, latest first. */
    List<Event> ofGroup(long groupId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE e.group_id = :g AND e.cancelled_at IS NULL ORDER BY e.starts_at DESC, e.id DESC LIMIT :n")
                .bind("g", groupId).bind("n", limit).map((rs, c) -> event(rs)).list());
    }

    Optional<Long> create(long organiserId, Form form, Actor actor, Long groupId) {
        Optional<EventDetails> details = EventDetails.read(form, places);
        if (details.isEmpty()) return Optional.empty();
        EventDetails d = details.get();
        return Optional.of(jdbi.inTransaction(h -> {
            long id = bind(h.createUpdate("""
                    INSERT INTO events (organiser_id, kind, title, description, starts_at, ends_at, place_id, venue, online_url,
                                        capacity, registration_open, group_id)
                    VALUES (:organiser, :kind, :title, :description, :starts, :ends, :place, :venue, :link, :capacity, :open, :group)"""), d)
                    .bind("organiser", organiserId).bind("group", groupId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "event.created", EventIndex.subject(id).key(), d.title());
            index.update(h, id);
            return id;
        }));
    }

    Optional<Refusal> edit(long id, CurrentUser user, Form form, Actor actor, Long groupId) {
        Optional<EventDetails> details = EventDetails.read(form, places);
        List<Long> promoted = new ArrayList<>();
        Optional<Refusal> refused = jdbi.inTransaction(h -> {
            Optional<Event> e = lockAndCheck(h, id);
            if (e.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
            if (!mayManage(e.get(), user)) return Optional.of(Refusal.FORBIDDEN);
            if (e.get().cancelled()) form.error("title", "events.error.alreadyCancelled");
            if (details.isEmpty() || form.hasErrors()) return Optional.of(Refusal.INVALID);
            EventDetails d = details.get();
            if (d.capacity() != null && d.capacity() < e.get().registered()) {
                form.error("capacity", "events.error.capacityBelowRegistered");
                return Optional.of(Refusal.INVALID);
            }
            bind(h.createUpdate("""
                    UPDATE events SET kind = :kind, title = :title, description = :description, starts_at = :starts, ends_at = :ends,
                           place_id = :place, venue = :venue, online_url = :link, capacity = :capacity, registration_open = :open,
                           group_id = :group, sequence = sequence + 1, updated_at = now()
                    WHERE id = :id"""), d).bind("id", id).bind("group", groupId).execute();
            promoted.addAll(Registrations.fillPlaces(h, id));
            audit.record(h, actor, "event.edited", EventIndex.subject(id).key(), d.title());
            index.update(h, id);
            return Optional.<Refusal>empty();
        });
        if (refused.isEmpty()) {
            Subject s = EventIndex.subject(id);
            String title = details.orElseThrow().title();
            subjects.announce(SubjectChange.toFollowers(s, user.id(), "events.notify.changed", title));
            for (long account : promoted) subjects.announce(SubjectChange.toOne(s, account, user.id(), "events.notify.promoted", title));
        }
        return refused;
    }

    /** Cancels with a reason everyone registered or waiting is told; the event stays listed, marked cancelled. */
    Optional<Refusal> cancel(long id, CurrentUser user, Form form, Actor actor) {
        String reason = form.requireText("reason", 1000, "events.error.reason.required", "events.error.reason.tooLong");
        List<Long> told = new ArrayList<>();
        String[] title = new String[1];
        Optional<Refusal> refused = jdbi.inTransaction(h -> {
            Optional<Event> e = lockAndCheck(h, id);
            if (e.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
            if (!mayManage(e.get(), user)) return Optional.of(Refusal.FORBIDDEN);
            if (e.get().cancelled()) form.error("reason", "events.error.alreadyCancelled");
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            h.createUpdate("""
                    UPDATE events SET cancelled_at = now(), cancel_reason = :reason, registration_open = false,
                           sequence = sequence + 1, updated_at = now() WHERE id = :id""").bind("reason", reason).bind("id", id).execute();
            told.addAll(h.createQuery("SELECT account_id FROM event_registrations WHERE event_id = :id ORDER BY id")
                    .bind("id", id).mapTo(Long.class).list());
            audit.record(h, actor, "event.cancelled", EventIndex.subject(id).key(), reason);
            index.update(h, id);
            title[0] = e.get().title();
            return Optional.<Refusal>empty();
        });
        if (refused.isEmpty()) {
            Subject s = EventIndex.subject(id);
            Set<Long> people = new LinkedHashSet<>(told);
            for (long account : people) subjects.announce(SubjectChange.toOne(s, account, user.id(), "events.notify.cancelled", title[0], reason));
            subjects.announce(SubjectChange.toFollowers(s, user.id(), "events.notify.cancelled", title[0], reason));
        }
        return refused;
    }

    /** A link from an outcome to what the event led to, resolved through its owner feature. */
    public record OutcomeLink(String key, SubjectInfo info) {
    }

    List<OutcomeLink> links(long id) {
        List<String> keys = jdbi.withHandle(h -> h.createQuery("SELECT subject_key FROM event_outcome_links WHERE event_id = :id ORDER BY subject_key")
                .bind("id", id).mapTo(String.class).list());
        List<OutcomeLink> links = new ArrayList<>();
        for (String key : keys) Subject.parse(key).flatMap(subjects::find).ifPresent(info -> links.add(new OutcomeLink(key, info)));
        return links;
    }

    /** After the event: the minutes, the outcomes and links to the problems or proposals it led to (by subject key). */
    Optional<Refusal> recordOutcome(long id, CurrentUser user, Form form, Actor actor) {
        String minutes = EventDetails.optionalText(form, "minutes", 20_000, "events.error.minutes.tooLong");
        String outcomes = EventDetails.optionalText(form, "outcomes", 10_000, "events.error.outcomes.tooLong");
        if (minutes.isEmpty() && outcomes.isEmpty()) form.error("minutes", "events.error.minutes.required");
        List<String> keys = new ArrayList<>();
        String linkText = form.value("links").strip();
        if (linkText.length() > MAX_LINKS * 40) {
            form.error("links", "events.error.links.tooMany");
            linkText = "";
        }
        for (String word : linkText.split("[\\s,]+")) {
            if (word.isEmpty()) continue;
            Optional<Subject> s = Subject.parse(word).filter(subject -> !subject.kind().equals(EventIndex.KIND));
            if (s.isEmpty() || subjects.find(s.get()).isEmpty()) {
                form.error("links", "events.error.link");
            } else if (!keys.contains(s.get().key())) {
                keys.add(s.get().key());
            }
        }
        if (keys.size() > MAX_LINKS) form.error("links", "events.error.links.tooMany");
        String[] title = new String[1];
        Optional<Refusal> refused = jdbi.inTransaction(h -> {
            Optional<Event> e = lockAndCheck(h, id);
            if (e.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
            if (!mayManage(e.get(), user)) return Optional.of(Refusal.FORBIDDEN);
            if (e.get().cancelled() || !e.get().started(java.time.Instant.now())) form.error("minutes", "events.error.minutes.tooEarly");
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            h.createUpdate("UPDATE events SET minutes = :m, outcomes = :o, updated_at = now() WHERE id = :id")
                    .bind("m", minutes.isEmpty() ? null : minutes).bind("o", outcomes.isEmpty() ? null : outcomes).bind("id", id).execute();
            h.createUpdate("DELETE FROM event_outcome_links WHERE event_id = :id").bind("id", id).execute();
            for (String key : keys) {
                h.createUpdate("INSERT INTO event_outcome_links (event_id, subject_key) VALUES (:id, :key)").bind("id", id).bind("key", key).execute();
            }
            audit.record(h, actor, "event.outcome", EventIndex.subject(id).key(), String.join(" ", keys));
            index.update(h, id);
            title[0] = e.get().title();
            return Optional.<Refusal>empty();
        });
        if (refused.isEmpty()) subjects.announce(SubjectChange.toFollowers(EventIndex.subject(id), user.id(), "events.notify.outcome", title[0]));
        return refused;
    }

    private static Optional<Event> lockAndCheck(Handle h, long id) {
        boolean exists = h.createQuery("SELECT id FROM events WHERE id = :id FOR UPDATE").bind("id", id).mapTo(Long.class).findOne().isPresent();
        return exists ? find(h, id) : Optional.empty();
    }

    /** Binds the details under the names the INSERT and UPDATE use. */
    private static org.jdbi.v3.core.statement.Update bind(org.jdbi.v3.core.statement.Update u, EventDetails d) {
        return u.bind("kind", d.kind()).bind("title", d.title()).bind("description", d.description()).bind("starts", d.startsAt())
                .bind("ends", d.endsAt()).bind("place", d.placeId()).bind("venue", d.venue()).bind("link", d.onlineUrl())
                .bind("capacity", d.capacity()).bind("open", d.registrationOpen());
    }

    static Event event(ResultSet rs) throws SQLException {
        return new Event(rs.getLong("id"), (Long) rs.getObject("organiser_id"), rs.getString("organiser_name"), rs.getString("kind"),
                rs.getString("title"), rs.getString("description"), rs.getObject("starts_at", OffsetDateTime.class),
                rs.getObject("ends_at", OffsetDateTime.class), rs.getLong("place_id"), rs.getString("place_name"), rs.getString("venue"),
                rs.getString("online_url"), (Integer) rs.getObject("capacity"), rs.getBoolean("registration_open"), rs.getInt("sequence"),
                rs.getObject("cancelled_at", OffsetDateTime.class), rs.getString("cancel_reason"), rs.getString("minutes"),
                rs.getString("outcomes"), rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("registered"), rs.getInt("waiting"));
    }
}
