package org.commonweal.platform.consultations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.elections.Multipart;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** An officer runs a consultation from draft to outcome report; residents and an organisation answer; the owner reads the results. */
class ConsultationJourneyTest extends PlatformTestCase {
    static ConsultationSetup setup;
    static long id;
    static long single, multiple, rating, ranking, text;

    @BeforeAll
    static void build() {
        setup = new ConsultationSetup(app);
        TestClient officer = app.signedInAs("officer");
        id = setup.create(officer, "council", "Greener Riverford", ConsultationSetup.TODAY.minusDays(1), ConsultationSetup.TODAY.plusDays(10));
        long economy = setup.workstream(officer, id, "Rebuilding the economy");
        long society = setup.workstream(officer, id, "Rebuilding society");
        single = setup.question(officer, id, economy, Map.of("kind", "single", "prompt", "Best first step?", "options", "Buses\nBikes\nTrams"));
        rating = setup.question(officer, id, economy, Map.of("kind", "rating", "prompt", "How green is Riverford?", "scale", "5", "lowLabel", "Grey", "highLabel", "Green"));
        multiple = setup.question(officer, id, society, Map.of("kind", "multiple", "prompt", "Which parks do you use?", "options", "North\nSouth\nEast\nWest", "maxChoices", "2"));
        ranking = setup.question(officer, id, society, Map.of("kind", "ranking", "prompt", "Order these", "options", "Trees\nPonds\nMeadows"));
        text = setup.question(officer, id, society, Map.of("kind", "text", "prompt", "Anything else?", "maxLength", "300"));
        setup.publish(officer, id);
    }

    private static Map<String, String> fullAnswer(int choice, String ratingValue, int[] parks, int[] order, String words, boolean anonymous) {
        Map<String, String> f = new java.util.HashMap<>();
        List<Long> s = setup.options(single), m = setup.options(multiple), r = setup.options(ranking);
        f.put("q" + single, String.valueOf(s.get(choice)));
        f.put("q" + rating, ratingValue);
        for (int p : parks) f.put("q" + multiple + "-o" + m.get(p), "yes");
        for (int i = 0; i < order.length; i++) f.put("q" + ranking + "-o" + r.get(order[i]), String.valueOf(i + 1));
        f.put("q" + text, words);
        if (anonymous) f.put("anonymous", "yes");
        return f;
    }

    @Test
    void thePublicPageShowsParagraphsWorkstreamsQuestionsAndTheUkPeriod() {
        String page = app.client().get("/consultations/" + id).body();
        assertThat(page).contains("<p class=\"govuk-body\">First paragraph.</p>").contains("<p class=\"govuk-body\">Second paragraph.</p>")
                .contains("Rebuilding the economy").contains("Rebuilding society").contains("Order these").contains("UK time");
        assertThat(app.client().get("/consultations").body()).contains("Greener Riverford");
    }

    @Test
    void residentsAnswerEditTheirResponseAndAnonymousAnswersKeepNoAccount() {
        TestClient ben = app.client();
        ben.signIn("ben@demo.commonweal.org", "demo-resident-pass");
        assertThat(setup.answer(ben, id, fullAnswer(0, "4", new int[]{0, 1}, new int[]{2, 0, 1}, "More =SUM(trees)", true)).status()).isEqualTo(302);
        // Editing replaces the response: still one per account, now a partial answer.
        TestClient.Response again = setup.answer(ben, id, Map.of("q" + single, String.valueOf(setup.options(single).get(1)), "q" + text, "=HYPERLINK(\"x\")", "anonymous", "yes"));
        assertThat(again.status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM consultation_responses WHERE consultation_id = " + id + " AND anonymous")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM consultation_responses WHERE consultation_id = " + id + " AND anonymous AND account_id IS NOT NULL")).isZero();
        String form = ben.get("/consultations/" + id + "/respond").body();
        assertThat(form).contains("You have answered already").contains("=HYPERLINK");
        String said = app.client().get("/consultations/" + id + "/said").body();
        assertThat(said).contains("Anonymous").doesNotContain("Ben Carter");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE detail LIKE '%HYPERLINK%'")).isZero();
    }

    @Test
    void deletingAnAccountKeepsItsAnonymousAnswerInTheResultsButNothingTiesItToTheAccountAnyMore() {
        long account = app.platform.accounts.createConfirmed("leaving@example.org", "Lee Leaving", "a long test password",
                java.util.EnumSet.noneOf(org.commonweal.platform.core.http.Role.class), null);
        TestClient lee = app.client();
        lee.signIn("leaving@example.org", "a long test password");
        assertThat(setup.answer(lee, id, Map.of("q" + text, "LEAVING-ANSWER", "anonymous", "yes")).status()).isEqualTo(302);
        String key = new RespondentKeys(app.database.jdbi()).forAccount(id, account);
        long response = app.count("SELECT id FROM consultation_responses WHERE respondent_key = '" + key + "'");
        lee.get("/account/delete");
        assertThat(lee.post("/account/delete", Map.of("password", "a long test password")).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM accounts WHERE id = " + account)).isZero();
        assertThat(app.count("SELECT count(*) FROM consultation_answers WHERE response_id = " + response + " AND text_value = 'LEAVING-ANSWER'"))
                .as("the answer still counts").isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM consultation_responses WHERE respondent_key = '" + key + "'")).as("its keyed link is gone").isZero();
        assertThat(app.count("SELECT count(*) FROM consultation_responses WHERE id = " + response + " AND respondent_key LIKE 'erased:%'")).isEqualTo(1);
    }

    @Test
    void anOrganisationRespondsAsItselfAndTheOwnerSeesFiguresChartsAndTheCsv() {
        TestClient amira = app.signedInAs("resident");
        long association = app.count("SELECT id FROM groups WHERE name LIKE 'Riverside Residents%'");
        assertThat(amira.get("/consultations/" + id + "/respond?as=" + association).body()).contains("answering for the organisation");
        Map<String, String> forOrg = new java.util.HashMap<>(fullAnswer(2, "5", new int[]{3}, new int[]{0, 1, 2}, "We want ponds.", false));
        forOrg.put("as", String.valueOf(association));
        amira.get("/consultations/" + id + "/respond?as=" + association);
        assertThat(amira.post("/consultations/" + id + "/respond", forOrg).status()).isEqualTo(302);
        assertThat(setup.answer(amira, id, fullAnswer(2, "2", new int[]{3}, new int[]{1, 0, 2}, "Mine: meadows.", false)).status()).isEqualTo(302);
        assertThat(app.client().get("/consultations/" + id).body()).contains("Organisations that responded").contains("Riverside Residents");

        TestClient ben = app.client();
        ben.signIn("ben@demo.commonweal.org", "demo-resident-pass");
        assertThat(setup.answer(ben, id, Map.of("q" + text, "=HYPERLINK(\"x\")", "anonymous", "yes")).status()).isEqualTo(302);

        TestClient officer = app.signedInAs("officer");
        String results = officer.get("/consultations/" + id + "/results").body();
        assertThat(results).contains("<svg").contains("role=\"img\"").contains("Trams").contains("Mean rating").contains("Mean place");
        assertThat(results).contains("<th scope=\"row\" class=\"govuk-table__header\">Trams</th>");
        // Both of Amira's answers chose Trams and rated 5 and 2: 2 of the responses so far chose Trams.
        assertThat(results).containsPattern("Trams</th>\\s*<td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>");
        String texts = officer.get("/consultations/" + id + "/results/questions/" + text).body();
        assertThat(texts).contains("We want ponds.").contains("Riverside Residents").contains("Amira Hassan");

        TestClient.Response csv = officer.get("/consultations/" + id + "/responses.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).startsWith("attachment");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("response_id,respondent,account_id,organisation,anonymous,place,submitted_at,updated_at,Q1 Best first step?");
        assertThat(lines).anyMatch(l -> l.contains("Riverside Residents") && l.contains("Trees > Ponds > Meadows") && l.contains("We want ponds."));
        assertThat(lines).anyMatch(l -> l.contains("Anonymous"));
        for (String l : lines) if (l.contains("Anonymous")) {
            assertThat(l.split(",")[2]).as("no account id for an anonymous response").isEmpty();
            assertThat(l).contains("'=HYPERLINK").doesNotContain("Ben Carter");
        }
    }

    @Test
    void theResultsFilterByTheRespondentsHomePlaceIncludingPlacesInside() {
        TestClient chidi = app.client();
        chidi.signIn("chidi@demo.commonweal.org", "demo-resident-pass");
        assertThat(setup.answer(chidi, id, Map.of("q" + rating, "1")).status()).isEqualTo(302);
        long chidiHome = app.platform.accounts.findByEmail("chidi@demo.commonweal.org").orElseThrow().homePlaceId();
        long ward = app.platform.places.find(chidiHome).orElseThrow().parentId();
        String inWard = app.signedInAs("officer").get("/consultations/" + id + "/results?place=" + ward).body();
        long expected = app.database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM consultation_responses WHERE consultation_id = :c AND place_id = ANY(:p)")
                .bind("c", id).bindArray("p", Long.class, app.platform.places.within(ward).toArray(Long[]::new)).mapTo(Long.class).one());
        assertThat(expected).isPositive();
        assertThat(inWard).contains("Responses: " + expected + " (respondents living in");
    }

    @Test
    void documentsAreCheckedByTheirBytesAndServedAsAttachments() {
        TestClient officer = app.signedInAs("officer");
        officer.get("/consultations/" + id + "/manage");
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(Multipart.post(app, officer, "/consultations/" + id + "/documents", Map.of(), "file", "plan.pdf", pdf).status()).isEqualTo(302);
        officer.get("/consultations/" + id + "/manage");
        TestClient.Response html = Multipart.post(app, officer, "/consultations/" + id + "/documents", Map.of(), "file", "evil.pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.status()).isEqualTo(422);
        assertThat(html.body()).contains("must be a PDF, ODT or DOCX");
        long doc = app.count("SELECT max(id) FROM consultation_documents WHERE consultation_id = " + id);
        TestClient.Response got = app.client().get("/consultations/" + id + "/documents/" + doc);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.header("Content-Type")).startsWith("application/pdf");
        assertThat(got.header("Content-Disposition")).startsWith("attachment; filename=\"plan.pdf\"");
        assertThat(got.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(app.client().get("/consultations/" + id).body()).contains("plan.pdf");
    }

    @Test
    void aTenMegabyteLimitIsEnforced() {
        TestClient officer = app.signedInAs("officer");
        officer.get("/consultations/" + id + "/manage");
        byte[] big = new byte[(int) Documents.MAX_BYTES + 1];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        TestClient.Response r = Multipart.post(app, officer, "/consultations/" + id + "/documents", Map.of(), "file", "huge.pdf", big);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("10 MB or smaller");
        byte[] justUnder = java.util.Arrays.copyOf(big, (int) Documents.MAX_BYTES);
        officer.get("/consultations/" + id + "/manage");
        assertThat(Multipart.post(app, officer, "/consultations/" + id + "/documents", Map.of(), "file", "full.pdf", justUnder).status()).isEqualTo(302);
    }

    @Test
    void publishedConsultationsAreSubjectsSearchableAndOpenData() throws Exception {
        assertThat(app.platform.subjects.find(new Subject("consultation", id))).hasValueSatisfying(s -> {
            assertThat(s.title()).isEqualTo("Greener Riverford");
            assertThat(s.url()).isEqualTo("/consultations/" + id);
            assertThat(s.open()).isTrue();
        });
        assertThat(app.platform.search.search(new SearchIndex.Query("greener", Set.of("consultation"), null, 1)).hits())
                .anyMatch(h -> h.url().equals("/consultations/" + id));
        JsonNode rows = new ObjectMapper().readTree(app.client().get("/open-data/consultations.json").body());
        List<String> prompts = new ArrayList<>();
        rows.forEach(r -> { if (r.get("consultation_id").asLong() == id) prompts.add(r.get("question").asText()); });
        assertThat(prompts).containsExactly("Best first step?", "How green is Riverford?", "Which parks do you use?", "Order these", "Anything else?");
    }

    @Test
    void theDemoHasAnOpenReviewWithEveryKindAndAClosedOneWithItsOutcome() throws Exception {
        String list = app.client().get("/consultations").body();
        assertThat(list).contains("Riverford 2030: rebuilding together").contains("The future of Quayside car park");
        long demo = app.count("SELECT id FROM consultations WHERE title = 'Riverford 2030: rebuilding together'");
        assertThat(app.count("SELECT count(DISTINCT kind) FROM consultation_questions WHERE consultation_id = " + demo)).isEqualTo(6);
        long conversation = app.count("SELECT conversation_id FROM consultation_questions WHERE kind = 'conversation' AND consultation_id = " + demo);
        assertThat(app.signedInAs("resident").get("/consultations/" + demo).body()).as("its conversation's card")
                .contains("id=\"conversation-" + conversation + "\"").contains("name=\"vote\" value=\"agree\"");
        assertThat(app.count("SELECT count(*) FROM consultation_workstreams WHERE consultation_id = " + demo)).isEqualTo(3);
        assertThat(app.count("SELECT count(*) FROM consultation_responses WHERE consultation_id = " + demo)).isGreaterThanOrEqualTo(4);
        long closed = app.count("SELECT id FROM consultations WHERE title = 'The future of Quayside car park'");
        assertThat(app.client().get("/consultations/" + closed).body()).contains("/consultations/" + closed + "/outcome");
        assertThat(app.client().get("/consultations/" + closed + "/outcome").body()).contains("You said").contains("park with a play area");
        // The closed one's results are open data: counts per option, no text and no identity.
        JsonNode rows = new ObjectMapper().readTree(app.client().get("/open-data/consultation-results.json").body());
        long parkVotes = 0;
        for (JsonNode r : rows) {
            assertThat(r.get("consultation_id").asLong()).as("open consultations' answers stay private").isNotEqualTo(demo);
            if (r.get("consultation_id").asLong() == closed && "A park and play area".equals(r.get("option").asText())) parkVotes = r.get("responses").asLong();
        }
        assertThat(parkVotes).isEqualTo(2);
        assertThat(app.client().get("/open-data/consultation-results.csv").body()).doesNotContain("Children in Quayside");
    }

    @Test
    void publishingAndTheOutcomeAreAnnouncedToFollowers() {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        app.platform.subjects.listen(c -> heard.add(c.subject().key() + " " + c.messageKey()));
        TestClient officer = app.signedInAs("officer");
        long other = setup.create(officer, "council", "Short one", ConsultationSetup.TODAY.minusDays(3), ConsultationSetup.TODAY.minusDays(1));
        long w = setup.workstream(officer, other, "Only strand");
        setup.question(officer, other, w, Map.of("kind", "text", "prompt", "Say something"));
        assertThat(app.platform.search.search(new SearchIndex.Query("short", Set.of("consultation"), null, 1)).hits()).as("drafts stay out of search").isEmpty();
        assertThat(app.client().get("/consultations/" + other).status()).as("drafts are hidden").isEqualTo(404);
        setup.publish(officer, other);
        officer.get("/consultations/" + other + "/manage");
        TestClient.Response outcome = officer.post("/consultations/" + other + "/outcome", Map.of("outcome-" + w, "You said little; we listened.", "action", "publish"));
        assertThat(outcome.status()).isEqualTo(302);
        assertThat(heard).contains("consultation:" + other + " consultations.announce.published", "consultation:" + other + " consultations.announce.outcome");
        assertThat(app.client().get("/consultations/" + other + "/outcome").body()).contains("we listened");
    }
}
