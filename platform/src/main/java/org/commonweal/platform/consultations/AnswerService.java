package org.commonweal.platform.consultations;

import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Residents' and organisations' responses: one per account (or organisation) per consultation, replaced as a whole when
 * edited, accepted only while the consultation is open. A response given for an organisation carries its name; an
 * anonymous one carries no account id (see {@link RespondentKeys}).
 */
final class AnswerService {
    /** Why a response was refused. */

    /** A response as its author sees it again: whether it was anonymous and the answers by question id. */
    record Existing(boolean anonymous, Map<Long, AnswerSheet.Answer> answers) {
    }

    private final Jdbi jdbi;
    private final RespondentKeys keys;
    private final Groups groups;

    AnswerService(Jdbi jdbi, RespondentKeys keys, Groups groups) {
        this.jdbi = jdbi;
        this.keys = keys;
        this.groups = groups;
    }

    private String key(long consultationId, long accountId, Long organisationId) {
        return organisationId == null ? keys.forAccount(consultationId, accountId) : keys.forOrganisation(consultationId, organisationId);
    }

    /** The response the account gave (for itself, or for the organisation when {@code organisationId} is set). */
    Optional<Existing> existing(long consultationId, long accountId, Long organisationId) {
        String key = key(consultationId, accountId, organisationId);
        return jdbi.withHandle(h -> h.createQuery("SELECT id, anonymous FROM consultation_responses WHERE consultation_id = :c AND respondent_key = :k")
                .bind("c", consultationId).bind("k", key).map((rs, ctx) -> new Existing(rs.getBoolean("anonymous"), answers(h, rs.getLong("id")))).findOne());
    }

    /** The organisations that responded as themselves, by name: their responses are public acts. */
    List<String> organisationsResponded(long consultationId) {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery(
                "SELECT DISTINCT organisation_id FROM consultation_responses WHERE consultation_id = :c AND organisation_id IS NOT NULL")
                .bind("c", consultationId).mapTo(Long.class).list());
        return groups.names(ids).values().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    private static Map<Long, AnswerSheet.Answer> answers(Handle h, long responseId) {
        Map<Long, List<Long>> options = new LinkedHashMap<>();
        h.createQuery("SELECT question_id, option_id FROM consultation_answer_options WHERE response_id = :r ORDER BY question_id, rank NULLS LAST, option_id")
                .bind("r", responseId).map((rs, c) -> options.computeIfAbsent(rs.getLong("question_id"), k -> new ArrayList<>()).add(rs.getLong("option_id"))).list();
        Map<Long, AnswerSheet.Answer> answers = new LinkedHashMap<>();
        h.createQuery("SELECT question_id, text_value, rating FROM consultation_answers WHERE response_id = :r").bind("r", responseId)
                .map((rs, c) -> answers.put(rs.getLong("question_id"), new AnswerSheet.Answer(rs.getString("text_value"), (Integer) rs.getObject("rating"),
                        List.copyOf(options.getOrDefault(rs.getLong("question_id"), List.of()))))).list();
        return answers;
    }

    /**
     * Records (or replaces) the user's response, for themselves or for an organisation they belong to. The checks and
     * the write share one transaction holding the consultation's row, so closing and answering cannot interleave.
     */
    Optional<Refusal> submit(long consultationId, CurrentUser user, Long organisationId, boolean anonymous, Map<String, String> fields,
                             Form form, LocalDate today) {
        return jdbi.inTransaction(h -> {
            Optional<Consultation> c = h.createQuery(ConsultationService.SELECT + " WHERE c.id = :id FOR SHARE OF c").bind("id", consultationId)
                    .map((rs, x) -> ConsultationService.consultation(rs)).findOne();
            if (c.isEmpty() || !c.get().acceptsAnswers(today)) return Optional.of(Refusal.CLOSED);
            if (organisationId != null && groups.role(organisationId, user.id()).isEmpty()) return Optional.of(Refusal.FORBIDDEN);
            List<Question> questions = ConsultationService.structure(h, consultationId).stream().flatMap(w -> w.questions().stream()).toList();
            Map<Long, AnswerSheet.Answer> answers = AnswerSheet.read(questions, fields, form);
            List<Question> answerable = questions.stream().filter(Question::answerable).toList();
            if (!form.hasErrors() && answers.isEmpty() && !answerable.isEmpty()) form.error(answerable.getFirst().field(), "consultations.error.answer.none");
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            boolean hidden = organisationId == null && anonymous;
            String key = key(consultationId, user.id(), organisationId);
            long responseId = h.createUpdate("""
                    INSERT INTO consultation_responses (consultation_id, respondent_key, account_id, organisation_id, anonymous, place_id)
                    VALUES (:c, :k, :a, :o, :anon, :place)
                    ON CONFLICT (consultation_id, respondent_key) DO UPDATE SET account_id = excluded.account_id, anonymous = excluded.anonymous,
                        place_id = excluded.place_id, updated_at = now()""")
                    .bind("c", consultationId).bind("k", key).bind("a", hidden ? null : user.id()).bind("o", organisationId).bind("anon", hidden)
                    .bind("place", organisationId == null ? user.homePlaceId() : null)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("DELETE FROM consultation_answers WHERE response_id = :r").bind("r", responseId).execute();
            h.createUpdate("DELETE FROM consultation_answer_options WHERE response_id = :r").bind("r", responseId).execute();
            var answerRows = h.prepareBatch("INSERT INTO consultation_answers (response_id, question_id, text_value, rating) VALUES (:r, :q, :t, :v)");
            var optionRows = h.prepareBatch("INSERT INTO consultation_answer_options (response_id, question_id, option_id, rank) VALUES (:r, :q, :o, :rank)");
            boolean anyOption = false;
            for (Question q : questions) {
                AnswerSheet.Answer a = answers.get(q.id());
                if (a == null) continue;
                answerRows.bind("r", responseId).bind("q", q.id()).bind("t", a.text()).bind("v", a.rating()).add();
                for (int i = 0; i < a.options().size(); i++) {
                    optionRows.bind("r", responseId).bind("q", q.id()).bind("o", a.options().get(i)).bind("rank", q.kind().equals("ranking") ? i + 1 : null).add();
                    anyOption = true;
                }
            }
            answerRows.execute();
            if (anyOption) optionRows.execute();
            return Optional.empty();
        });
    }
}
