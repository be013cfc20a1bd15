package org.commonweal.platform.services;

import org.commonweal.platform.testing.PlatformTestCase;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory filters in SQL ({@code service_schedule_open_at}, {@code service_schedule_happens_on}) and the service page
 * and tests reason in Java ({@link OpenAt}): the two must give the same answer for every schedule the directory accepts.
 * Thousands of generated schedules — weekly, fortnightly and every few weeks, monthly by numbered weekdays and by days of
 * the month, spans past midnight, with and without dtstart and validity dates — are each asked at generated London times,
 * many of them on the nights the clocks change.
 */
class OpenAtSqlTest extends PlatformTestCase {
    private static final List<String> DAYS = Directory.DAYS;

    private record Case(ServiceRecord.Schedule schedule, LocalDateTime at) {
    }

    @Test
    void sqlAndJavaAgreeOnGeneratedSchedules() {
        Random random = new Random(20261207);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 6000; i++) cases.add(new Case(schedule(random), moment(random)));
        List<Boolean[]> sql = app.database.jdbi().withHandle(h -> {
            h.execute("""
                    CREATE TEMPORARY TABLE open_at_cases (n INT PRIMARY KEY, freq TEXT, step INT, byday TEXT[], bymonthday TEXT, opens TIME,
                        closes TIME, valid_from DATE, valid_to DATE, dtstart DATE, at TIMESTAMP)""");
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO open_at_cases VALUES (:n, :freq, :step, :byday, :bymonthday, :opens, :closes, :from, :to, :dtstart, :at)""");
            for (int n = 0; n < cases.size(); n++) {
                ServiceRecord.Schedule s = cases.get(n).schedule();
                batch.bind("n", n).bind("freq", s.freq()).bind("step", s.interval()).bindArray("byday", String.class, s.byday().toArray(String[]::new))
                        .bind("bymonthday", s.bymonthday()).bind("opens", s.opensAt()).bind("closes", s.closesAt()).bind("from", s.validFrom())
                        .bind("to", s.validTo()).bind("dtstart", s.dtstart()).bind("at", cases.get(n).at()).add();
            }
            batch.execute();
            return h.createQuery("""
                    SELECT service_schedule_open_at(freq, step, byday, bymonthday, opens, closes, valid_from, valid_to, dtstart, at) AS open,
                           service_schedule_happens_on(freq, step, byday, bymonthday, valid_from, valid_to, dtstart, at::date) AS happens
                    FROM open_at_cases ORDER BY n""").map((rs, c) -> new Boolean[]{rs.getBoolean("open"), rs.getBoolean("happens")}).list();
        });
        int open = 0, happens = 0;
        for (int n = 0; n < cases.size(); n++) {
            Case c = cases.get(n);
            boolean javaOpen = OpenAt.at(c.schedule(), c.at());
            boolean javaHappens = OpenAt.happensOn(c.schedule(), c.at().toLocalDate());
            assertThat(sql.get(n)[0]).as("open at %s: %s", c.at(), c.schedule()).isEqualTo(javaOpen);
            assertThat(sql.get(n)[1]).as("happens on %s: %s", c.at().toLocalDate(), c.schedule()).isEqualTo(javaHappens);
            if (javaOpen) open++;
            if (javaHappens) happens++;
        }
        // The generator must reach both answers often enough for agreement to mean something.
        assertThat(open).as("open cases").isGreaterThan(300);
        assertThat(happens).as("days it happens on").isGreaterThan(600);
        assertThat(cases.size() - open).isGreaterThan(300);
    }

    @Test
    void thePlannerInlinesTheRuleIntoTheDirectorysQuery() {
        // Called row by row, a SQL function costs tens of microseconds a schedule; inlined, it is a plain expression.
        DirectoryQuery.Condition c = new DirectoryQuery(null, null, null, null, null, null, null, null, LocalDateTime.of(2026, 12, 11, 23, 0),
                null, null, null).condition();
        List<String> rows = app.database.jdbi().withHandle(h -> c.bindTo(h.createQuery("EXPLAIN (VERBOSE) SELECT s.id FROM services s WHERE " + c.sql()))
                .mapTo(String.class).list());
        String plan = String.join("\n", rows);
        assertThat(plan).contains("opens_at").doesNotContain("service_schedule_open_at").doesNotContain("service_schedule_happens_on");
    }

    /** A schedule the import would accept, weighted towards the kinds that are easy to get wrong. */
    private static ServiceRecord.Schedule schedule(Random r) {
        boolean monthly = r.nextInt(5) < 2;
        int interval = r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 1;
        List<String> byday = new ArrayList<>();
        String bymonthday = null;
        if (monthly) {
            int kind = r.nextInt(4);
            if (kind != 1) {
                for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
                    String day = DAYS.get(r.nextInt(7));
                    int nth = r.nextInt(11) - 5;
                    String d = (r.nextInt(4) == 0 || nth == 0 ? "" : Integer.toString(nth)) + day;
                    if (!byday.contains(d)) byday.add(d);
                }
            }
            if (kind == 1 || kind == 2) {
                List<String> days = new ArrayList<>();
                for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                    int d = r.nextBoolean() ? 1 + r.nextInt(31) : -1 - r.nextInt(7);
                    if (!days.contains(Integer.toString(d))) days.add(Integer.toString(d));
                }
                bymonthday = String.join(",", days);
            }
            if (kind == 3 && r.nextBoolean()) byday.clear();
        } else {
            for (String d : DAYS) if (r.nextInt(3) == 0) byday.add(d);
            // A weekly schedule carrying bymonthday, as ORUK's own example does, which weekly schedules ignore.
            if (r.nextInt(6) == 0) bymonthday = "2,3,4";
        }
        LocalTime opens = r.nextInt(20) == 0 ? null : LocalTime.of(r.nextInt(24), r.nextInt(4) * 15);
        LocalTime closes = r.nextInt(20) == 0 ? null : LocalTime.of(r.nextInt(24), r.nextInt(4) * 15);
        if (opens != null && opens.equals(closes)) closes = opens.plusHours(3);
        LocalDate base = LocalDate.of(2026, 1, 1);
        LocalDate from = r.nextInt(3) == 0 ? base.plusDays(r.nextInt(700)) : null;
        LocalDate to = r.nextInt(3) == 0 ? base.plusDays(200 + r.nextInt(700)) : null;
        LocalDate dtstart = r.nextInt(3) > 0 ? base.minusDays(400).plusDays(r.nextInt(900)) : null;
        return new ServiceRecord.Schedule(null, null, monthly ? "MONTHLY" : "WEEKLY", interval, byday, bymonthday, opens, closes, from, to,
                dtstart, null, null);
    }

    /** A London wall-clock time in 2026–2028; one in four on or next to a night the clocks change. */
    private static LocalDateTime moment(Random r) {
        LocalTime time = LocalTime.of(r.nextInt(24), r.nextInt(60));
        if (r.nextInt(4) == 0) {
            LocalDate[] changes = {LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25), LocalDate.of(2027, 3, 28), LocalDate.of(2027, 10, 31)};
            return changes[r.nextInt(changes.length)].plusDays(r.nextInt(3) - 1).atTime(time);
        }
        return LocalDate.of(2026, 1, 1).plusDays(r.nextInt(1000)).atTime(time);
    }
}
