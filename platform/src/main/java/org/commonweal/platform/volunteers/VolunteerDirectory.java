package org.commonweal.platform.volunteers;

import org.commonweal.platform.core.places.PlaceService;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory of a group's volunteers for its coordinators: filtered by skill, language, weekly slot, place (a place
 * includes the places inside it), lowest DBS level and words of the name; by name, a page at a time. Built for 100,000
 * volunteers in one group: each filter has an index (GIN on the arrays, trigram on the name) and a page stops at
 * {@link #PAGE} + 1 rows instead of counting them all ({@code ./commonweal bench volunteers} measures it).
 */
public final class VolunteerDirectory {
    public static final int PAGE = 20;

    /** Blank strings and nulls filter nothing. */
    public record Filter(long groupId, String skill, String language, String slot, Long placeId, DbsLevel dbs, String name, int page) {
    }

    /** One volunteer in the list: enough for a line and a link; the DBS level only as "checked to level X, valid until". */
    public record Row(long id, String name, boolean claimed, List<String> skills, List<String> languages, List<String> slots, Long placeId,
                      DbsLevel dbs, LocalDate dbsValidUntil) {
    }

    public record Listing(List<Row> rows, boolean more) {
    }

    private final Jdbi jdbi;
    private final PlaceService places;

    public VolunteerDirectory(Jdbi jdbi, PlaceService places) {
        this.jdbi = jdbi;
        this.places = places;
    }

    public Listing search(Filter f) {
        // The page's ids first, then their DBS levels: the level is looked up for 21 rows, not for every match.
        StringBuilder sql = new StringBuilder("""
                WITH page AS (
                    SELECT v.id FROM volunteers v
                    WHERE EXISTS (SELECT 1 FROM volunteer_groups vg WHERE vg.group_id = :g AND vg.volunteer_id = v.id)
                """);
        Map<String, Object> binds = new HashMap<>();
        if (notBlank(f.skill())) {
            sql.append(" AND v.skills @> ARRAY[:skill]::text[]");
            binds.put("skill", f.skill());
        }
        if (notBlank(f.language())) {
            sql.append(" AND v.languages @> ARRAY[:language]::text[]");
            binds.put("language", f.language());
        }
        if (notBlank(f.slot())) {
            sql.append(" AND v.slots @> ARRAY[:slot]::text[]");
            binds.put("slot", f.slot());
        }
        if (f.placeId() != null) {
            sql.append(" AND v.home_place_id = ANY(:places)");
            binds.put("places", places.within(f.placeId()).toArray(Long[]::new));
        }
        if (f.dbs() != null && f.dbs() != DbsLevel.NONE) {
            // The few volunteers checked to the level come from the checks' own index, so a search that matches nobody
            // does not walk every volunteer in name order looking for one.
            sql.append(" AND v.id IN (SELECT c.volunteer_id FROM volunteer_dbs_checks c WHERE c.level = ANY(:wanted) AND")
                    .append(VolunteerService.VALID_DBS).append(")");
            binds.put("wanted", java.util.Arrays.copyOfRange(VolunteerService.LEVELS, f.dbs().ordinal(), VolunteerService.LEVELS.length));
        }
        if (notBlank(f.name())) {
            sql.append(" AND lower(v.display_name) LIKE :name");
            binds.put("name", "%" + likeEscaped(f.name().strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        sql.append(" ORDER BY lower(v.display_name), v.id LIMIT :limit OFFSET :offset)");
        sql.append("""
                SELECT v.id, v.display_name, v.account_id IS NOT NULL AS claimed, v.skills, v.languages, v.slots, v.home_place_id,
                       d.level AS dbs_level, d.recheck_due AS dbs_until
                FROM page JOIN volunteers v ON v.id = page.id
                LEFT JOIN LATERAL (SELECT c.level, c.recheck_due FROM volunteer_dbs_checks c
                                   WHERE c.volunteer_id = v.id AND""" + VolunteerService.VALID_DBS + """
                                   ORDER BY array_position(:levels, c.level) DESC, c.recheck_due DESC LIMIT 1) d ON true
                ORDER BY lower(v.display_name), v.id""");
        List<Row> rows = jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("g", f.groupId()).bind("today", VolunteersFeature.today())
                    .bind("levels", VolunteerService.LEVELS).bind("limit", PAGE + 1).bind("offset", (long) f.page() * PAGE);
            binds.forEach(q::bind);
            return q.map((rs, c) -> {
                String level = rs.getString("dbs_level");
                return new Row(rs.getLong("id"), rs.getString("display_name"), rs.getBoolean("claimed"), VolunteerService.strings(rs.getArray("skills")),
                        VolunteerService.strings(rs.getArray("languages")), VolunteerService.strings(rs.getArray("slots")),
                        rs.getObject("home_place_id", Long.class), level == null ? DbsLevel.NONE : DbsLevel.of(level).orElseThrow(),
                        rs.getObject("dbs_until", LocalDate.class));
            }).list();
        });
        boolean more = rows.size() > PAGE;
        return new Listing(more ? new ArrayList<>(rows.subList(0, PAGE)) : rows, more);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** The name's own % and _ match themselves, not any text. */
    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
