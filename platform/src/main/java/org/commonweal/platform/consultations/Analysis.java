package org.commonweal.platform.consultations;

import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The owner's view of the responses, question by question, optionally only of respondents whose home place lies in
 * a given place: counts and shares for choices, the distribution and mean of ratings, the mean place of each option of a
 * ranking (a Borda-style score: lower is preferred), and free-text answers listed a page at a time. Four grouped queries
 * per consultation, whatever the number of questions; shares and means are exact integer arithmetic.
 */
public final class Analysis {
    static final int TEXT_PAGE = 50;

    /** One option's figures: how often it was chosen (or ranked), its share of those who answered, and for rankings its rank total. */
    public record OptionResult(Question.Option option, long count, long rankTotal, String share, String meanRank, int barPermille) {
    }

    /** One rating value's figures. */
    public record RatingResult(int value, String label, long count, String share, int barPermille) {
    }

    public record QuestionResult(Question question, long answered, List<OptionResult> options, List<RatingResult> ratings, String meanRating) {
        /** The chart's bars: one per rating value, or one per option (for a ranking, best mean place first). */
        public List<Bar> bars() {
            if (question.kind().equals("rating")) return ratings.stream().map(r -> new Bar(r.label(), r.count(), r.share(), null, r.barPermille())).toList();
            return options.stream().map(o -> new Bar(o.option().label(), o.count(), o.share(), o.meanRank(), o.barPermille())).toList();
        }
    }

    /** One bar of a chart and its figures; {@code permille} is its length as thousandths of the longest possible. */
    public record Bar(String label, long count, String share, String meanRank, int permille) {
    }

    public record Result(long responses, List<QuestionResult> questions) {
    }

    /** A free-text answer and who gave it, as the owner may see it ("Anonymous" for anonymous answers). */
    public record TextAnswer(long responseId, String respondent, boolean anonymous, String organisation, String text) {
    }

    private final Jdbi jdbi;

    private final Groups groups;

    Analysis(Jdbi jdbi, Groups groups) {
        this.groups = groups;
        this.jdbi = jdbi;
    }

    private static String filter(Set<Long> places) {
        return places == null ? "" : " AND r.place_id = ANY(:places)";
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindPlaces(T q, Set<Long> places) {
        return places == null ? q : q.bindArray("places", Long.class, places.toArray(Long[]::new));
    }

    /** The figures for every question of the consultation; {@code places} null means every respondent. */
    Result results(long consultationId, List<Question> questions, Set<Long> places) {
        return jdbi.withHandle(h -> {
            long responses = bindPlaces(h.createQuery("SELECT count(*) FROM consultation_responses r WHERE r.consultation_id = :c" + filter(places)), places)
                    .bind("c", consultationId).mapTo(Long.class).one();
            Map<Long, Long> answered = new HashMap<>();
            bindPlaces(h.createQuery("""
                    SELECT a.question_id, count(*) AS n FROM consultation_answers a JOIN consultation_responses r ON r.id = a.response_id
                    WHERE r.consultation_id = :c""" + filter(places) + " GROUP BY a.question_id"), places).bind("c", consultationId)
                    .map((rs, x) -> answered.put(rs.getLong("question_id"), rs.getLong("n"))).list();
            Map<Long, long[]> optionCounts = new HashMap<>();
            bindPlaces(h.createQuery("""
                    SELECT o.option_id, count(*) AS n, coalesce(sum(o.rank), 0) AS ranks FROM consultation_answer_options o
                    JOIN consultation_responses r ON r.id = o.response_id WHERE r.consultation_id = :c""" + filter(places) + " GROUP BY o.option_id"), places)
                    .bind("c", consultationId).map((rs, x) -> optionCounts.put(rs.getLong("option_id"), new long[]{rs.getLong("n"), rs.getLong("ranks")})).list();
            Map<Long, Map<Integer, Long>> ratings = new HashMap<>();
            bindPlaces(h.createQuery("""
                    SELECT a.question_id, a.rating, count(*) AS n FROM consultation_answers a JOIN consultation_responses r ON r.id = a.response_id
                    WHERE r.consultation_id = :c AND a.rating IS NOT NULL""" + filter(places) + " GROUP BY a.question_id, a.rating"), places)
                    .bind("c", consultationId)
                    .map((rs, x) -> ratings.computeIfAbsent(rs.getLong("question_id"), k -> new HashMap<>()).put(rs.getInt("rating"), rs.getLong("n"))).list();
            List<QuestionResult> out = new ArrayList<>();
            for (Question q : questions) {
                long n = answered.getOrDefault(q.id(), 0L);
                out.add(new QuestionResult(q, n, options(q, n, optionCounts), ratingResults(q, n, ratings.getOrDefault(q.id(), Map.of())),
                        meanRating(ratings.getOrDefault(q.id(), Map.of()))));
            }
            return new Result(responses, out);
        });
    }

    private static List<OptionResult> options(Question q, long answered, Map<Long, long[]> counts) {
        if (!q.hasOptions()) return List.of();
        long most = q.options().stream().mapToLong(o -> counts.getOrDefault(o.id(), new long[2])[0]).max().orElse(0);
        List<OptionResult> rows = new ArrayList<>();
        for (Question.Option o : q.options()) {
            long[] c = counts.getOrDefault(o.id(), new long[2]);
            boolean ranking = q.kind().equals("ranking");
            // A ranking's bar is its Borda-style score: n options give n-1 points for first place down to none for last.
            long bar = ranking ? (c[0] == 0 ? 0 : (c[0] * q.options().size() - c[1]) * 1000 / (c[0] * (q.options().size() - 1))) : most == 0 ? 0 : c[0] * 1000 / most;
            rows.add(new OptionResult(o, c[0], c[1], share(c[0], answered), ranking ? decimal(c[1], c[0]) : null, (int) bar));
        }
        if (q.kind().equals("ranking")) {
            // Best mean place first (compared exactly by cross-multiplying); unranked options last; ties keep the question's order.
            rows.sort(Comparator.comparing((OptionResult r) -> r.count() == 0).thenComparing((a, b) ->
                    a.count() == 0 || b.count() == 0 ? 0 : Long.compare(a.rankTotal() * b.count(), b.rankTotal() * a.count())));
        }
        return rows;
    }

    private static List<RatingResult> ratingResults(Question q, long answered, Map<Integer, Long> counts) {
        if (!q.kind().equals("rating")) return List.of();
        long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<RatingResult> rows = new ArrayList<>();
        for (int v = 1; v <= q.scale(); v++) {
            long c = counts.getOrDefault(v, 0L);
            String label = v == 1 && q.lowLabel() != null ? v + " (" + q.lowLabel() + ")" : v == q.scale() && q.highLabel() != null ? v + " (" + q.highLabel() + ")" : String.valueOf(v);
            rows.add(new RatingResult(v, label, c, share(c, answered), most == 0 ? 0 : (int) (c * 1000 / most)));
        }
        return rows;
    }

    private static String meanRating(Map<Integer, Long> counts) {
        long n = 0, sum = 0;
        for (var e : counts.entrySet()) {
            n += e.getValue();
            sum += e.getKey() * e.getValue();
        }
        return n == 0 ? null : decimal(sum, n);
    }

    /** part/whole as a percentage with one decimal, rounded half up. */
    static String share(long part, long whole) {
        if (whole == 0) return "0.0%";
        long tenths = (part * 2000 + whole) / (2 * whole);
        return tenths / 10 + "." + tenths % 10 + "%";
    }

    /** sum/n with two decimals, rounded half up. */
    static String decimal(long sum, long n) {
        if (n == 0) return "";
        long hundredths = (sum * 200 + n) / (2 * n);
        return hundredths / 100 + "." + String.format("%02d", hundredths % 100);
    }

    /** One page (from 0) of a free-text question's answers, oldest response first; one extra row says another page exists. */
    List<TextAnswer> texts(long questionId, Set<Long> places, int page) {
        List<TextAnswer> found = jdbi.withHandle(h -> texts(h, questionId, places, page));
        // The rows keep the group's id in the organisation field; the groups service names them.
        java.util.Map<Long, String> names = groups.names(found.stream().map(TextAnswer::organisation).filter(java.util.Objects::nonNull).map(Long::valueOf).distinct().toList());
        return found.stream().map(t -> t.organisation() == null ? t
                : new TextAnswer(t.responseId(), t.respondent(), t.anonymous(), names.get(Long.valueOf(t.organisation())), t.text())).toList();
    }

    private static List<TextAnswer> texts(Handle h, long questionId, Set<Long> places, int page) {
        return bindPlaces(h.createQuery("""
                SELECT r.id, r.anonymous, a2.name AS account_name, r.organisation_id::text AS organisation_name, a.text_value
                FROM consultation_answers a JOIN consultation_responses r ON r.id = a.response_id
                LEFT JOIN accounts a2 ON a2.id = r.account_id
                WHERE a.question_id = :q AND a.text_value IS NOT NULL""" + filter(places) + " ORDER BY r.id LIMIT :limit OFFSET :offset"), places)
                .bind("q", questionId).bind("limit", TEXT_PAGE + 1).bind("offset", (long) page * TEXT_PAGE)
                .map((rs, c) -> new TextAnswer(rs.getLong("id"), rs.getString("account_name"), rs.getBoolean("anonymous"),
                        rs.getString("organisation_name"), rs.getString("text_value"))).list();
    }
}
