package org.commonweal.platform.core.subjects;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Something residents can comment on, follow, report or find: a problem, a budget proposal, a consultation, an
 * event. Features name their own kind ("problem", "proposal" ...); the key "problem:42" is how other features
 * and URLs refer to it without knowing its tables.
 */
public record Subject(String kind, long id) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,30}");

    public Subject {
        if (kind == null || !KIND.matcher(kind).matches()) throw new IllegalArgumentException("subject kind must be lower-case letters: " + kind);
    }

    public String key() {
        return kind + ":" + id;
    }

    /** Reads "kind:id" as written by {@link #key()}; anything else is empty (never an exception). */
    public static Optional<Subject> parse(String key) {
        if (key == null) return Optional.empty();
        int colon = key.indexOf(':');
        if (colon <= 0) return Optional.empty();
        String kind = key.substring(0, colon);
        if (!KIND.matcher(kind).matches()) return Optional.empty();
        try {
            long id = Long.parseLong(key.substring(colon + 1));
            return id > 0 ? Optional.of(new Subject(kind, id)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return key();
    }
}
