package org.commonweal.platform.opportunities;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.volunteers.VolunteerService;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Opportunities and their sessions: a group's coordinators (its admins and volunteer coordinators) post, edit and close
 * them and add sessions; anyone lists and reads them.
 */
public final class Opportunities {
    static final String SELECT = """
            SELECT o.id, o.group_id, o.created_by, o.title, o.description, o.place_ids, o.themes, o.roles, o.skills,
                   o.min_dbs, o.min_age, o.schedule, o.closed_at, o.updated_at
            FROM opportunities o""";
    static final String SHIFT_SELECT = """
            SELECT s.id, s.opportunity_id, s.role, s.starts_at, s.ends_at, s.place_id, p.name AS place_name, s.venue, s.capacity,
                   (SELECT count(*) FROM opportunity_signups u WHERE u.session_id = s.id AND u.status = 'signed_up') AS signed_up,
                   (SELECT count(*) FROM opportunity_signups u WHERE u.session_id = s.id AND u.status = 'waiting') AS waiting
            FROM opportunity_sessions s JOIN places p ON p.id = s.place_id""";
    static final int PAGE_SIZE = 20;

    /** The public list's filters: a place (with the places inside it), a theme, a skill, a day with a session; null or "" for any. */
    record Filter(Long placeId, String theme, String skill, LocalDate day, int page) {
    }

    public record Listing(List<Opportunity> opportunities, boolean more) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PlaceService places;
    private final Groups groups;
    private final VolunteerService volunteers;

    Opportunities(Jdbi jdbi, AuditLog audit, PlaceService places, Groups groups, VolunteerService volunteers) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.places = places;
        this.groups = groups;
        this.volunteers = volunteers;
    }

    /**
     * Whether the account runs the group's volunteering: one of its admins, volunteer coordinators or safeguarding leads,
     * as the volunteers service says (the same people see the group's volunteers).
     */
    boolean coordinates(long groupId, long accountId) {
        return volunteers.coordinates(accountId, groupId);
    }

    Optional<Opportunity> find(long id) {
        return named(jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE o.id = :id").bind("id", id).map((rs, c) -> opportunity(rs)).list()))
                .stream().findFirst();
    }

    /** Open opportunities matching the filter, newest first, one page (plus one row when a further page exists). */
    Listing list(Filter f) {
        List<Long> within = f.placeId() == null ? null : List.copyOf(places.within(f.placeId()));
        int page = Math.max(0, Math.min(f.page(), 10_000));
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE o.closed_at IS NULL");
        if (within != null) sql.append(" AND o.place_ids && :places");
        if (!f.theme().isEmpty()) sql.append(" AND :theme = ANY(o.themes)");
        if (!f.skill().isEmpty()) sql.append(" AND :skill = ANY(o.skills)");
        if (f.day() != null) sql.append(" AND EXISTS (SELECT 1 FROM opportunity_sessions s WHERE s.opportunity_id = o.id")
                .append(" AND (s.starts_at AT TIME ZONE 'Europe/London')::date = :day)");
        sql.append(" ORDER BY o.id DESC LIMIT :limit OFFSET :offset");
        List<Opportunity> found = jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString()).bind("limit", PAGE_SIZE + 1).bind("offset", page * PAGE_SIZE);
            if (within != null) q.bindArray("places", Long.class, within.toArray(Long[]::new));
            if (!f.theme().isEmpty()) q.bind("theme", f.theme());
            if (!f.skill().isEmpty()) q.bind("skill", f.skill());
            if (f.day() != null) q.bind("day", f.day());
            return named(q.map((rs, c) -> opportunity(rs)).list());
        });
        boolean more = found.size() > PAGE_SIZE;
        return new Listing(more ? found.subList(0, PAGE_SIZE) : found, more);
    }

    /** A group's open opportunities, newest first. */
    List<Opportunity> ofGroup(long groupId, int limit) {
        return named(jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE o.group_id = :g AND o.closed_at IS NULL ORDER BY o.id DESC LIMIT :n")
                .bind("g", groupId).bind("n", limit).map((rs, c) -> opportunity(rs)).list()));
    }

    /** Every open opportunity, oldest first, for the open data. */
    List<Opportunity> allOpen() {
        return named(jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE o.closed_at IS NULL ORDER BY o.id").map((rs, c) -> opportunity(rs)).list()));
    }

    Optional<Long> create(long groupId, long accountId, Form form, Actor actor) {
        Optional<OpportunityDetails> details = OpportunityDetails.read(form, places);
        if (details.isEmpty()) return Optional.empty();
        return Optional.of(jdbi.inTransaction(h -> insert(h, groupId, accountId, details.get(), null, null, actor)));
    }

    /** Inserts an opportunity in the caller's transaction; {@code source} and {@code externalId} name an imported one. */
    long insert(Handle h, long groupId, Long accountId, OpportunityDetails d, String source, String externalId, Actor actor) {
        long id = bind(h.createUpdate("""
                INSERT INTO opportunities (group_id, created_by, title, description, place_ids, themes, roles, skills, min_dbs, min_age, schedule,
                                           source, external_id)
                VALUES (:group, :by, :title, :description, :places, :themes, :roles, :skills, :minDbs, :minAge, :schedule, :source, :external)"""), d)
                .bind("group", groupId).bind("by", accountId).bind("source", source).bind("external", externalId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        audit.record(h, actor, "opportunity.created", "opportunity:" + id, d.title());
        return id;
    }

    Optional<Refusal> edit(long id, Form form, Actor actor) {
        Optional<OpportunityDetails> details = OpportunityDetails.read(form, places);
        return jdbi.inTransaction(h -> {
            Optional<Boolean> open = h.createQuery("SELECT closed_at IS NULL FROM opportunities WHERE id = :id FOR UPDATE").bind("id", id)
                    .mapTo(Boolean.class).findOne();
            if (open.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
            if (!open.get()) return Optional.of(Refusal.CLOSED);
            if (details.isEmpty()) return Optional.of(Refusal.INVALID);
            bind(h.createUpdate("""
                    UPDATE opportunities SET title = :title, description = :description, place_ids = :places, themes = :themes, roles = :roles,
                           skills = :skills, min_dbs = :minDbs, min_age = :minAge, schedule = :schedule, updated_at = now()
                    WHERE id = :id"""), details.get()).bind("id", id).execute();
            audit.record(h, actor, "opportunity.edited", "opportunity:" + id, details.get().title());
            return Optional.<Refusal>empty();
        });
    }

    /** Closes an opportunity: it leaves the list and takes no more sign-ups; what was done stays on volunteers' records. */
    Optional<Refusal> close(long id, Actor actor) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE opportunities SET closed_at = now(), updated_at = now() WHERE id = :id AND closed_at IS NULL")
                    .bind("id", id).execute();
            if (n == 0) return Optional.of(h.createQuery("SELECT 1 FROM opportunities WHERE id = :id").bind("id", id).mapTo(Integer.class)
                    .findOne().isPresent() ? Refusal.CLOSED : Refusal.NOT_FOUND);
            audit.record(h, actor, "opportunity.closed", "opportunity:" + id, "");
            return Optional.<Refusal>empty();
        });
    }

    Optional<Refusal> addShift(Opportunity o, Form form, Actor actor) {
        if (!o.open()) return Optional.of(Refusal.CLOSED);
        Optional<ShiftDetails> details = ShiftDetails.read(form, o, places);
        if (details.isEmpty()) return Optional.of(Refusal.INVALID);
        jdbi.useTransaction(h -> insertShift(h, o.id(), details.get(), null, actor));
        return Optional.empty();
    }

    long insertShift(Handle h, long opportunityId, ShiftDetails d, String externalId, Actor actor) {
        long id = h.createUpdate("""
                INSERT INTO opportunity_sessions (opportunity_id, role, starts_at, ends_at, place_id, venue, capacity, external_id)
                VALUES (:o, :role, :starts, :ends, :place, :venue, :capacity, :external)""")
                .bind("o", opportunityId).bind("role", d.role()).bind("starts", d.startsAt()).bind("ends", d.endsAt()).bind("place", d.placeId())
                .bind("venue", d.venue()).bind("capacity", d.capacity()).bind("external", externalId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        audit.record(h, actor, "opportunity.session_added", "opportunity:" + opportunityId, "session:" + id);
        return id;
    }

    /** The opportunity's sessions, soonest first; past ones only when asked. */
    List<Shift> shifts(long opportunityId, boolean withPast) {
        return jdbi.withHandle(h -> h.createQuery(SHIFT_SELECT + " WHERE s.opportunity_id = :o" + (withPast ? "" : " AND s.ends_at > now()")
                        + " ORDER BY s.starts_at, s.id LIMIT 500")
                .bind("o", opportunityId).map((rs, c) -> shift(rs)).list());
    }

    Optional<Shift> shift(long opportunityId, long shiftId) {
        return jdbi.withHandle(h -> h.createQuery(SHIFT_SELECT + " WHERE s.id = :id AND s.opportunity_id = :o")
                .bind("id", shiftId).bind("o", opportunityId).map((rs, c) -> shift(rs)).findOne());
    }

    private static org.jdbi.v3.core.statement.Update bind(org.jdbi.v3.core.statement.Update u, OpportunityDetails d) {
        return u.bind("title", d.title()).bind("description", d.description()).bindArray("places", Long.class, d.placeIds().toArray(Long[]::new))
                .bindArray("themes", String.class, d.themes().toArray(String[]::new)).bindArray("roles", String.class, d.roles().toArray(String[]::new))
                .bindArray("skills", String.class, d.skills().toArray(String[]::new)).bind("minDbs", d.minDbs()).bind("minAge", d.minAge())
                .bind("schedule", d.schedule());
    }

    /** The opportunities with their groups' names, asked of the groups service (features never read its tables). */
    private List<Opportunity> named(List<Opportunity> found) {
        var names = groups.names(found.stream().map(Opportunity::groupId).distinct().toList());
        return found.stream().map(o -> new Opportunity(o.id(), o.groupId(), names.getOrDefault(o.groupId(), ""), o.createdBy(), o.title(),
                o.description(), o.placeIds(), o.themes(), o.roles(), o.skills(), o.minDbs(), o.minAge(), o.schedule(), o.closedAt(),
                o.updatedAt())).toList();
    }

    private static Opportunity opportunity(ResultSet rs) throws SQLException {
        return new Opportunity(rs.getLong("id"), rs.getLong("group_id"), null, (Long) rs.getObject("created_by"),
                rs.getString("title"), rs.getString("description"), Arrays.asList((Long[]) rs.getArray("place_ids").getArray()),
                strings(rs, "themes"), strings(rs, "roles"), strings(rs, "skills"), rs.getString("min_dbs"), (Integer) rs.getObject("min_age"),
                rs.getString("schedule"), rs.getObject("closed_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }

    static Shift shift(ResultSet rs) throws SQLException {
        return new Shift(rs.getLong("id"), rs.getLong("opportunity_id"), rs.getString("role"), rs.getObject("starts_at", OffsetDateTime.class),
                rs.getObject("ends_at", OffsetDateTime.class), rs.getLong("place_id"), rs.getString("place_name"), rs.getString("venue"),
                rs.getInt("capacity"), rs.getInt("signed_up"), rs.getInt("waiting"));
    }
}
