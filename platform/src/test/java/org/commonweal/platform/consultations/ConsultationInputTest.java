package org.commonweal.platform.consultations;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a field error naming the problem (and the question), never a 500 and never a stored answer. */
class ConsultationInputTest extends PlatformTestCase {
    static ConsultationSetup setup;
    static long id;
    static long single, multiple, rating, ranking, text;
    static TestClient resident;

    @BeforeAll
    static void build() {
        setup = new ConsultationSetup(app);
        TestClient officer = app.signedInAs("officer");
        id = setup.create(officer, "council", "Checks", ConsultationSetup.TODAY, ConsultationSetup.TODAY.plusDays(3));
        long w = setup.workstream(officer, id, "S");
        single = setup.question(officer, id, w, Map.of("kind", "single", "prompt", "Pick one", "options", "A\nB"));
        multiple = setup.question(officer, id, w, Map.of("kind", "multiple", "prompt", "Pick some", "options", "A\nB\nC", "maxChoices", "2"));
        rating = setup.question(officer, id, w, Map.of("kind", "rating", "prompt", "Rate it", "scale", "5"));
        ranking = setup.question(officer, id, w, Map.of("kind", "ranking", "prompt", "Rank them", "options", "X\nY\nZ"));
        text = setup.question(officer, id, w, Map.of("kind", "text", "prompt", "Say it", "maxLength", "20"));
        setup.publish(officer, id);
        resident = app.signedInAs("resident");
    }

    private TestClient.Response refused(Map<String, String> fields, String message, String question) {
        TestClient.Response r = setup.answer(resident, id, fields);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains(message).contains(question).contains("govuk-error-summary");
        assertThat(app.count("SELECT count(*) FROM consultation_responses WHERE consultation_id = " + id)).isZero();
        return r;
    }

    @Test
    void aChoiceThatIsNotTheQuestionsIsRefused() {
        refused(Map.of("q" + single, "999999"), "Choose one of the options shown", "Question 1 (Pick one)");
        refused(Map.of("q" + single, "abc"), "Choose one of the options shown", "Question 1 (Pick one)");
        long otherQuestionsOption = setup.options(ranking).getFirst();
        refused(Map.of("q" + multiple + "-o" + otherQuestionsOption, "yes"), "Choose one of the options shown", "Question 2 (Pick some)");
        List<Long> m = setup.options(multiple);
        refused(Map.of("q" + multiple + "-o" + m.get(0), "yes", "q" + multiple + "-o" + m.get(1), "yes", "q" + multiple + "-o" + m.get(2), "yes"),
                "more options than this question allows", "Question 2 (Pick some)");
    }

    @Test
    void aRatingOffTheScaleIsRefused() {
        for (String bad : List.of("0", "6", "-1", "2.5", "x", "99999999999999999999")) {
            refused(Map.of("q" + rating, bad), "Choose a rating from the scale shown", "Question 3 (Rate it)");
        }
    }

    @Test
    void aRankingThatIsNotAPermutationIsRefused() {
        List<Long> r = setup.options(ranking);
        String x = "q" + ranking + "-o" + r.get(0), y = "q" + ranking + "-o" + r.get(1), z = "q" + ranking + "-o" + r.get(2);
        for (Map<String, String> bad : List.of(Map.of(x, "1", y, "1", z, "2"), Map.of(x, "1", y, "2"), Map.of(x, "1", y, "2", z, "4"),
                Map.of(x, "0", y, "1", z, "2"), Map.of(x, "a", y, "b", z, "c"))) {
            refused(bad, "Give each option a different number", "Question 4 (Rank them)");
        }
        assertThat(setup.answer(resident, id, Map.of(x, "2", y, "3", z, "1")).status()).isEqualTo(302);
        assertThat(app.count("SELECT option_id FROM consultation_answer_options WHERE question_id = " + ranking + " AND rank = 1")).isEqualTo(r.get(2));
        app.database.jdbi().useHandle(h -> h.execute("DELETE FROM consultation_responses WHERE consultation_id = ?", id));
    }

    @Test
    void overLongTextIsRefusedAndHtmlIsShownAsText() {
        refused(Map.of("q" + text, "x".repeat(21)), "longer than this question allows", "Question 5 (Say it)");
        TestClient.Response r = refused(Map.of("q" + text, "<script>alert(1)</script>xxxxxxxxxxxxxxx"), "longer than this question allows", "Question 5");
        assertThat(r.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
        refused(Map.of(), "Answer at least one question", "Question 1");
    }

    @Test
    void badDatesAndDefinitionsGetFieldErrors() {
        TestClient officer = app.signedInAs("officer");
        officer.get("/consultations/new");
        TestClient.Response r = officer.post("/consultations", Map.of("owner", "council", "title", "Dates", "body", "x", "opens", "2030-02-10", "closes", "2030-02-01"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("The closing date must be on or after the opening date").contains("href=\"#closes\"");
        r = officer.post("/consultations", Map.of("owner", "council", "title", "", "body", "x", "opens", "31/02/2030", "closes", "tomorrow"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("Enter a title").contains("Enter the opening date as a date").contains("Enter the closing date as a date");
        r = officer.post("/consultations", Map.of("owner", "council", "title", "t".repeat(201), "body", "x", "opens", "2030-02-01", "closes", "2030-02-01", "place", "999999"));
        assertThat(r.body()).contains("200 characters or fewer").contains("Choose a place from the list");
        assertThat(app.count("SELECT count(*) FROM consultations WHERE title = 'Dates'")).isZero();

        long draft = setup.create(officer, "council", "Definitions", ConsultationSetup.TODAY, ConsultationSetup.TODAY.plusDays(1));
        long w = setup.workstream(officer, draft, "S");
        officer.get("/consultations/" + draft + "/manage");
        for (var bad : List.of(
                Map.of("kind", "single", "prompt", "One option", "options", "Only"),
                Map.of("kind", "single", "prompt", "Twice", "options", "A\na"),
                Map.of("kind", "rating", "prompt", "Scale", "scale", "11"),
                Map.of("kind", "multiple", "prompt", "Max", "options", "A\nB", "maxChoices", "3"),
                Map.of("kind", "text", "prompt", "Long", "maxLength", "0"),
                Map.of("kind", "essay", "prompt", "Kind"))) {
            java.util.Map<String, String> fields = new java.util.HashMap<>(bad);
            fields.put("workstream", String.valueOf(w));
            TestClient.Response q = officer.post("/consultations/" + draft + "/questions", fields);
            assertThat(q.status()).as(bad.toString()).isEqualTo(422);
            assertThat(q.body()).contains("govuk-error-summary");
        }
        assertThat(officer.post("/consultations/" + draft + "/questions", Map.of("workstream", "nonsense", "kind", "text", "prompt", "x")).status()).isEqualTo(422);
        assertThat(app.count("SELECT count(*) FROM consultation_questions WHERE consultation_id = " + draft)).isZero();
        TestClient.Response publish = officer.post("/consultations/" + draft + "/publish", Map.of());
        assertThat(publish.status()).isEqualTo(422);
        assertThat(publish.body()).contains("Add at least one question before publishing");
        assertThat(officer.get("/consultations/abc").status()).isEqualTo(404);
        assertThat(officer.get("/consultations/99999999/manage").status()).isEqualTo(404);
        assertThat(officer.get("/consultations/" + draft + "/results/questions/abc").status()).isEqualTo(404);
    }

    @Test
    void theOutcomeWaitsForTheConsultationToClose() {
        TestClient officer = app.signedInAs("officer");
        long w = app.count("SELECT min(id) FROM consultation_workstreams WHERE consultation_id = " + id);
        officer.get("/consultations/" + id + "/manage");
        TestClient.Response r = officer.post("/consultations/" + id + "/outcome", Map.of("outcome-" + w, "Too soon", "action", "publish"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("once the consultation has closed");
        assertThat(app.client().get("/consultations/" + id + "/outcome").status()).isEqualTo(404);
    }
}
