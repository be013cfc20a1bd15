package org.commonweal.platform.services;

import org.commonweal.platform.core.i18n.Messages;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service's opening times in words, as its page shows them: a plain weekly schedule as one line per day ("Monday: 9am
 * to 5pm"), any other as one line saying when it happens ("Every other Tuesday", "The first Monday of the month",
 * "The 15th and the last day of the month"), with a span past midnight ending "the next morning", the dates it is valid
 * between, and its next day — worked out by {@link OpenAt}, so the page and "open now" never disagree.
 */
final class ScheduleWords {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("ha", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    /** How far ahead "next on" looks: a monthly schedule every 12 months still shows its next day. */
    private static final int LOOK_AHEAD_DAYS = 400;

    private ScheduleWords() {
    }

    static List<String> of(List<ServiceRecord.Schedule> schedules, LocalDate today, Messages m) {
        List<String> lines = new ArrayList<>();
        for (String day : Directory.DAYS) {
            for (ServiceRecord.Schedule s : schedules) {
                if (plainWeekly(s) && s.byday().contains(day)) lines.add(m.get("services.hours.entry", m.get("services.day." + day), span(s, m)));
            }
        }
        for (ServiceRecord.Schedule s : schedules) {
            if (s.opensAt() == null || s.closesAt() == null || plainWeekly(s)) continue;
            String line = m.get("services.hours.entry", when(s, m), span(s, m));
            if (s.validFrom() != null && s.validFrom().isAfter(today)) line += m.get("services.hours.from", date(s.validFrom()));
            if (s.validTo() != null && s.validTo().isBefore(today)) {
                lines.add(line + m.get("services.hours.ended", date(s.validTo())));
                continue;
            }
            if (s.validTo() != null) line += m.get("services.hours.until", date(s.validTo()));
            LocalDate next = next(s, today);
            line += next == null ? m.get("services.hours.noNext") : m.get("services.hours.next", date(next));
            lines.add(line);
        }
        for (ServiceRecord.Schedule s : schedules) {
            if (s.description() != null && !lines.contains(s.description())) lines.add(s.description());
        }
        return lines;
    }

    /** Every week on named days, always valid: the form's kind, shown day by day. */
    private static boolean plainWeekly(ServiceRecord.Schedule s) {
        return "WEEKLY".equals(s.freq()) && s.interval() == 1 && !s.byday().isEmpty() && s.validFrom() == null && s.validTo() == null
                && s.dtstart() == null && s.opensAt() != null && s.closesAt() != null;
    }

    private static String span(ServiceRecord.Schedule s, Messages m) {
        return m.get(s.closesAt().isBefore(s.opensAt()) ? "services.hours.spanOvernight" : "services.hours.span", time(s.opensAt(), m), time(s.closesAt(), m));
    }

    /** When a schedule that is not plain weekly happens, as a phrase. */
    private static String when(ServiceRecord.Schedule s, Messages m) {
        LocalDate anchor = s.dtstart() != null ? s.dtstart() : s.validFrom();
        boolean weekly = "WEEKLY".equals(s.freq());
        List<String> days = new ArrayList<>();
        for (String d : s.byday()) {
            String name = m.get("services.day." + d.substring(d.length() - 2));
            if (weekly) days.add(name);
            else days.add(d.length() == 2 ? m.get("services.hours.every", name) : m.get("services.hours.nth." + d.substring(0, d.length() - 2), name));
        }
        if (weekly) {
            if (days.isEmpty() && anchor != null) days.add(m.get("services.day." + Directory.dayCode(anchor.getDayOfWeek())));
            return m.get("services.hours.weekly", s.interval(), and(days, m));
        }
        List<String> monthDays = new ArrayList<>();
        for (String d : OpenAt.monthDays(s.bymonthday())) {
            if (!d.matches("-?\\d{1,2}")) continue;
            int n = Integer.parseInt(d);
            monthDays.add(n > 0 ? m.get("services.hours.monthDay", n) : m.get("services.hours.monthDayFromEnd", -n));
        }
        if (days.isEmpty() && monthDays.isEmpty() && anchor != null) monthDays.add(m.get("services.hours.monthDay", anchor.getDayOfMonth()));
        String phrase = days.isEmpty() ? m.get("services.hours.monthly", s.interval(), and(monthDays, m))
                : monthDays.isEmpty() ? m.get("services.hours.monthly", s.interval(), and(days, m))
                : m.get("services.hours.monthlyBoth", s.interval(), and(days, m), and(monthDays, m));
        return phrase.substring(0, 1).toUpperCase(Locale.UK) + phrase.substring(1);
    }

    private static String and(List<String> items, Messages m) {
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.get(0);
        return m.get("services.hours.and", String.join(", ", items.subList(0, items.size() - 1)), items.get(items.size() - 1));
    }

    /** The next day (from today) the schedule opens, or null when none within about a year. */
    static LocalDate next(ServiceRecord.Schedule s, LocalDate today) {
        for (int i = 0; i <= LOOK_AHEAD_DAYS; i++) {
            LocalDate d = today.plusDays(i);
            if (OpenAt.happensOn(s, d)) return d;
        }
        return null;
    }

    /** A time as GOV.UK's style writes it: 10am, 5:30pm, midday, midnight. */
    static String time(LocalTime t, Messages m) {
        if (t.equals(LocalTime.NOON)) return m.get("services.hours.midday");
        if (t.equals(LocalTime.MIDNIGHT)) return m.get("services.hours.midnight");
        return (t.getMinute() == 0 ? HOUR : TIME).format(t).toLowerCase(Locale.UK);
    }

    static String date(LocalDate d) {
        return DATE.format(d);
    }
}
