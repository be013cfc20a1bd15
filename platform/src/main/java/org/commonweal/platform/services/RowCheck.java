package org.commonweal.platform.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads one row's fields as ORUK types them, noting a {@link Problem} (table, row, field, what is wrong) for each that is
 * not: the one place import input is checked. A bad value reads as null, so checking goes on and every problem of a
 * feed is reported at once.
 */
final class RowCheck {
    /** What is wrong where: the table, the row (number or JSON path), the field, and a message key with arguments. */
    record Problem(String table, String at, String field, String messageKey, Object... args) {
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@([A-Za-z0-9-]{1,63}\\.)+([A-Za-z]{2,63})");
    /** Top-level domains reserved for examples and tests (RFC 2606): no mail goes there, and ORUK readers refuse them. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("example", "test", "invalid", "localhost", "local");
    static final Pattern WEB = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final String table;
    private final FeedTables.Row row;
    private final List<Problem> problems;

    RowCheck(String table, FeedTables.Row row, List<Problem> problems) {
        this.table = table;
        this.row = row;
        this.problems = problems;
    }

    String at() {
        return row.at();
    }

    void problem(String field, String key, Object... args) {
        problems.add(new Problem(table, row.at(), field, key, args));
    }

    UUID uuid(String field, boolean required) {
        String v = row.get(field);
        if (v == null) {
            if (required) problem(field, "services.import.error.required");
            return null;
        }
        var id = ApiRequest.parseUuid(v.toLowerCase(Locale.ROOT));
        if (id.isEmpty()) problem(field, "services.import.error.uuid", v);
        return id.orElse(null);
    }

    String text(String field, int max, boolean required) {
        String v = row.get(field);
        if (v == null) {
            if (required) problem(field, "services.import.error.required");
            return null;
        }
        if (v.length() > max) {
            problem(field, "services.import.error.tooLong", max);
            return null;
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problem(field, "services.import.error.control");
            return null;
        }
        return v;
    }

    String oneOf(String field, List<String> values, boolean required) {
        String v = row.get(field);
        if (v == null) {
            if (required) problem(field, "services.import.error.required");
            return null;
        }
        if (!values.contains(v)) {
            problem(field, "services.import.error.oneOf", v, String.join(", ", values));
            return null;
        }
        return v;
    }

    /** An address mail can go to, as ORUK's schemas check one (RFC 5321 mailbox with a real top-level domain). */
    static boolean isEmail(String v) {
        var m = EMAIL.matcher(v);
        return v.length() <= 320 && m.matches() && !RESERVED.contains(m.group(2).toLowerCase(Locale.ROOT));
    }

    String email(String field) {
        String v = text(field, 320, false);
        if (v != null && !isEmail(v)) {
            problem(field, "services.import.error.email", v);
            return null;
        }
        return v;
    }

    String web(String field) {
        String v = text(field, 500, false);
        if (v != null && !WEB.matcher(v).matches()) {
            problem(field, "services.import.error.url", v);
            return null;
        }
        return v;
    }

    Integer age(String field) {
        BigDecimal n = number(field);
        if (n == null) return null;
        if (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(150)) > 0 || n.stripTrailingZeros().scale() > 0) {
            problem(field, "services.import.error.age", n.toPlainString());
            return null;
        }
        return n.intValue();
    }

    Integer whole(String field, int min, int max) {
        BigDecimal n = number(field);
        if (n == null) return null;
        if (n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            problem(field, "services.import.error.whole", min, max);
            return null;
        }
        return n.intValue();
    }

    BigDecimal number(String field) {
        String v = row.get(field);
        if (v == null) return null;
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            problem(field, "services.import.error.number", v);
            return null;
        }
    }

    /** An amount of money in pounds: not negative, at most pence. */
    BigDecimal amount(String field) {
        BigDecimal n = number(field);
        if (n == null) return null;
        if (n.signum() < 0 || n.stripTrailingZeros().scale() > 2 || n.compareTo(new BigDecimal("9999999999")) > 0) {
            problem(field, "services.import.error.amount", n.toPlainString());
            return null;
        }
        return n;
    }

    LocalDate date(String field) {
        String v = row.get(field);
        if (v == null) return null;
        try {
            LocalDate d = LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v);
            if (d.getYear() < 1900 || d.getYear() > 9999) throw new DateTimeParseException("range", v, 0);
            return d;
        } catch (DateTimeParseException e) {
            problem(field, "services.import.error.date", v);
            return null;
        }
    }

    LocalTime time(String field) {
        String v = row.get(field);
        if (v == null) return null;
        try {
            // ORUK writes times as 10:00:00, sometimes with an offset (10:00:00Z); opening hours are London wall-clock times.
            return LocalTime.parse(v.replaceAll("(Z|[+-]\\d\\d:?\\d\\d)$", ""));
        } catch (DateTimeParseException e) {
            problem(field, "services.import.error.time", v);
            return null;
        }
    }

    /** RFC 5545 BYDAY as ORUK carries it: MO,TU,... (an ordinal such as 1MO is for monthly rules and is kept as its day). */
    private static final Pattern DAY = Pattern.compile("([+-]?)(\\d{1,2})?([A-Z]{2})");

    /**
     * ORUK's byday: days (MO..SU), each of a monthly schedule perhaps preceded by which of the month's ("2TU" its second
     * Tuesday, "-1FR" its last Friday), kept without a "+". A weekly schedule's days have no number (RFC 5545).
     */
    List<String> days(String field, boolean monthly) {
        String v = row.get(field);
        List<String> days = new ArrayList<>();
        if (v == null) return days;
        for (String part : v.split(",")) {
            var m = DAY.matcher(part.strip().toUpperCase(Locale.ROOT));
            if (!m.matches() || !Directory.DAYS.contains(m.group(3)) || !m.group(1).isEmpty() && m.group(2) == null) {
                problem(field, "services.import.error.day", part.strip());
                return List.of();
            }
            if (m.group(2) != null) {
                int nth = Integer.parseInt(m.group(2));
                if (!monthly) {
                    problem(field, "services.import.error.dayNumberWeekly", part.strip());
                    return List.of();
                }
                if (nth < 1 || nth > 5) {
                    problem(field, "services.import.error.dayNumber", part.strip());
                    return List.of();
                }
            }
            String d = (m.group(1).equals("-") ? "-" : "") + (m.group(2) == null ? "" : Integer.parseInt(m.group(2))) + m.group(3);
            if (!days.contains(d)) days.add(d);
        }
        return days;
    }

    /** ORUK's bymonthday: days of the month from 1 to 31, or -1 (the last) to -31, comma-separated; kept as "1,15,-1". */
    String monthDays(String field) {
        String v = row.get(field);
        if (v == null) return null;
        List<String> days = new ArrayList<>();
        for (String part : v.split(",")) {
            String p = part.strip();
            int n;
            try {
                n = Integer.parseInt(p.startsWith("+") ? p.substring(1) : p);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n == 0 || n < -31 || n > 31) {
                problem(field, "services.import.error.monthDay", p);
                return null;
            }
            if (!days.contains(Integer.toString(n))) days.add(Integer.toString(n));
        }
        return String.join(",", days);
    }
}
