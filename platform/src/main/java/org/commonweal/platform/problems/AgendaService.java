package org.commonweal.platform.problems;

import org.commonweal.platform.core.places.PlaceService;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A place's agenda: its problems (and those of the places inside it) ranked by the support they gained over a period,
 * so residents and councillors see what matters most there now. One query: the period's supports are counted from the
 * (created_at, problem_id) index, joined to the place's problems, ranked, and only the page's rows get their solutions
 * counted. Only ids and counts go through the ranking; titles are read for the page's rows alone. Ties go to the problem with more support in all, then to the older problem.
 */
public final class AgendaService {
    public static final int PAGE_SIZE = 25;

    /**
     * The periods residents choose from; ALL ranks by all support ever given. Support gained since a date is either
     * counted directly or, for long periods, as all support less the support older than the date: both are exact, and
     * the second reads the fewer rows once most support is recent (as it is for most of a platform's first years).
     */
    public enum Period {
        WEEK("7d", Duration.ofDays(7), false), MONTH("30d", Duration.ofDays(30), false), YEAR("12m", Duration.ofDays(365), true),
        ALL("all", null, false);

        public final String code;
        private final Duration length;
        private final boolean countsOlder;

        Period(String code, Duration length, boolean countsOlder) {
            this.code = code;
            this.length = length;
            this.countsOlder = countsOlder;
        }

        public static Period of(String code) {
            for (Period p : values()) if (p.code.equals(code)) return p;
            return MONTH;
        }
    }

    /** One ranked problem: its support in the period and in all, and how many solutions are linked to it. */
    public record Entry(int rank, long id, String title, String theme, String status, long placeId, String placeName, long gained,
                        long supporters, long solutions) {
    }

    /** A page of the agenda and how many problems it ranks in all. */
    public record Agenda(List<Entry> entries, long total) {
        public boolean hasNext(int page) {
            return (long) (page + 1) * PAGE_SIZE < total;
        }
    }

    private final Jdbi jdbi;
    private final PlaceService places;

    AgendaService(Jdbi jdbi, PlaceService places) {
        this.jdbi = jdbi;
        this.places = places;
    }

    /** The agenda of a place with optional theme and status filters ("" = any; withdrawn problems never rank). */
    public Agenda rank(long placeId, Period period, String theme, String status, int page, OffsetDateTime now) {
        List<Long> within = new ArrayList<>(places.within(placeId));
        if (within.isEmpty()) return new Agenda(List.of(), 0);
        boolean all = period == Period.ALL;
        String sql = sql(period, false);
        int offset = Math.max(0, page) * PAGE_SIZE;
        long[] total = {0};
        List<Entry> entries = jdbi.withHandle(h -> {
            var q = h.createQuery(sql).bindArray("places", Long.class, within.toArray(Long[]::new))
                    .bind("theme", theme == null ? "" : theme).bind("status", status == null ? "" : status)
                    .bind("limit", PAGE_SIZE).bind("offset", offset)
                    .bind("since", all ? now : now.minus(period.length));
            int[] n = {offset};
            return q.map((rs, c) -> {
                total[0] = rs.getLong("total");
                return new Entry(++n[0], rs.getLong("id"), rs.getString("title"), rs.getString("theme"), rs.getString("status"),
                        rs.getLong("place_id"), rs.getString("place_name"), rs.getLong("gained"), rs.getLong("supporters"), rs.getLong("solutions"));
            }).list();
        });
        if (entries.isEmpty() && offset > 0) return new Agenda(List.of(), countOnly(within, theme, status));
        return new Agenda(entries, total[0]);
    }

    /** The agenda's one query; {@code explain} prefixes EXPLAIN ANALYZE for the benchmark. */
    static String sql(Period period, boolean explain) {
        String gained = period == Period.ALL ? "r.supporters" : period.countsOlder ? "r.supporters - COALESCE(g.n, 0)" : "COALESCE(g.n, 0)";
        return (explain ? "EXPLAIN (ANALYZE, BUFFERS) " : "") + """
                WITH gained AS (
                    SELECT problem_id, count(*) AS n FROM problem_supports WHERE created_at %s :since GROUP BY problem_id),
                ranked AS (
                    SELECT r.id, r.supporters, %s AS gained, count(*) OVER () AS total
                    FROM problems r %s
                    WHERE r.place_id = ANY(:places) AND r.status <> 'withdrawn' AND (:theme = '' OR r.theme = :theme)
                      AND (:status = '' OR r.status = :status)
                    ORDER BY gained DESC, r.supporters DESC, r.id
                    LIMIT :limit OFFSET :offset)
                SELECT k.id, k.supporters, k.gained, k.total, r.title, r.theme, r.status, r.place_id, p.name AS place_name,
                       (SELECT count(*) FROM problem_solutions s WHERE s.problem_id = k.id AND s.status <> 'withdrawn') AS solutions
                FROM ranked k JOIN problems r ON r.id = k.id JOIN places p ON p.id = r.place_id
                ORDER BY k.gained DESC, k.supporters DESC, k.id""".formatted(period.countsOlder ? "<" : ">=", gained,
                period == Period.ALL ? "" : "LEFT JOIN gained g ON g.problem_id = r.id");
    }

    private long countOnly(List<Long> within, String theme, String status) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM problems r WHERE r.place_id = ANY(:places) AND r.status <> 'withdrawn'
                  AND (:theme = '' OR r.theme = :theme) AND (:status = '' OR r.status = :status)""")
                .bindArray("places", Long.class, within.toArray(Long[]::new)).bind("theme", theme == null ? "" : theme)
                .bind("status", status == null ? "" : status).mapTo(Long.class).one());
    }
}
