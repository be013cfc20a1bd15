package org.commonweal.platform.services;

import org.jdbi.v3.core.statement.Query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What residents and API clients filter published services by, turned into one SQL condition: words (the full-text
 * search), a place (with the places inside it), a taxonomy term or taxonomy, ages, a provider, and opening times: open
 * at a moment (the directory's "open now" and "open on a day at a time", by {@link OpenAt}'s rule in SQL), or ORUK's
 * day / start_time / end_time. Each filter left null is not applied. Opening times are Europe/London wall-clock times.
 *
 * @param day          MO..SU, ORUK's day filter: a schedule on that weekday (weekly, fortnightly, or a monthly one's nth)
 * @param openAt       a London date and time some schedule of the service is open at
 * @param openOn       a London date some schedule of the service opens on
 * @param startAtLeast ORUK start_time: a schedule opening at or after this
 * @param endAtMost    ORUK end_time: a schedule closing at or before this
 */
record DirectoryQuery(String text, Collection<Long> places, UUID termId, UUID taxonomyId, Integer minimumAge, Integer maximumAge,
                      Long groupId, String day, LocalDateTime openAt, LocalDate openOn, LocalTime startAtLeast, LocalTime endAtMost) {
    /** Nobody types more; it bounds the work a query can cause (as the site search does). */
    static final int MAX_TEXT = 200;

    static DirectoryQuery all() {
        return new DirectoryQuery(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    DirectoryQuery {
        if (text != null) {
            text = text.strip();
            if (text.length() > MAX_TEXT) text = text.substring(0, MAX_TEXT);
            if (text.isEmpty()) text = null;
        }
        places = places == null ? null : List.copyOf(places);
    }

    boolean hasText() {
        return text != null;
    }

    /** The condition on {@code s} (services) and its binders, for any query over published services. */
    Condition condition() {
        List<String> where = new ArrayList<>(List.of("s.state = 'published'"));
        List<Consumer<Query>> binds = new ArrayList<>();
        if (text != null) {
            where.add("s.search @@ websearch_to_tsquery('english'::regconfig, search_unaccent(:text))");
            binds.add(q -> q.bind("text", text));
        }
        if (places != null) {
            where.add("EXISTS (SELECT 1 FROM service_locations l WHERE l.service_id = s.id AND l.place_id = ANY(:places))");
            binds.add(q -> q.bindArray("places", Long.class, places.toArray(Long[]::new)));
        }
        if (termId != null) {
            where.add("EXISTS (SELECT 1 FROM service_terms st JOIN service_taxonomy_terms t ON t.id = st.term_id WHERE st.service_id = s.id AND t.oruk_id = :term)");
            binds.add(q -> q.bind("term", termId));
        }
        if (taxonomyId != null) {
            where.add("""
                    EXISTS (SELECT 1 FROM service_terms st JOIN service_taxonomy_terms t ON t.id = st.term_id
                            LEFT JOIN service_taxonomies x ON x.id = t.taxonomy_id
                            WHERE st.service_id = s.id AND (x.oruk_id = :taxonomy OR t.taxonomy_oruk_id = :taxonomy))""");
            binds.add(q -> q.bind("taxonomy", taxonomyId));
        }
        if (minimumAge != null) {
            where.add("s.minimum_age >= :minAge");
            binds.add(q -> q.bind("minAge", minimumAge));
        }
        if (maximumAge != null) {
            where.add("s.maximum_age <= :maxAge");
            binds.add(q -> q.bind("maxAge", maximumAge));
        }
        if (groupId != null) {
            where.add("s.group_id = :group");
            binds.add(q -> q.bind("group", groupId));
        }
        if (openAt != null) {
            where.add("""
                    EXISTS (SELECT 1 FROM service_schedules sc WHERE sc.service_id = s.id AND service_schedule_open_at(sc.freq, sc.interval,
                            sc.byday, sc.bymonthday, sc.opens_at, sc.closes_at, sc.valid_from, sc.valid_to, sc.dtstart, :openAt))""");
            binds.add(q -> q.bind("openAt", openAt));
        }
        if (openOn != null) {
            where.add("""
                    EXISTS (SELECT 1 FROM service_schedules sc WHERE sc.service_id = s.id AND sc.opens_at IS NOT NULL AND sc.closes_at IS NOT NULL
                            AND service_schedule_happens_on(sc.freq, sc.interval, sc.byday, sc.bymonthday, sc.valid_from, sc.valid_to, sc.dtstart, :openOn))""");
            binds.add(q -> q.bind("openOn", openOn));
        }
        if (day != null || startAtLeast != null || endAtMost != null) {
            List<String> on = new ArrayList<>(List.of("sc.service_id = s.id"));
            if (day != null) {
                // A monthly schedule's days may be numbered (2TU): the weekday is the code's last two letters.
                on.add("EXISTS (SELECT 1 FROM unnest(sc.byday) b WHERE right(b, 2) = :day)");
                binds.add(q -> q.bind("day", day));
            }
            if (startAtLeast != null) {
                on.add("sc.opens_at >= :startAtLeast");
                binds.add(q -> q.bind("startAtLeast", startAtLeast));
            }
            if (endAtMost != null) {
                // A span past midnight closes the next morning, after any time of its day.
                on.add("sc.closes_at <= :endAtMost AND sc.closes_at > sc.opens_at");
                binds.add(q -> q.bind("endAtMost", endAtMost));
            }
            where.add("EXISTS (SELECT 1 FROM service_schedules sc WHERE " + String.join(" AND ", on) + ")");
        }
        return new Condition(String.join("\n AND ", where), binds);
    }

    /** A WHERE condition and what binds its parameters. */
    record Condition(String sql, List<Consumer<Query>> binds) {
        Query bindTo(Query q) {
            binds.forEach(b -> b.accept(q));
            return q;
        }
    }
}
