package org.commonweal.platform.core.http;

import io.javalin.http.Context;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A submitted form: the values to show again and the errors per field (message keys), in field order,
 * so the page can render an error summary whose links go to each field.
 */
public final class Form {
    /**
     * The years a date typed into any form may have. Java reads "+999999999-12-31" as a date, which PostgreSQL cannot
     * store and which overflows arithmetic on instants; no date the platform deals in is near either end.
     */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, Object[]> errorArgs = new LinkedHashMap<>();
    private static final Object[] NO_ARGS = {};

    public static Form empty() {
        return new Form();
    }

    /**
     * The named fields of a posted form, a missing one read as empty: the one reader of posted fields. A value with a
     * control character never gets here ({@link InputGuard} has answered 400 before the route ran).
     */
    public static Form read(Context ctx, String... fields) {
        Form f = new Form();
        for (String field : fields) f.set(field, Optional.ofNullable(ctx.formParam(field)).orElse(""));
        return f;
    }

    public static Form of(Map<String, String> values) {
        Form f = new Form();
        f.values.putAll(values);
        return f;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public Form set(String field, String value) {
        values.put(field, value == null ? "" : value);
        return this;
    }

    public Form error(String field, String messageKey) {
        errors.putIfAbsent(field, messageKey);
        return this;
    }

    /** An error whose message names what was wrong ({@code args}, such as the addresses not found), beside the field and in the summary. */
    public Form error(String field, String messageKey, Object... args) {
        if (!errors.containsKey(field)) errorArgs.put(field, args.clone());
        errors.putIfAbsent(field, messageKey);
        return this;
    }

    /** The arguments of the field's error message (none for most). */
    public Object[] errorArgs(String field) {
        return errorArgs.getOrDefault(field, NO_ARGS).clone();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String errorKey(String field) {
        return errors.get(field);
    }

    public Map<String, String> errors() {
        return Collections.unmodifiableMap(errors);
    }

    /** Validation helper: a required, trimmed text of at most max characters. */
    public String requireText(String field, int max, String requiredKey, String tooLongKey) {
        String v = value(field).strip();
        values.put(field, v);
        if (v.isEmpty()) error(field, requiredKey);
        else if (v.length() > max) error(field, tooLongKey);
        else if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) error(field, "error.controlCharacters");
        return v;
    }

    /** A required yyyy-mm-dd date field (stripped); null with {@code formatKey} when blank or not a date, or the range error. */
    public LocalDate date(String field, String formatKey) {
        return parsed(field, formatKey, LocalDate::parse);
    }

    /** A required date and time field as a browser's datetime-local input sends it (2026-11-30T09:00), checked as {@link #date}. */
    public LocalDateTime dateTime(String field, String formatKey) {
        return parsed(field, formatKey, LocalDateTime::parse);
    }

    private <T extends TemporalAccessor> T parsed(String field, String formatKey, java.util.function.Function<String, T> parse) {
        String v = value(field).strip();
        values.put(field, v);
        T parsedValue;
        try {
            parsedValue = parse.apply(v);
        } catch (DateTimeParseException e) {
            error(field, formatKey);
            return null;
        }
        int year = parsedValue.get(ChronoField.YEAR);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            error(field, "error.date.range");
            return null;
        }
        return parsedValue;
    }
}
