package org.commonweal.platform.consultations;

import org.commonweal.platform.conversations.Conversations;
import org.commonweal.platform.core.http.Form;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A question as its owner defines it, read from the question form: the kind, the wording, the options (one per line)
 * and the kind's limits; for a conversation, its settings as the conversations service reads them. Nulls stand for
 * what the kind does not have.
 */
record QuestionDefinition(String kind, String prompt, Integer maxLength, Integer maxChoices, Integer scale, String lowLabel, String highLabel,
                          List<String> options, Conversations.Start conversation) {
    static final int DEFAULT_MAX_LENGTH = 2000;
    static final int LONGEST_TEXT = 10000;

    static Optional<QuestionDefinition> read(Form form, Conversations conversations) {
        String kind = form.value("kind");
        if (!Question.KINDS.contains(kind)) form.error("kind", "consultations.error.question.kind");
        String prompt = form.requireText("prompt", 500, "consultations.error.question.prompt.required", "consultations.error.question.prompt.tooLong");
        Integer maxLength = null, maxChoices = null, scale = null;
        String low = null, high = null;
        List<String> options = List.of();
        Conversations.Start conversation = null;
        switch (kind) {
            case "text" -> maxLength = number(form, "maxLength", 1, LONGEST_TEXT, DEFAULT_MAX_LENGTH, "consultations.error.question.maxLength");
            case "rating" -> {
                scale = number(form, "scale", 2, 10, null, "consultations.error.question.scale");
                low = label(form, "lowLabel");
                high = label(form, "highLabel");
            }
            case "single", "multiple", "ranking" -> {
                options = options(form);
                if (kind.equals("multiple")) {
                    maxChoices = number(form, "maxChoices", 1, Math.max(1, options.size()), -1, "consultations.error.question.maxChoices");
                    if (maxChoices != null && maxChoices == -1) maxChoices = null;
                }
            }
            case "conversation" -> {
                if (prompt != null && prompt.length() > Question.LONGEST_TOPIC) form.error("prompt", "consultations.error.question.topicTooLong");
                conversation = conversations.read(form).orElse(null);
            }
            default -> { }
        }
        if (form.hasErrors()) return Optional.empty();
        return Optional.of(new QuestionDefinition(kind, prompt, maxLength, maxChoices, scale, low, high, options, conversation));
    }

    /** A whole number in [min, max]; blank gives {@code fallback} (and is an error when there is none). */
    private static Integer number(Form form, String field, int min, int max, Integer fallback, String errorKey) {
        String v = form.value(field).strip();
        form.set(field, v);
        if (v.isEmpty()) {
            if (fallback == null) form.error(field, errorKey);
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        form.error(field, errorKey);
        return null;
    }

    private static String label(Form form, String field) {
        String v = form.value(field).strip();
        form.set(field, v);
        if (v.length() > 100) form.error(field, "consultations.error.question.label");
        return v.isEmpty() ? null : v;
    }

    private static List<String> options(Form form) {
        List<String> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String line : form.value("options").split("\\R")) {
            String o = line.strip();
            if (o.isEmpty()) continue;
            if (o.length() > 200 || o.chars().anyMatch(Character::isISOControl)) {
                form.error("options", "consultations.error.question.optionTooLong");
                return List.of();
            }
            if (!seen.add(o.toLowerCase(Locale.ROOT))) {
                form.error("options", "consultations.error.question.optionTwice");
                return List.of();
            }
            options.add(o);
        }
        if (options.size() < 2 || options.size() > ConsultationService.MAX_OPTIONS) form.error("options", "consultations.error.question.optionCount");
        return options;
    }
}
