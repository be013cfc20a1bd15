package org.commonweal.platform.consultations;

import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.core.opendata.CsvCell;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The owner's export: one row per response, one column per question (in the consultation's order). Cells go through
 * {@link CsvCell} (RFC 4180 quoting, and a leading apostrophe before anything a spreadsheet would run as a formula).
 * An anonymous response shows "Anonymous" and no account id; an organisation's response names the organisation.
 */
final class ResponsesCsv {
    private final Jdbi jdbi;

    private final Groups groups;

    ResponsesCsv(Jdbi jdbi, Groups groups) {
        this.jdbi = jdbi;
        this.groups = groups;
    }

    void write(long consultationId, List<Question> questions, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("response_id", "respondent", "account_id", "organisation", "anonymous", "place", "submitted_at", "updated_at"));
        for (Question q : questions) header.add("Q" + q.number() + " " + q.prompt());
        line(out, header);
        Map<Long, String> optionLabels = new HashMap<>();
        for (Question q : questions) for (Question.Option o : q.options()) optionLabels.put(o.id(), o.label());
        record Row(long id, Long accountId, String name, Long organisationId, boolean anonymous, String place, String submitted, String updated) {
        }
        List<Row> rows = new ArrayList<>();
        Map<Long, Map<Long, String>> cells = new HashMap<>();
        jdbi.useHandle(h -> {
            h.createQuery("""
                    SELECT r.id, r.account_id, a.name, r.organisation_id, r.anonymous, p.name AS place, r.submitted_at, r.updated_at
                    FROM consultation_responses r LEFT JOIN accounts a ON a.id = r.account_id
                    LEFT JOIN places p ON p.id = r.place_id WHERE r.consultation_id = :c ORDER BY r.id""").bind("c", consultationId)
                    .map((rs, c) -> rows.add(new Row(rs.getLong("id"), rs.getBoolean("anonymous") ? null : (Long) rs.getObject("account_id"),
                            rs.getString("name"), (Long) rs.getObject("organisation_id"), rs.getBoolean("anonymous"), rs.getString("place"),
                            rs.getObject("submitted_at", java.time.OffsetDateTime.class).toString(),
                            rs.getObject("updated_at", java.time.OffsetDateTime.class).toString()))).list();
            h.createQuery("""
                    SELECT a.response_id, a.question_id, a.text_value, a.rating FROM consultation_answers a
                    JOIN consultation_responses r ON r.id = a.response_id WHERE r.consultation_id = :c""").bind("c", consultationId)
                    .map((rs, c) -> {
                        String v = rs.getString("text_value") != null ? rs.getString("text_value") : rs.getObject("rating") != null ? String.valueOf(rs.getInt("rating")) : null;
                        if (v != null) cells.computeIfAbsent(rs.getLong("response_id"), k -> new HashMap<>()).put(rs.getLong("question_id"), v);
                        return v;
                    }).list();
            Map<Long, Map<Long, List<String>>> chosen = new HashMap<>();
            h.createQuery("""
                    SELECT o.response_id, o.question_id, o.option_id FROM consultation_answer_options o
                    JOIN consultation_responses r ON r.id = o.response_id WHERE r.consultation_id = :c
                    ORDER BY o.response_id, o.question_id, o.rank NULLS LAST, o.option_id""").bind("c", consultationId)
                    .map((rs, c) -> chosen.computeIfAbsent(rs.getLong("response_id"), k -> new HashMap<>())
                            .computeIfAbsent(rs.getLong("question_id"), k -> new ArrayList<>()).add(optionLabels.get(rs.getLong("option_id")))).list();
            // Choices are listed with "; " between them; a ranking lists its options from first place to last with " > ".
            Map<Long, String> kinds = questions.stream().collect(Collectors.toMap(Question::id, Question::kind));
            chosen.forEach((response, byQuestion) -> byQuestion.forEach((question, labels) -> cells.computeIfAbsent(response, k -> new HashMap<>())
                    .put(question, String.join("ranking".equals(kinds.get(question)) ? " > " : "; ", labels))));
        });
        Map<Long, String> groupNames = groups.names(rows.stream().map(Row::organisationId).filter(java.util.Objects::nonNull).distinct().toList());
        for (Row r : rows) {
            List<Object> line = new ArrayList<>();
            String organisation = r.organisationId() == null ? null : groupNames.get(r.organisationId());
            line.add(r.id());
            line.add(organisation != null ? organisation : r.anonymous() ? "Anonymous" : r.name());
            line.add(r.accountId());
            line.add(organisation);
            line.add(r.anonymous());
            line.add(r.place());
            line.add(r.submitted());
            line.add(r.updated());
            Map<Long, String> answers = cells.getOrDefault(r.id(), Map.of());
            for (Question q : questions) line.add(answers.get(q.id()));
            line(out, line);
        }
    }

    private static void line(Writer out, List<?> cells) throws IOException {
        out.write(cells.stream().map(CsvCell::of).collect(Collectors.joining(",")));
        out.write("\r\n");
    }
}
