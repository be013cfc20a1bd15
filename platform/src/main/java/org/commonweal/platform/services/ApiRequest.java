package org.commonweal.platform.services;

import io.javalin.http.Context;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * The query parameters of an ORUK request, read strictly: a value that is not what the OpenAPI description says (a page
 * that is not a whole number, an id that is not a UUID) is a {@link BadParameter} naming the parameter, answered 400.
 */
final class ApiRequest {
    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 200;
    /** Deep paging costs an offset scan; nobody reads 10,000 pages (the unpaged ndjson export is for everything). */
    static final int MAX_PAGE = 10_000;

    /** A parameter that is not what the API takes: its name and the message key saying what it must be. */
    static final class BadParameter extends RuntimeException {
        final String parameter;
        final String messageKey;

        BadParameter(String parameter, String messageKey) {
            super(parameter, null, false, false);
            this.parameter = parameter;
            this.messageKey = messageKey;
        }
    }

    private final Context ctx;

    ApiRequest(Context ctx) {
        this.ctx = ctx;
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    int page() {
        return whole("page", 1, MAX_PAGE).orElse(1);
    }

    int perPage() {
        return whole("per_page", 1, MAX_PER_PAGE).orElse(DEFAULT_PER_PAGE);
    }

    Optional<Integer> whole(String name, int min, int max) {
        Optional<String> v = text(name);
        if (v.isEmpty()) return Optional.empty();
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) throw new BadParameter(name, "services.api.error.range");
            return Optional.of(n);
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "services.api.error.whole");
        }
    }

    /** An age: ORUK types it as a number; a whole number of years is what services state. */
    Optional<Integer> age(String name) {
        Optional<String> v = text(name);
        if (v.isEmpty()) return Optional.empty();
        try {
            double d = Double.parseDouble(v.get());
            if (d < 0 || d > 150 || Double.isNaN(d)) throw new BadParameter(name, "services.api.error.age");
            return Optional.of((int) Math.floor(d));
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "services.api.error.age");
        }
    }

    Optional<UUID> uuid(String name) {
        Optional<String> v = text(name);
        if (v.isEmpty()) return Optional.empty();
        return Optional.of(parseUuid(v.get()).orElseThrow(() -> new BadParameter(name, "services.api.error.uuid")));
    }

    Optional<LocalTime> time(String name) {
        Optional<String> v = text(name);
        if (v.isEmpty()) return Optional.empty();
        try {
            return Optional.of(LocalTime.parse(v.get()));
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "services.api.error.time");
        }
    }

    /** ORUK's day: a two-letter RFC 5545 day (MO..SU), or the day's English name. */
    Optional<String> day() {
        Optional<String> v = text("day");
        if (v.isEmpty()) return Optional.empty();
        String d = v.get().toUpperCase(java.util.Locale.ROOT);
        if (Directory.DAYS.contains(d)) return Optional.of(d);
        for (java.time.DayOfWeek w : java.time.DayOfWeek.values()) {
            if (w.name().equals(d)) return Optional.of(Directory.dayCode(w));
        }
        throw new BadParameter("day", "services.api.error.day");
    }

    boolean flag(String name) {
        Optional<String> v = text(name);
        if (v.isEmpty()) return false;
        return switch (v.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadParameter(name, "services.api.error.flag");
        };
    }

    static Optional<UUID> parseUuid(String s) {
        if (s == null || s.length() != 36) return Optional.empty();
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
