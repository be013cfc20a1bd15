package org.commonweal.platform.consultations;

import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.core.accounts.PersonalData;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The consultations' part of a person's data export: the responses they gave (under their name, for an organisation,
 * or anonymously) and the consultations they created (their group memberships are the groups feature's). An anonymous response keeps no
 * account id, but its respondent key is the platform's keyed hash of the consultation and the account (the same link
 * that lets them see and change it while it is open), so it is theirs to download: anonymous means to other people.
 */
final class ConsultationsPersonalData {
    private final PersonalData data;
    private final RespondentKeys keys;
    private final Groups groups;

    private ConsultationsPersonalData(PersonalData data, RespondentKeys keys, Groups groups) {
        this.data = data;
        this.keys = keys;
        this.groups = groups;
    }

    static void register(PersonalData data, RespondentKeys keys, Groups groups) {
        ConsultationsPersonalData d = new ConsultationsPersonalData(data, keys, groups);
        data.register("consultation-responses", d::responses);
        // A deleted account's own responses (anonymous or not) stay in the results, but nothing may tie them to the
        // account any more: their respondent key, a keyed hash of the account id, is replaced by a random one.
        data.onErase("consultation-responses", (h, account) -> h.createUpdate(
                        "UPDATE consultation_responses SET respondent_key = 'erased:' || gen_random_uuid() WHERE respondent_key = ANY(:keys)")
                .bind("keys", d.accountKeys(h, account)).execute());
        data.register("consultations-created", (h, account) -> data.rows(h.createQuery("""
                SELECT c.id, c.title, c.organisation_id AS group_id, c.status, c.opens_on, c.closes_on, c.created_at, c.updated_at
                  FROM consultations c
                 WHERE c.created_by = :a ORDER BY c.id""").bind("a", account),
                row -> ConsultationIndex.url((Long) row.get("id"))));
    }

    /** The account's respondent key in every consultation. */
    private String[] accountKeys(Handle h, long account) {
        return h.createQuery("SELECT id FROM consultations ORDER BY id").mapTo(Long.class).stream()
                .map(consultation -> keys.forAccount(consultation, account)).toArray(String[]::new);
    }

    /** Each response with its answers: question, text or rating, and the chosen options in order. */
    private List<Map<String, Object>> responses(Handle h, long account) {
        // The person's anonymous responses are found by their respondent key in each consultation.
        String[] anonymousKeys = accountKeys(h, account);
        String theirs = "(r.account_id = :a OR (r.anonymous AND r.respondent_key = ANY(:keys)))";
        List<Map<String, Object>> responses = data.rows(h.createQuery("""
                SELECT r.id, r.consultation_id, c.title AS consultation, r.anonymous, r.organisation_id AS for_group_id, r.submitted_at, r.updated_at
                  FROM consultation_responses r JOIN consultations c ON c.id = r.consultation_id
                 WHERE """ + theirs + " ORDER BY r.id").bind("a", account).bind("keys", anonymousKeys),
                row -> ConsultationIndex.url((Long) row.get("consultationId")));
        Map<Long, List<Map<String, Object>>> answers = new HashMap<>();
        for (Map<String, Object> answer : data.rows(h.createQuery("""
                SELECT a.response_id, q.id AS question_id, q.prompt AS question, a.text_value AS text, a.rating,
                       ARRAY(SELECT op.label FROM consultation_answer_options ao JOIN consultation_options op ON op.id = ao.option_id
                              WHERE ao.response_id = a.response_id AND ao.question_id = a.question_id
                              ORDER BY ao.rank NULLS LAST, op.position) AS options
                  FROM consultation_answers a JOIN consultation_questions q ON q.id = a.question_id
                  JOIN consultation_responses r ON r.id = a.response_id
                 WHERE """ + theirs + " ORDER BY a.response_id, q.position, q.id").bind("a", account).bind("keys", anonymousKeys))) {
            answers.computeIfAbsent((Long) answer.remove("responseId"), k -> new ArrayList<>()).add(answer);
        }
        Map<Long, String> groupNames = groups.names(responses.stream().map(r -> (Long) r.get("forGroupId")).filter(java.util.Objects::nonNull).distinct().toList());
        for (Map<String, Object> response : responses) {
            Long group = (Long) response.remove("forGroupId");
            response.put("forOrganisation", group == null ? null : groupNames.get(group));
            response.put("forOrganisationId", group);
            response.put("answers", answers.getOrDefault((Long) response.get("id"), List.of()));
        }
        return responses;
    }
}
