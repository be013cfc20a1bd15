package org.commonweal.platform.events;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar text against RFC 5545's rules: CRLF lines, folding at 75 octets, TEXT escaping, UTC times. */
class ICalendarTest {
    private static final Instant START = Instant.parse("2026-12-01T18:30:00Z");

    private static String calendar(String summary, String description, String location) {
        return new ICalendar("Test").add(new ICalendar.Entry("event-1@example.org", Instant.parse("2026-11-01T09:00:00Z"), START,
                START.plusSeconds(5400), summary, description, location, "https://example.org/events/1", 3, false)).end();
    }

    /** RFC 5545 §3.1: unfolding removes every CRLF followed by one space. */
    private static String unfold(String text) {
        return text.replace("\r\n ", "");
    }

    @Test
    void everyLineEndsWithCrlfAndNoBareLineFeedOrCarriageReturnRemains() {
        String ics = calendar("Seminar", "line one\nline two\r\nline three\rfour", "Hall");
        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(unfold(ics)).contains("DESCRIPTION:line one\\nline two\\nline three\\nfour\r\n");
    }

    @Test
    void textValuesEscapeBackslashSemicolonCommaAndNewline() {
        assertThat(ICalendar.escape("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
        String ics = unfold(calendar("Budget; money, and \\ slashes", "", "Hall, 4 Ferry Row; back door"));
        assertThat(ics).contains("SUMMARY:Budget\\; money\\, and \\\\ slashes\r\n").contains("LOCATION:Hall\\, 4 Ferry Row\\; back door\r\n");
    }

    @Test
    void longLinesAreFoldedAtSeventyFiveOctetsAndUnfoldBackExactly() {
        String longText = "The quick brown fox jumps over the lazy dog. ".repeat(10).strip();
        String ics = calendar(longText, "", "");
        for (String line : ics.split("\r\n")) assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        assertThat(unfold(ics)).contains("SUMMARY:" + longText + "\r\n");
        assertThat(ics.split("\r\n")).filteredOn(l -> l.startsWith(" ")).hasSizeGreaterThan(5);
    }

    @Test
    void foldingNeverSplitsAMultiByteCharacter() {
        String welsh = "Cyfarfod cyhoeddus ŵŷ — café “Cymraeg” 😀 ".repeat(8);
        String folded = ICalendar.fold("SUMMARY:" + welsh);
        for (String line : folded.split("\r\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThanOrEqualTo(75);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(line);
            assertThat(line).doesNotContain("\uFFFD");
            assertThat(Character.isLowSurrogate(line.charAt(line.startsWith(" ") ? 1 : 0))).as("line starts inside a surrogate pair").isFalse();
        }
        assertThat(unfold(folded)).isEqualTo("SUMMARY:" + welsh);
    }

    @Property(tries = 300)
    void foldedLinesAreShortAndUnfoldToTheOriginal(@ForAll String text) {
        String line = "DESCRIPTION:" + ICalendar.escape(text);
        String folded = ICalendar.fold(line);
        assertThat(Arrays.stream(folded.split("\r\n", -1)).mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length).max().orElse(0))
                .isLessThanOrEqualTo(75);
        assertThat(unfold(folded)).isEqualTo(line);
        assertThat(ICalendar.escape(text)).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void eventsCarryUidStampUtcTimesSequenceAndStatus() {
        String ics = calendar("Seminar", "", "");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
                .contains("BEGIN:VEVENT\r\nUID:event-1@example.org\r\nDTSTAMP:20261101T090000Z\r\n")
                .contains("DTSTART:20261201T183000Z\r\n").contains("DTEND:20261201T200000Z\r\n")
                .contains("SEQUENCE:3\r\n").contains("STATUS:CONFIRMED\r\n").contains("URL:https://example.org/events/1\r\n");
        String cancelled = new ICalendar("Test").add(new ICalendar.Entry("event-2@example.org", START, START, START.plusSeconds(60), "Off",
                "", "", null, 4, true)).end();
        assertThat(cancelled).contains("STATUS:CANCELLED\r\n").contains("SEQUENCE:4\r\n").doesNotContain("URL:");
    }
}
