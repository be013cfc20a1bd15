package org.commonweal.platform.core.http;

import org.commonweal.platform.elections.Multipart;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form any demo persona can reach, found by crawling the pages each one sees and reading their {@code <form>}s,
 * is sent hostile values one field at a time (the others keep the page's values or plausible ones, so each value gets
 * past the other fields' checks): control characters, a NUL, 100,000 characters, huge and negative numbers, extreme
 * dates. No answer may be a 5xx. New routes and fields are covered as soon as a page links to them.
 */
@Tag("slow")
class FormFuzzTest extends PlatformTestCase {
    /** When the field-by-field fuzzing stops; a loaded machine may not get through every form, and the test says how far it got. */
    private static final Duration BUDGET = Duration.ofSeconds(80);
    private static final int PAGES_PER_PERSONA = 150;
    private static final String LONG = "x".repeat(100_000);
    /** Sent into every field of a form at once. */
    private static final List<String> HOSTILE = List.of("a\u0000b", "line\u0001\u001b[31m\u007f\u0085", LONG, "99999999999999999999999",
            "-2147483649", "-1", "9e999999999", "+999999999-12-31", "-999999999-01-01T00:00", "\u202e\uD83D\uDE00\uFFFF%00'\"<>;--");
    /** Sent into one field at a time, the others valid, so each gets past the other fields' checks: what fits the field's kind. */
    private static final List<String> FOR_TEXT = List.of(LONG, "-1", "99999999999999999999999");
    private static final List<String> FOR_NUMBERS = List.of("-1", "-2147483649", "99999999999999999999999", "9e999999999", "0.0000000001");
    private static final List<String> FOR_DATES = List.of("+999999999-12-31", "-999999999-01-01T00:00", "0001-01-01", "9999-12-31T23:59");
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("<(input|textarea|select|button)\\b([^>]*)>(?:(.*?)</\\1>)?", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"([^\"]*)\")?");
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)");
    /** Leaving these out keeps the persona signed in; downloads have no forms. */
    private static final Pattern SKIPPED = Pattern.compile("^/(sign-out|assets/|webjars/|account/confirm/|account/reset/)|\\.(csv|json|ics|pb|pdf|xml|txt)(\\?|$)");

    record Field(String name, String type, String value) {
    }

    record Found(String persona, TestClient client, String method, String action, boolean multipart, List<Field> fields) {
        String key() {
            return method + " " + shape(action) + " " + fields.stream().map(Field::name).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    @Timeout(300)
    void noFormFieldAnswersAServerErrorWhateverIsSentInIt() {
        List<String> failures = new ArrayList<>();
        Map<String, TestClient> personas = new LinkedHashMap<>();
        personas.put("visitor", app.client());
        for (String role : List.of("resident", "organiser", "officer", "moderator", "admin")) personas.put(role, app.signedInAs(role));
        Map<String, Found> forms = new LinkedHashMap<>();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int pages = 0;
        int[] sent = {0, 0};
        // The second pass finds the forms of what the first one created (a draft election, a new budget's pots).
        for (int pass = 0; pass < 2; pass++) {
            Map<String, Found> fresh = new LinkedHashMap<>();
            for (var persona : personas.entrySet()) pages += crawl(persona.getKey(), persona.getValue(), forms, fresh, failures);
            // Forms that change accounts' roles go last, so the personas keep theirs for every other form.
            var groups = fresh.values().stream().collect(Collectors.partitioningBy(f -> f.action().startsWith("/admin/users/")));
            for (List<Found> group : List.of(groups.get(false), groups.get(true))) fuzz(group, deadline, failures, sent);
        }
        System.out.printf("form fuzz: %d pages crawled, %d distinct forms, %d of them field by field, %d requests%n", pages, forms.size(), sent[1], sent[0]);
        assertThat(failures).as("server errors").isEmpty();
        assertThat(forms.size()).as("the crawl finds the platform's forms").isGreaterThan(40);
    }

    /** Every form with each hostile value in all its fields, then (while time allows) field by field; counts requests and forms. */
    private static void fuzz(List<Found> forms, long deadline, List<String> failures, int[] sent) {
        for (Found form : forms) {
            for (String hostile : HOSTILE) {
                sent[0]++;
                check(failures, form, send(form, null, hostile), "every field", hostile);
            }
        }
        for (Found form : forms) {
            if (System.nanoTime() > deadline) return;
            sent[1]++;
            for (Field target : form.fields()) {
                if (target.name().equals(Csrf.FIELD)) continue;
                for (String hostile : valuesFor(target)) {
                    sent[0]++;
                    check(failures, form, send(form, target, hostile), target.name(), hostile);
                }
            }
        }
    }

    private static void check(List<String> failures, Found form, TestClient.Response r, String field, String hostile) {
        if (r.status() >= 500) {
            failures.add(form.persona() + " " + form.method() + " " + form.action() + " " + field + "=" + preview(hostile) + " -> " + r.status());
        }
    }

    private static List<String> valuesFor(Field field) {
        String kind = plausible(field.name(), field.type());
        if (kind.equals("3")) return FOR_NUMBERS;
        if (kind.matches("\\d{4}-.*")) return FOR_DATES;
        return FOR_TEXT;
    }

    /** Breadth-first over the links a persona sees, at most two pages of one shape of address; forms not known before go into {@code fresh} too. */
    private static int crawl(String persona, TestClient client, Map<String, Found> forms, Map<String, Found> fresh, List<String> failures) {
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/account", "/admin", "/moderation", "/budgets", "/consultations", "/events",
                "/problems", "/elections", "/elections/manage", "/elections/manage/new", "/elections/modeller", "/search?q=park"));
        Map<String, Integer> shapes = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int crawled = 0;
        while (!queue.isEmpty() && crawled < PAGES_PER_PERSONA) {
            String path = queue.poll();
            if (SKIPPED.matcher(path).find() || !seen.add(path) || shapes.merge(shape(path), 1, Integer::sum) > 2) continue;
            TestClient.Response r = client.get(path);
            crawled++;
            if (r.status() >= 500) failures.add(persona + " GET " + path + " -> " + r.status());
            String type = r.header("Content-Type");
            if (r.status() != 200 || type == null || !type.startsWith("text/html")) continue;
            Matcher links = LINK.matcher(r.body());
            while (links.find()) {
                String link = unescape(links.group(1));
                if (!link.startsWith("//")) queue.add(link);
            }
            Matcher form = FORM.matcher(r.body());
            while (form.find()) {
                Map<String, String> attributes = attributes(form.group(1));
                String action = attributes.getOrDefault("action", path);
                if (action.isEmpty()) action = path;
                if (!action.startsWith("/") || SKIPPED.matcher(action).find()) continue;
                Found found = new Found(persona, client, attributes.getOrDefault("method", "get").toLowerCase(), action,
                        attributes.getOrDefault("enctype", "").contains("multipart"), fields(form.group(2)));
                if (forms.putIfAbsent(found.key(), found) == null) fresh.put(found.key(), found);
            }
        }
        return crawled;
    }

    private static List<Field> fields(String html) {
        Map<String, Field> byName = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(html);
        while (m.find()) {
            Map<String, String> a = attributes(m.group(2));
            String name = a.get("name");
            if (name == null || name.isEmpty() || a.containsKey("disabled")) continue;
            String tag = m.group(1).toLowerCase();
            String type = tag.equals("input") ? a.getOrDefault("type", "text").toLowerCase() : tag;
            if (type.equals("submit") && !a.containsKey("value")) continue;
            String value = switch (tag) {
                case "textarea" -> unescape(m.group(3) == null ? "" : m.group(3)).strip();
                case "select" -> firstOption(m.group(3) == null ? "" : m.group(3));
                default -> a.getOrDefault("value", "");
            };
            // The first of a radio group or of several submit buttons stands for all of them.
            byName.putIfAbsent(name, new Field(name, type, value.isEmpty() ? plausible(name, type) : value));
        }
        return List.copyOf(byName.values());
    }

    private static String firstOption(String options) {
        Matcher o = OPTION.matcher(options);
        while (o.find()) {
            String value = attributes(o.group(1)).getOrDefault("value", "");
            if (!value.isEmpty()) return value;
        }
        return "";
    }

    /** A value the field's own check accepts, guessed from its type and name, for a field the page left empty. */
    private static String plausible(String name, String type) {
        String n = name.toLowerCase();
        // An end a week after a start, so that "ends after it starts" holds.
        LocalDate day = LocalDate.now().plusMonths(3).plusDays(n.contains("close") || n.contains("end") || n.equals("until") ? 7 : 0);
        if (type.equals("email") || n.contains("email")) return "fuzz.person@example.org";
        if (type.equals("password") || n.contains("password")) return "a long fuzz password";
        if (type.equals("datetime-local") || n.endsWith("at")) return day + "T10:00";
        // By camel-case word, so that a candidateName is not taken for a date.
        if (type.equals("date") || n.equals("date") || name.endsWith("Date") || n.endsWith("starts") || n.endsWith("ends") || n.equals("until")
                || n.equals("opens") || n.equals("closes")) {
            return day.toString();
        }
        if (type.equals("time") || name.endsWith("Time")) return "10:00";
        if (type.equals("number") || n.matches(".*(amount|cost|count|seats|capacity|points|rank|seed|votes|sheet|min|max|budget).*")) return "3";
        if (type.equals("url") || n.contains("link") || n.contains("url")) return "https://example.org/";
        if (n.equals("next") || n.equals("return")) return "/";
        if (type.equals("checkbox") || type.equals("radio")) return "on";
        // Distinct per field, so that fields that must differ (two candidates' names) do.
        return "Fuzz " + name;
    }

    /** The form with the hostile value in the target field, or in every visible field when there is no target. */
    private static TestClient.Response send(Found form, Field target, String hostile) {
        app.platform.limiter.reset();
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : form.fields()) {
            boolean hit = target == null ? !f.type().equals("hidden") : f == target;
            if (!f.type().equals("file")) values.put(f.name(), hit ? hostile : f.value());
        }
        if (form.method().equals("get")) {
            String query = values.entrySet().stream().filter(e -> !e.getKey().equals(Csrf.FIELD))
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return form.client().get(form.action() + (form.action().contains("?") ? "&" : "?") + query);
        }
        if (form.multipart()) {
            String file = form.fields().stream().filter(f -> f.type().equals("file")).map(Field::name).findFirst().orElse("file");
            byte[] content = (target == null || target.type().equals("file") ? hostile : "identifier\nFUZZ1\n").getBytes(StandardCharsets.UTF_8);
            return Multipart.post(app, form.client(), form.action(), values, file, "fuzz.csv", content);
        }
        return form.client().postRaw(form.action(), values);
    }

    /** An address with its numbers and query values taken out: pages of one shape have the same forms. */
    private static String shape(String path) {
        int q = path.indexOf('?');
        String base = (q < 0 ? path : path.substring(0, q)).replaceAll("\\d+", "#");
        if (q < 0) return base;
        return base + "?" + java.util.Arrays.stream(path.substring(q + 1).split("&")).map(p -> p.split("=", 2)[0]).sorted().collect(Collectors.joining("&"));
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> a = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) a.putIfAbsent(m.group(1).toLowerCase(), m.group(2) == null ? "" : unescape(m.group(2)));
        return a;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String preview(String value) {
        String shown = value.codePoints().mapToObj(c -> c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString(c)).collect(Collectors.joining());
        return shown.length() > 40 ? shown.substring(0, 40) + "… (" + value.length() + " chars)" : shown;
    }
}
