package org.commonweal.platform.services;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Open at" for every schedule the directory accepts, at fixed instants: weekly, past midnight, fortnightly, monthly by
 * the nth weekday and by the day of the month, validity dates, and the nights the clocks change in London.
 */
class OpenAtTest {
    static ServiceRecord.Schedule schedule(String freq, int interval, String byday, String bymonthday, String opens, String closes,
                                           String validFrom, String validTo, String dtstart) {
        return new ServiceRecord.Schedule(null, null, freq, interval, byday.isEmpty() ? List.of() : List.of(byday.split(",")), bymonthday,
                opens == null ? null : LocalTime.parse(opens), closes == null ? null : LocalTime.parse(closes), date(validFrom), date(validTo),
                date(dtstart), null, null);
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static ServiceRecord.Schedule weekly(String byday, String opens, String closes) {
        return schedule("WEEKLY", 1, byday, null, opens, closes, null, null, null);
    }

    private static boolean openAt(ServiceRecord.Schedule s, String instant) {
        return OpenAt.at(s, Instant.parse(instant));
    }

    @Test
    void aWeeklyScheduleIsOpenFromOpeningUntilClosingInLondonTime() {
        ServiceRecord.Schedule s = weekly("TU,TH", "10:00", "16:00");
        assertThat(openAt(s, "2026-12-08T10:00:00Z")).as("Tuesday 10:00 GMT, opening time").isTrue();
        assertThat(openAt(s, "2026-12-08T09:59:00Z")).isFalse();
        assertThat(openAt(s, "2026-12-08T16:00:00Z")).as("closing time is not open").isFalse();
        assertThat(openAt(s, "2026-12-09T12:00:00Z")).as("Wednesday").isFalse();
        assertThat(openAt(s, "2026-07-07T09:15:00Z")).as("09:15 UTC in July is 10:15 in London").isTrue();
        assertThat(openAt(s, "2026-07-07T15:30:00Z")).as("15:30 UTC in July is 16:30, after closing").isFalse();
        assertThat(openAt(weekly("TU", null, "16:00"), "2026-12-08T12:00:00Z")).as("no opening time: never counted open").isFalse();
    }

    @Test
    void aSpanPastMidnightIsOpenUntilTheNextMorning() {
        ServiceRecord.Schedule friday = weekly("FR", "22:00", "02:00");
        assertThat(openAt(friday, "2026-12-11T21:59:00Z")).isFalse();
        assertThat(openAt(friday, "2026-12-11T22:00:00Z")).as("Friday 22:00").isTrue();
        assertThat(openAt(friday, "2026-12-11T23:59:00Z")).isTrue();
        assertThat(openAt(friday, "2026-12-12T00:00:00Z")).as("Saturday midnight").isTrue();
        assertThat(openAt(friday, "2026-12-12T01:59:00Z")).as("Saturday 01:59").isTrue();
        assertThat(openAt(friday, "2026-12-12T02:00:00Z")).as("Saturday 02:00, closing").isFalse();
        assertThat(openAt(friday, "2026-12-11T01:00:00Z")).as("Friday 01:00 belongs to Thursday night").isFalse();
        assertThat(openAt(friday, "2026-12-12T22:30:00Z")).as("Saturday night").isFalse();
        ServiceRecord.Schedule untilMidnight = weekly("FR", "18:00", "00:00");
        assertThat(openAt(untilMidnight, "2026-12-11T23:59:00Z")).isTrue();
        assertThat(openAt(untilMidnight, "2026-12-12T00:00:00Z")).as("closing at midnight").isFalse();
        // The validity dates are those of the night's start: the last Friday's night runs into Saturday.
        ServiceRecord.Schedule lastNight = schedule("WEEKLY", 1, "FR", null, "22:00", "02:00", null, "2026-12-11", null);
        assertThat(openAt(lastNight, "2026-12-12T01:00:00Z")).isTrue();
        assertThat(openAt(lastNight, "2026-12-18T23:00:00Z")).isFalse();
    }

    @Test
    void theNightTheClocksGoForwardIsAnHourShorter() {
        // Sunday 28 March 2027: at 01:00 GMT London's clocks go to 02:00 BST.
        ServiceRecord.Schedule saturdayNight = weekly("SA", "22:00", "02:00");
        assertThat(openAt(saturdayNight, "2027-03-27T22:00:00Z")).isTrue();
        assertThat(openAt(saturdayNight, "2027-03-28T00:59:00Z")).as("00:59 GMT").isTrue();
        assertThat(openAt(saturdayNight, "2027-03-28T01:00:00Z")).as("the clocks show 02:00 BST: closed").isFalse();
        ServiceRecord.Schedule sunday = weekly("SU", "09:00", "17:00");
        assertThat(openAt(sunday, "2027-03-28T08:00:00Z")).as("09:00 BST").isTrue();
        assertThat(openAt(sunday, "2027-03-28T07:59:00Z")).isFalse();
        assertThat(openAt(sunday, "2027-03-28T16:00:00Z")).as("17:00 BST").isFalse();
        // An hour that does not exist in London is never reached: 01:30 on that night is skipped, not open twice.
        ServiceRecord.Schedule lostHour = weekly("SU", "01:00", "02:00");
        assertThat(openAt(lostHour, "2027-03-28T00:59:00Z")).isFalse();
        assertThat(openAt(lostHour, "2027-03-28T01:00:00Z")).isFalse();
    }

    @Test
    void theNightTheClocksGoBackRunsThroughTheRepeatedHour() {
        // Sunday 25 October 2026: at 02:00 BST (01:00 UTC) the clocks go back to 01:00 GMT, so 01:30 happens twice.
        ServiceRecord.Schedule saturdayNight = weekly("SA", "22:00", "02:00");
        assertThat(openAt(saturdayNight, "2026-10-24T21:00:00Z")).as("22:00 BST").isTrue();
        assertThat(openAt(saturdayNight, "2026-10-25T00:30:00Z")).as("the first 01:30 (BST)").isTrue();
        assertThat(openAt(saturdayNight, "2026-10-25T01:30:00Z")).as("the second 01:30 (GMT)").isTrue();
        assertThat(openAt(saturdayNight, "2026-10-25T02:00:00Z")).as("02:00 GMT").isFalse();
        ServiceRecord.Schedule sunday = weekly("SU", "09:00", "17:00");
        assertThat(openAt(sunday, "2026-10-25T08:30:00Z")).as("08:30 GMT").isFalse();
        assertThat(openAt(sunday, "2026-10-25T09:00:00Z")).isTrue();
        assertThat(openAt(sunday, "2026-10-25T16:59:00Z")).isTrue();
    }

    @Test
    void aFortnightlyScheduleCountsItsWeeksFromItsStart() {
        ServiceRecord.Schedule fortnightly = schedule("WEEKLY", 2, "TU", null, "10:00", "12:00", null, null, "2026-12-01");
        assertThat(openAt(fortnightly, "2026-12-01T11:00:00Z")).isTrue();
        assertThat(openAt(fortnightly, "2026-12-08T11:00:00Z")).isFalse();
        assertThat(openAt(fortnightly, "2026-12-15T11:00:00Z")).isTrue();
        assertThat(openAt(fortnightly, "2027-06-29T10:00:00Z")).as("30 weeks on, in summer time").isTrue();
        assertThat(openAt(fortnightly, "2026-11-17T11:00:00Z")).as("before its start").isFalse();
        // A start on a Thursday: the Tuesday of its week is before it, the next Tuesday is the odd week.
        ServiceRecord.Schedule fromThursday = schedule("WEEKLY", 2, "TU", null, "10:00", "12:00", null, null, "2026-12-03");
        assertThat(openAt(fromThursday, "2026-12-01T11:00:00Z")).isFalse();
        assertThat(openAt(fromThursday, "2026-12-08T11:00:00Z")).isFalse();
        assertThat(openAt(fromThursday, "2026-12-15T11:00:00Z")).isTrue();
        ServiceRecord.Schedule fromValidity = schedule("WEEKLY", 2, "TU", null, "10:00", "12:00", "2026-12-01", null, null);
        assertThat(openAt(fromValidity, "2026-12-15T11:00:00Z")).as("valid_from stands in for dtstart").isTrue();
        assertThat(openAt(fromValidity, "2026-12-22T11:00:00Z")).isFalse();
        ServiceRecord.Schedule unanchored = schedule("WEEKLY", 2, "TU", null, "10:00", "12:00", null, null, null);
        assertThat(openAt(unanchored, "2026-12-01T11:00:00Z")).as("which weeks is unknown").isFalse();
        ServiceRecord.Schedule byStartDay = schedule("WEEKLY", 1, "", null, "10:00", "12:00", null, null, "2026-12-03");
        assertThat(openAt(byStartDay, "2026-12-10T11:00:00Z")).as("no byday: dtstart's weekday, a Thursday").isTrue();
        assertThat(openAt(byStartDay, "2026-12-08T11:00:00Z")).isFalse();
    }

    @Test
    void aFortnightlyScheduleIsTheWeeklyOneEveryOtherWeek() {
        ServiceRecord.Schedule weekly = schedule("WEEKLY", 1, "MO,WE,SA", null, "20:00", "01:00", null, null, "2020-01-01");
        ServiceRecord.Schedule fortnightly = schedule("WEEKLY", 2, "MO,WE,SA", null, "20:00", "01:00", null, null, "2020-01-01");
        LocalDateTime t = LocalDateTime.of(2026, 1, 1, 0, 0);
        int open = 0;
        for (int i = 0; i < 2 * 24 * 7 * 6; i++, t = t.plusMinutes(31)) {
            boolean thisWeek = OpenAt.at(fortnightly, t), nextWeek = OpenAt.at(fortnightly, t.plusWeeks(1));
            if (OpenAt.at(weekly, t)) {
                assertThat(thisWeek ^ nextWeek).as("%s: open one of two weeks", t).isTrue();
                open++;
            } else {
                assertThat(thisWeek || nextWeek).as("%s: closed weekly, closed fortnightly", t).isFalse();
            }
        }
        assertThat(open).isPositive();
    }

    @Test
    void aMonthlyScheduleOpensOnTheNthWeekdayOfTheMonth() {
        ServiceRecord.Schedule firstMonday = schedule("MONTHLY", 1, "1MO", null, "19:00", "21:00", null, null, null);
        assertThat(openAt(firstMonday, "2027-01-04T19:30:00Z")).as("Monday 4 January 2027").isTrue();
        assertThat(openAt(firstMonday, "2027-01-11T19:30:00Z")).isFalse();
        assertThat(openAt(firstMonday, "2026-12-07T19:30:00Z")).as("Monday 7 December 2026").isTrue();
        ServiceRecord.Schedule secondTuesday = schedule("MONTHLY", 1, "2TU", null, "10:00", "12:00", null, null, null);
        assertThat(openAt(secondTuesday, "2026-12-08T10:30:00Z")).isTrue();
        assertThat(openAt(secondTuesday, "2026-12-01T10:30:00Z")).isFalse();
        ServiceRecord.Schedule lastFriday = schedule("MONTHLY", 1, "-1FR", null, "10:00", "12:00", null, null, null);
        assertThat(openAt(lastFriday, "2026-12-25T10:30:00Z")).isTrue();
        assertThat(openAt(lastFriday, "2026-12-18T10:30:00Z")).isFalse();
        // Every Nth weekday of every month over three years, against the calendar.
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.isBefore(LocalDate.of(2029, 1, 1)); d = d.plusDays(1)) {
            LocalDate firstMondayOfMonth = d.with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
            LocalDate lastFridayOfMonth = d.with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
            LocalDate secondTuesdayOfMonth = d.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
            assertThat(OpenAt.happensOn(firstMonday, d)).as("%s", d).isEqualTo(d.equals(firstMondayOfMonth));
            assertThat(OpenAt.happensOn(lastFriday, d)).as("%s", d).isEqualTo(d.equals(lastFridayOfMonth));
            assertThat(OpenAt.happensOn(secondTuesday, d)).as("%s", d).isEqualTo(d.equals(secondTuesdayOfMonth));
        }
    }

    @Test
    void aMonthlyScheduleOpensOnDaysOfTheMonthEveryNthMonth() {
        ServiceRecord.Schedule fifteenthAndLast = schedule("MONTHLY", 1, "", "15,-1", "10:00", "12:00", null, null, null);
        assertThat(openAt(fifteenthAndLast, "2026-12-15T10:30:00Z")).isTrue();
        assertThat(openAt(fifteenthAndLast, "2026-12-31T10:30:00Z")).isTrue();
        assertThat(openAt(fifteenthAndLast, "2027-02-28T10:30:00Z")).as("February's last day").isTrue();
        assertThat(openAt(fifteenthAndLast, "2026-12-30T10:30:00Z")).isFalse();
        ServiceRecord.Schedule thirtyFirst = schedule("MONTHLY", 1, "", "31", "10:00", "12:00", null, null, null);
        assertThat(OpenAt.happensOn(thirtyFirst, LocalDate.of(2027, 2, 28))).isFalse();
        ServiceRecord.Schedule everyOtherMonth = schedule("MONTHLY", 2, "1MO", null, "19:00", "21:00", null, null, "2027-01-04");
        assertThat(openAt(everyOtherMonth, "2027-01-04T19:30:00Z")).isTrue();
        assertThat(openAt(everyOtherMonth, "2027-02-01T19:30:00Z")).isFalse();
        assertThat(openAt(everyOtherMonth, "2027-03-01T19:30:00Z")).isTrue();
        assertThat(openAt(everyOtherMonth, "2026-11-02T19:30:00Z")).as("before its start").isFalse();
        ServiceRecord.Schedule fridayThe13th = schedule("MONTHLY", 1, "FR", "13", "19:00", "23:00", null, null, null);
        assertThat(OpenAt.happensOn(fridayThe13th, LocalDate.of(2027, 8, 13))).as("Friday 13 August 2027").isTrue();
        assertThat(OpenAt.happensOn(fridayThe13th, LocalDate.of(2027, 8, 6))).isFalse();
        assertThat(OpenAt.happensOn(fridayThe13th, LocalDate.of(2027, 7, 13))).as("a Tuesday").isFalse();
        ServiceRecord.Schedule byStartDay = schedule("MONTHLY", 1, "", null, "10:00", "12:00", null, null, "2026-11-20");
        assertThat(OpenAt.happensOn(byStartDay, LocalDate.of(2027, 3, 20))).as("no days given: dtstart's day of the month").isTrue();
        assertThat(OpenAt.happensOn(byStartDay, LocalDate.of(2027, 3, 21))).isFalse();
    }

    @Test
    void validityDatesBoundTheDaysBothInclusive() {
        ServiceRecord.Schedule winter = schedule("WEEKLY", 1, "MO,TU,WE,TH,FR,SA,SU", null, "10:00", "12:00", "2026-12-01", "2027-02-28", null);
        assertThat(openAt(winter, "2026-11-30T11:00:00Z")).isFalse();
        assertThat(openAt(winter, "2026-12-01T11:00:00Z")).isTrue();
        assertThat(openAt(winter, "2027-02-28T11:00:00Z")).isTrue();
        assertThat(openAt(winter, "2027-03-01T11:00:00Z")).isFalse();
    }
}
