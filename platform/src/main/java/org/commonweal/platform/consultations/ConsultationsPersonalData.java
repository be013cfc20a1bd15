package org.commonweal.platform.consultations;

import org.commonweal.platform.core.accounts.PersonalData;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The consultations' part of a person's data export: the named responses they gave (for themselves or for an
 * organisation), their organisation memberships and the consultations they created. An anonymous response keeps no
 * account id (V9__consultations.sql), so it is not here: the export says so in its notes.
 */
final class ConsultationsPersonalData {
    private final PersonalData data;

    private ConsultationsPersonalData(PersonalData data) {
        this.data = data;
    }

    static void register(PersonalData data) {
        ConsultationsPersonalData d = new ConsultationsPersonalData(data);
        data.register("consultation-responses", d::responses);
        data.register("organisation-memberships", (h, account) -> data.rows(h.createQuery("""
                SELECT o.id AS organisation_id, o.name AS organisation, o.kind, m.role, m.added_at
                  FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id
                 WHERE m.account_id = :a ORDER BY o.id""").bind("a", account)));
        data.register("consultations-created", (h, account) -> data.rows(h.createQuery("""
                SELECT c.id, c.title, o.name AS organisation, c.status, c.opens_on, c.closes_on, c.created_at, c.updated_at
                  FROM consultations c LEFT JOIN organisations o ON o.id = c.organisation_id
                 WHERE c.created_by = :a ORDER BY c.id""").bind("a", account),
                row -> ConsultationIndex.url((Long) row.get("id"))));
    }

    /** Each response with its answers: question, text or rating, and the chosen options in order. */
    private List<Map<String, Object>> responses(Handle h, long account) {
        List<Map<String, Object>> responses = data.rows(h.createQuery("""
                SELECT r.id, r.consultation_id, c.title AS consultation, o.name AS for_organisation, r.submitted_at, r.updated_at
                  FROM consultation_responses r JOIN consultations c ON c.id = r.consultation_id
                  LEFT JOIN organisations o ON o.id = r.organisation_id
                 WHERE r.account_id = :a ORDER BY r.id""").bind("a", account),
                row -> ConsultationIndex.url((Long) row.get("consultationId")));
        Map<Long, List<Map<String, Object>>> answers = new HashMap<>();
        for (Map<String, Object> answer : data.rows(h.createQuery("""
                SELECT a.response_id, q.id AS question_id, q.prompt AS question, a.text_value AS text, a.rating,
                       ARRAY(SELECT op.label FROM consultation_answer_options ao JOIN consultation_options op ON op.id = ao.option_id
                              WHERE ao.response_id = a.response_id AND ao.question_id = a.question_id
                              ORDER BY ao.rank NULLS LAST, op.position) AS options
                  FROM consultation_answers a JOIN consultation_questions q ON q.id = a.question_id
                  JOIN consultation_responses r ON r.id = a.response_id
                 WHERE r.account_id = :a ORDER BY a.response_id, q.position, q.id""").bind("a", account))) {
            answers.computeIfAbsent((Long) answer.remove("responseId"), k -> new ArrayList<>()).add(answer);
        }
        for (Map<String, Object> response : responses) response.put("answers", answers.getOrDefault((Long) response.get("id"), List.of()));
        return responses;
    }
}
