package org.commonweal.platform.consultations;

import org.commonweal.platform.core.http.Form;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A respondent's answers read from the answer form and checked question by question. Unanswered questions are left out
 * (partial answers are allowed). Errors go on the question's field: text too long, an option that is not the
 * question's, too many choices, a rating off the scale, a ranking that does not give each option its own place.
 */
final class AnswerSheet {
    /** One question's answer: the text, the rating, or the chosen options (for a ranking, from first place to last). */
    record Answer(String text, Integer rating, List<Long> options) {
    }

    private static final Pattern OPTION_FIELD = Pattern.compile("q(\\d{1,18})-o(.*)");

    private AnswerSheet() {
    }

    /**
     * Reads the answers to {@code questions} from the posted fields into a map by question id, with errors on {@code form}
     * (which also keeps the values to show again).
     */
    static Map<Long, Answer> read(List<Question> questions, Map<String, String> fields, Form form) {
        Map<Long, Question> byId = new LinkedHashMap<>();
        for (Question q : questions) byId.put(q.id(), q);
        for (var e : fields.entrySet()) form.set(e.getKey(), e.getValue());
        // An option field must name an option of its own question: anything else is a forged or stale form.
        for (String name : fields.keySet()) {
            Matcher m = OPTION_FIELD.matcher(name);
            if (!m.matches()) continue;
            Question q = byId.get(Long.parseLong(m.group(1)));
            if (q == null) continue;
            if (!q.kind().equals("multiple") && !q.kind().equals("ranking") || q.options().stream().noneMatch(o -> q.field(o).equals(name))) {
                form.error(q.field(), "consultations.error.answer.choice");
            }
        }
        Map<Long, Answer> answers = new LinkedHashMap<>();
        for (Question q : questions) {
            if (form.errorKey(q.field()) != null) continue;
            read(q, fields, form).ifPresent(a -> answers.put(q.id(), a));
        }
        return answers;
    }

    private static Optional<Answer> read(Question q, Map<String, String> fields, Form form) {
        String value = fields.getOrDefault(q.field(), "").strip();
        switch (q.kind()) {
            case "text" -> {
                if (value.isEmpty()) return Optional.empty();
                if (value.length() > q.maxLength()) return error(form, q, "consultations.error.answer.tooLong");
                if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) return error(form, q, "error.controlCharacters");
                return Optional.of(new Answer(value, null, List.of()));
            }
            case "single" -> {
                if (value.isEmpty()) return Optional.empty();
                Optional<Question.Option> o = q.options().stream().filter(x -> String.valueOf(x.id()).equals(value)).findFirst();
                if (o.isEmpty()) return error(form, q, "consultations.error.answer.choice");
                return Optional.of(new Answer(null, null, List.of(o.get().id())));
            }
            case "multiple" -> {
                List<Long> chosen = new ArrayList<>();
                for (Question.Option o : q.options()) if (!fields.getOrDefault(q.field(o), "").isBlank()) chosen.add(o.id());
                if (chosen.isEmpty()) return Optional.empty();
                if (q.maxChoices() != null && chosen.size() > q.maxChoices()) return error(form, q, "consultations.error.answer.tooMany");
                return Optional.of(new Answer(null, null, List.copyOf(chosen)));
            }
            case "rating" -> {
                if (value.isEmpty()) return Optional.empty();
                Optional<Long> n = ConsultationService.parseId(value);
                if (n.isEmpty() || n.get() > q.scale()) return error(form, q, "consultations.error.answer.rating");
                return Optional.of(new Answer(null, n.get().intValue(), List.of()));
            }
            case "ranking" -> {
                return ranking(q, fields, form);
            }
            case "conversation" -> {
                return Optional.empty();
            }
            default -> throw new IllegalStateException("unknown question kind " + q.kind());
        }
    }

    /** Without JavaScript a ranking is a number per option; together they must be 1..n, each once (or all blank). */
    private static Optional<Answer> ranking(Question q, Map<String, String> fields, Form form) {
        int n = q.options().size();
        Long[] byPlace = new Long[n];
        Set<Integer> used = new HashSet<>();
        int blank = 0;
        for (Question.Option o : q.options()) {
            String v = fields.getOrDefault(q.field(o), "").strip();
            if (v.isEmpty()) {
                blank++;
                continue;
            }
            Optional<Long> place = ConsultationService.parseId(v);
            if (place.isEmpty() || place.get() > n || !used.add(place.get().intValue())) return error(form, q, "consultations.error.answer.ranking");
            byPlace[place.get().intValue() - 1] = o.id();
        }
        if (blank == n) return Optional.empty();
        if (blank > 0) return error(form, q, "consultations.error.answer.ranking");
        return Optional.of(new Answer(null, null, List.of(byPlace)));
    }

    private static Optional<Answer> error(Form form, Question q, String key) {
        form.error(q.field(), key);
        return Optional.empty();
    }

    /** The fields that show an existing answer again on the form. */
    static Map<String, String> fields(Question q, Answer a) {
        Map<String, String> f = new LinkedHashMap<>();
        switch (q.kind()) {
            case "text" -> f.put(q.field(), a.text());
            case "rating" -> f.put(q.field(), String.valueOf(a.rating()));
            case "single" -> f.put(q.field(), String.valueOf(a.options().getFirst()));
            case "multiple" -> a.options().forEach(id -> f.put(q.field() + "-o" + id, "yes"));
            case "ranking" -> {
                for (int i = 0; i < a.options().size(); i++) f.put(q.field() + "-o" + a.options().get(i), String.valueOf(i + 1));
            }
            default -> { }
        }
        return f;
    }
}
