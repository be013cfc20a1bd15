package org.commonweal.platform.groups;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.skills.Skills;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Trustee (and other role) vacancies groups post, and how they meet residents: a resident who opted in to be found
 * matches a vacancy when they have at least one of the skills it asks for (any resident, when it asks for none) and
 * live where the group needs them (anywhere, when the vacancy names no place). Group admins see the residents who
 * match; residents see the open vacancies that match them.
 */
public final class Vacancies {
    static final String[] FIELDS = {"role", "description", "skills", "timeNeeded", "places"};
    private static final int MATCHES_SHOWN = 50;

    public record Vacancy(long id, long groupId, String groupName, String role, String description, List<String> skills, String timeNeeded,
                   List<Long> placeIds, OffsetDateTime createdAt, OffsetDateTime closedAt) {
        public boolean open() {
            return closedAt == null;
        }

        public String url() {
            return "/groups/" + groupId + "/vacancies/" + id;
        }
    }

    /** A resident who matches a vacancy: their name, address and the skills they share with it. */
    public record Match(long accountId, String name, String email, List<String> skills) {
    }

    private static final String SELECT = """
            SELECT v.id, v.group_id, g.name AS group_name, v.role, v.description, v.skills, v.time_needed, v.place_ids, v.created_at, v.closed_at
            FROM group_vacancies v JOIN groups g ON g.id = v.group_id
            """;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PlaceService places;

    Vacancies(Jdbi jdbi, AuditLog audit, PlaceService places) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.places = places;
    }

    private static Vacancy vacancy(ResultSet rs) throws SQLException {
        return new Vacancy(rs.getLong("id"), rs.getLong("group_id"), rs.getString("group_name"), rs.getString("role"), rs.getString("description"),
                Arrays.asList((String[]) rs.getArray("skills").getArray()), rs.getString("time_needed"),
                Arrays.asList((Long[]) rs.getArray("place_ids").getArray()), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class));
    }

    Optional<Vacancy> find(long groupId, long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE v.id = :id AND v.group_id = :g").bind("id", id).bind("g", groupId)
                .map((rs, c) -> vacancy(rs)).findOne());
    }

    List<Vacancy> ofGroup(long groupId, boolean openOnly) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE v.group_id = :g" + (openOnly ? " AND v.closed_at IS NULL" : "") + " ORDER BY v.id DESC")
                .bind("g", groupId).map((rs, c) -> vacancy(rs)).list());
    }

    Optional<Long> post(long groupId, Form form, Actor actor) {
        String role = form.value("role");
        if (!Group.officerRole(role)) form.error("role", "groups.error.vacancy.role");
        String description = form.requireText("description", 5000, "groups.error.vacancy.description", "groups.error.vacancy.description.tooLong");
        List<String> skills = List.copyOf(new LinkedHashSet<>(GroupEditor.several(form.value("skills"))));
        if (!Skills.unknown(skills).isEmpty()) form.error("skills", "groups.error.skills");
        String time = form.requireText("timeNeeded", 200, "groups.error.vacancy.time", "groups.error.vacancy.time.tooLong");
        List<Long> placeIds = new ArrayList<>();
        for (String p : GroupEditor.several(form.value("places"))) {
            Optional<Long> id = GroupEditor.parseId(p).filter(x -> places.find(x).isPresent());
            if (id.isEmpty()) form.error("places", "groups.error.places");
            else if (!placeIds.contains(id.get())) placeIds.add(id.get());
        }
        if (form.hasErrors()) return Optional.empty();
        return Optional.of(jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO group_vacancies (group_id, role, description, skills, time_needed, place_ids)
                            VALUES (:g, :r, :d, :s, :t, :p)""")
                    .bind("g", groupId).bind("r", role).bind("d", description).bind("s", skills.toArray(String[]::new)).bind("t", time)
                    .bind("p", placeIds.toArray(Long[]::new)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "group.vacancy_posted", "group:" + groupId, "vacancy:" + id + " " + role);
            return id;
        }));
    }

    Optional<Refusal> close(long groupId, long id, Actor actor) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE group_vacancies SET closed_at = now() WHERE id = :id AND group_id = :g AND closed_at IS NULL")
                    .bind("id", id).bind("g", groupId).execute();
            if (n == 0) return Optional.of(Refusal.CLOSED);
            audit.record(h, actor, "group.vacancy_closed", "group:" + groupId, "vacancy:" + id);
            return Optional.empty();
        });
    }

    /** Every place the vacancy covers, the places inside those included; empty when it names none (anywhere). */
    private Set<Long> covered(List<Long> placeIds) {
        Set<Long> out = new HashSet<>();
        for (long p : placeIds) out.addAll(places.within(p));
        return out;
    }

    /** The residents who opted in to be found and match the vacancy, those sharing most skills first. */
    List<Match> matches(Vacancy v) {
        Set<Long> where = covered(v.placeIds());
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id, a.name, a.email, ARRAY(SELECT unnest(s.skills) INTERSECT SELECT unnest(CAST(:wanted AS TEXT[])) ORDER BY 1) AS shared
                        FROM resident_skills s JOIN accounts a ON a.id = s.account_id
                        WHERE s.findable AND (cardinality(CAST(:wanted AS TEXT[])) = 0 OR s.skills && CAST(:wanted AS TEXT[]))
                          AND (:anywhere OR a.home_place_id = ANY(:where))
                          AND NOT EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = :g AND m.account_id = a.id AND m.ended_on IS NULL)
                        ORDER BY cardinality(ARRAY(SELECT unnest(s.skills) INTERSECT SELECT unnest(CAST(:wanted AS TEXT[])))) DESC, lower(a.name), a.id
                        LIMIT :n""")
                .bind("wanted", v.skills().toArray(String[]::new)).bind("anywhere", where.isEmpty()).bind("where", where.toArray(Long[]::new))
                .bind("g", v.groupId()).bind("n", MATCHES_SHOWN)
                .map((rs, c) -> new Match(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                        Arrays.asList((String[]) rs.getArray("shared").getArray()))).list());
    }

    /** The open vacancies that match the resident's skills and home place, newest first (whether or not they opted in to be found). */
    List<Vacancy> matching(long accountId, List<String> skills, Long homePlaceId) {
        if (skills.isEmpty()) return List.of();
        List<Vacancy> candidates = jdbi.withHandle(h -> h.createQuery(SELECT + """
                         WHERE v.closed_at IS NULL AND (cardinality(v.skills) = 0 OR v.skills && CAST(:skills AS TEXT[]))
                           AND NOT EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = v.group_id AND m.account_id = :a AND m.ended_on IS NULL)
                         ORDER BY v.id DESC LIMIT 200""")
                .bind("skills", skills.toArray(String[]::new)).bind("a", accountId).map((rs, c) -> vacancy(rs)).list());
        return candidates.stream().filter(v -> v.placeIds().isEmpty() || homePlaceId != null && covered(v.placeIds()).contains(homePlaceId)).limit(20).toList();
    }

    /** Open vacancies anywhere, newest first: the public list. */
    List<Vacancy> open(int page) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE v.closed_at IS NULL ORDER BY v.id DESC LIMIT 21 OFFSET :o")
                .bind("o", page * 20L).map((rs, c) -> vacancy(rs)).list());
    }
}
