// RFC 5545 "Internet Calendaring and Scheduling Core Object Specification (iCalendar)": §3.1 content lines
// (CRLF, folding at 75 octets), §3.3.11 TEXT escaping, §3.6.1 VEVENT, §3.8.7.4 SEQUENCE, §3.8.1.11 STATUS.
package org.commonweal.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes one VCALENDAR of VEVENTs. Times are written in UTC ("Z" form), which every calendar program converts to its
 * user's zone and which needs no VTIMEZONE; text values are escaped and every line folded so that no line exceeds 75
 * octets without splitting a UTF-8 character.
 */
final class ICalendar {
    static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;
    private final StringBuilder out = new StringBuilder();

    ICalendar(String name) {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Commonweal//Events//EN");
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        text("X-WR-CALNAME", name);
    }

    /** One event as calendar programs need it; {@code uid} must stay the same for the event's whole life. */
    record Entry(String uid, Instant stamp, Instant start, Instant end, String summary, String description, String location,
                 String url, int sequence, boolean cancelled) {
    }

    ICalendar add(Entry e) {
        line("BEGIN:VEVENT");
        line("UID:" + e.uid());
        line("DTSTAMP:" + UTC.format(e.stamp()));
        line("DTSTART:" + UTC.format(e.start()));
        line("DTEND:" + UTC.format(e.end()));
        line("SEQUENCE:" + e.sequence());
        line("STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
        text("SUMMARY", e.summary());
        if (e.description() != null && !e.description().isEmpty()) text("DESCRIPTION", e.description());
        if (e.location() != null && !e.location().isEmpty()) text("LOCATION", e.location());
        // URL is a URI value, not TEXT: it is not escaped (RFC 5545 §3.3.13), only folded.
        if (e.url() != null) line("URL:" + e.url());
        line("END:VEVENT");
        return this;
    }

    String end() {
        line("END:VCALENDAR");
        return out.toString();
    }

    private void text(String name, String value) {
        line(name + ":" + escape(value));
    }

    /** TEXT escaping (§3.3.11): backslash, semicolon and comma get a backslash; a line break becomes "\n". */
    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    b.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') i++;
                }
                default -> {
                    // Other control characters are not allowed in TEXT; validated input has none, but never emit them.
                    if (c >= 0x20 && c != 0x7f || c == '\t') b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** Appends a content line folded at 75 octets (§3.1): CRLF then one space, never inside a UTF-8 sequence. */
    private void line(String content) {
        out.append(fold(content)).append("\r\n");
    }

    static String fold(String content) {
        StringBuilder b = new StringBuilder(content.length() + 8);
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + len > MAX_OCTETS) {
                b.append("\r\n ");
                octets = 1; // the leading space of a continuation line counts towards its 75 octets
            }
            b.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        return b.toString();
    }
}
