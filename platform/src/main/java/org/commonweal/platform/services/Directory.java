package org.commonweal.platform.services;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/** The residents' directory: one page of published services matching a {@link DirectoryQuery}, and what "now" is in London. */
public final class Directory {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final int PAGE_SIZE = 20;
    public static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    /** One line of the directory: the service, who runs it, where (place names) and its terms (names). */
    public record Entry(long id, String name, String description, long groupId, String status, List<String> places, List<String> terms) {
        public Entry {
            places = List.copyOf(places);
            terms = List.copyOf(terms);
        }
    }

    public record Listing(List<Entry> entries, boolean more) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    Directory(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** London's wall-clock time now (to the minute), for "open now". */
    ZonedDateTime now() {
        return ZonedDateTime.now(clock).withZoneSameInstant(LONDON).truncatedTo(ChronoUnit.MINUTES);
    }

    static String dayCode(DayOfWeek day) {
        return DAYS.get(day.getValue() - 1);
    }

    /** The query with "open now" added: London's date and time now. */
    DirectoryQuery openNow(DirectoryQuery q) {
        return with(q, now().toLocalDateTime(), null);
    }

    /**
     * The query with "open on this weekday, at this time" added: the next such day in London (today if it is that day);
     * no day is today, no time is at any time that day.
     */
    DirectoryQuery openOn(DirectoryQuery q, DayOfWeek day, LocalTime time) {
        LocalDate date = day == null ? now().toLocalDate() : now().toLocalDate().with(TemporalAdjusters.nextOrSame(day));
        return time == null ? with(q, null, date) : with(q, date.atTime(time), null);
    }

    private static DirectoryQuery with(DirectoryQuery q, LocalDateTime openAt, LocalDate openOn) {
        return new DirectoryQuery(q.text(), q.places(), q.termId(), q.taxonomyId(), q.minimumAge(), q.maximumAge(), q.groupId(),
                q.day(), openAt, openOn, q.startAtLeast(), q.endAtMost());
    }

    /** One page (0-based): best match first when words were given, otherwise by name. */
    Listing list(DirectoryQuery q, int page) {
        int p = Math.max(0, Math.min(page, 10_000));
        DirectoryQuery.Condition c = q.condition();
        String order = q.hasText()
                ? "ts_rank(s.search, websearch_to_tsquery('english'::regconfig, search_unaccent(:text))) DESC, s.name, s.id"
                : "s.name, s.id";
        List<Entry> found = jdbi.withHandle(h -> c.bindTo(h.createQuery("""
                SELECT s.id, s.name, left(s.description, 300) AS description, s.group_id, s.status,
                       ARRAY(SELECT DISTINCT p.name FROM service_locations l JOIN places p ON p.id = l.place_id
                             WHERE l.service_id = s.id ORDER BY p.name) AS places,
                       ARRAY(SELECT t.name FROM service_terms st JOIN service_taxonomy_terms t ON t.id = st.term_id
                             WHERE st.service_id = s.id ORDER BY t.name) AS terms
                FROM services s
                WHERE\s""" + c.sql() + " ORDER BY " + order + " LIMIT :limit OFFSET :offset"))
                .bind("limit", PAGE_SIZE + 1).bind("offset", p * PAGE_SIZE)
                .map((rs, ctx) -> new Entry(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getLong("group_id"),
                        rs.getString("status"), List.of((String[]) rs.getArray("places").getArray()),
                        List.of((String[]) rs.getArray("terms").getArray()))).list());
        boolean more = found.size() > PAGE_SIZE;
        return new Listing(more ? found.subList(0, PAGE_SIZE) : found, more);
    }

    /** The taxonomy terms services may carry, by name, for the directory's filter and the form's checkboxes (ORUK id → name). */
    Map<String, String> terms() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT oruk_id::text AS id, name FROM service_taxonomy_terms ORDER BY name, id")
                .map((rs, c) -> Map.entry(rs.getString("id"), rs.getString("name"))).forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }
}
