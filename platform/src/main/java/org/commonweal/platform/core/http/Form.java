package org.commonweal.platform.core.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A submitted form: the values to show again and the errors per field (message keys), in field order,
 * so the page can render an error summary whose links go to each field.
 */
public final class Form {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    public static Form empty() {
        return new Form();
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
}
