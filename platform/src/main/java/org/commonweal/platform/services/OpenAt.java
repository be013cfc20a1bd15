package org.commonweal.platform.services;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a schedule is open at a moment: the rule the directory's "open now" and "open on day at time" filters apply.
 * Opening times are wall-clock times in Europe/London, so a moment is first turned into London's date and time (09:15 UTC
 * in July is 10:15) and the night the clocks change needs nothing special: a span closing at 02:00 closes when London's
 * clocks show 02:00, however many hours that night has.
 *
 * <p>A schedule <em>happens on</em> a day by RFC 5545's rules as ORUK carries them ({@code freq}, {@code interval},
 * {@code byday}, {@code bymonthday}, {@code dtstart}), within {@code valid_from}..{@code valid_to}:
 * <ul>
 * <li>WEEKLY: on the {@code byday} days (none: {@code dtstart}'s day), every {@code interval}-th week (weeks start on
 * Monday) counted from {@code dtstart}'s week; fortnightly is interval 2;</li>
 * <li>MONTHLY: every {@code interval}-th month counted from {@code dtstart}'s, on the {@code bymonthday} days ({@code -1}
 * is the last) and the {@code byday} days, where {@code 2TU} is the month's second Tuesday and {@code -1FR} its last
 * Friday (both given: a day must meet both, as RFC 5545 says); neither given: {@code dtstart}'s day of the month.</li>
 * </ul>
 * An interval above 1 counts from {@code dtstart}, or {@code valid_from} when the feed gave no {@code dtstart}; with
 * neither the weeks (or months) it falls on are unknown and it is never counted open. A day before {@code dtstart} has no
 * opening. It is open from {@code opens_at} until (not at) {@code closes_at} on a day it happens on; a closing time before
 * the opening time is the next morning's (Friday 22:00–02:00 is open at 01:00 on Saturday), and the validity dates are
 * those of the day it opens. A schedule without both times is never counted open.
 *
 * <p>{@code service_schedule_open_at} (migration V34_1) is the same rule in SQL, which the directory's query runs;
 * {@code OpenAtTest} holds the two to the same answers on generated schedules.
 */
final class OpenAt {
    private OpenAt() {
    }

    /** Open at this instant, in London. */
    static boolean at(ServiceRecord.Schedule s, Instant instant) {
        return at(s, LocalDateTime.ofInstant(instant, Directory.LONDON));
    }

    /** Open at this London wall-clock date and time. */
    static boolean at(ServiceRecord.Schedule s, LocalDateTime london) {
        LocalTime opens = s.opensAt(), closes = s.closesAt();
        if (opens == null || closes == null) return false;
        LocalTime t = london.toLocalTime();
        LocalDate day = london.toLocalDate();
        boolean overnight = closes.isBefore(opens);
        return !t.isBefore(opens) && (overnight || t.isBefore(closes)) && happensOn(s, day)
                || overnight && t.isBefore(closes) && happensOn(s, day.minusDays(1));
    }

    /** Whether the schedule opens on this London day. */
    static boolean happensOn(ServiceRecord.Schedule s, LocalDate d) {
        if (s.validFrom() != null && d.isBefore(s.validFrom())) return false;
        if (s.validTo() != null && d.isAfter(s.validTo())) return false;
        if (s.dtstart() != null && d.isBefore(s.dtstart())) return false;
        LocalDate anchor = s.dtstart() != null ? s.dtstart() : s.validFrom();
        return switch (s.freq()) {
            case "WEEKLY" -> weekly(s, d, anchor);
            case "MONTHLY" -> monthly(s, d, anchor);
            default -> false;
        };
    }

    private static boolean weekly(ServiceRecord.Schedule s, LocalDate d, LocalDate anchor) {
        boolean onDay = s.byday().isEmpty() ? anchor != null && anchor.getDayOfWeek() == d.getDayOfWeek() : s.byday().contains(code(d));
        if (!onDay) return false;
        if (s.interval() == 1) return true;
        if (anchor == null) return false;
        long weeks = ChronoUnit.DAYS.between(monday(anchor), monday(d)) / 7;
        return weeks % s.interval() == 0;
    }

    private static boolean monthly(ServiceRecord.Schedule s, LocalDate d, LocalDate anchor) {
        if (s.interval() != 1) {
            if (anchor == null) return false;
            long months = (d.getYear() * 12L + d.getMonthValue()) - (anchor.getYear() * 12L + anchor.getMonthValue());
            if (months % s.interval() != 0) return false;
        }
        List<String> monthDays = monthDays(s.bymonthday());
        if (s.byday().isEmpty() && monthDays.isEmpty()) return anchor != null && anchor.getDayOfMonth() == d.getDayOfMonth();
        int dom = d.getDayOfMonth(), length = d.lengthOfMonth();
        boolean onMonthDay = monthDays.isEmpty() || monthDays.contains(Integer.toString(dom)) || monthDays.contains(Integer.toString(dom - length - 1));
        String code = code(d);
        boolean onWeekday = s.byday().isEmpty() || s.byday().contains(code) || s.byday().contains(((dom - 1) / 7 + 1) + code)
                || s.byday().contains(-((length - dom) / 7 + 1) + code);
        return onMonthDay && onWeekday;
    }

    /** ORUK's comma-separated days of the month as written ("1,15,-1"); the import stores them without signs or spaces to spare. */
    static List<String> monthDays(String bymonthday) {
        if (bymonthday == null) return List.of();
        String bare = bymonthday.replaceAll("\\s", "");
        return bare.isEmpty() ? List.of() : Arrays.asList(bare.split(",", -1));
    }

    private static String code(LocalDate d) {
        return Directory.dayCode(d.getDayOfWeek());
    }

    private static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
