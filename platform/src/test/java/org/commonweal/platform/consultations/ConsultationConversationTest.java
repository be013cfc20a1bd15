package org.commonweal.platform.consultations;

import org.commonweal.platform.conversations.ConversationsFeature;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consultation question of the kind "conversation": the officer sets its seeds, moderation and who may take part;
 * the conversation is withheld while the consultation is a draft, embedded in the consultation's page once published
 * (votes and statements return there), closed with the consultation, and its groups and consensus are in the results and
 * the published "you said, we did".
 */
class ConsultationConversationTest extends PlatformTestCase {
    private static final Pattern CARD_STATEMENT = Pattern.compile("name=\"statement\" value=\"(\\d+)\"");
    static ConsultationSetup setup;
    static long id, workstream, single, question, conversation;

    @BeforeAll
    static void build() {
        setup = new ConsultationSetup(app);
        TestClient officer = app.signedInAs("officer");
        id = setup.create(officer, "council", "Riverside's high street", ConsultationSetup.TODAY.minusDays(1), ConsultationSetup.TODAY.plusDays(10));
        workstream = setup.workstream(officer, id, "Shops and streets");
        single = setup.question(officer, id, workstream, Map.of("kind", "single", "prompt", "Open on Sundays?", "options", "Yes\nNo"));
        question = setup.question(officer, id, workstream, conversationQuestion("What would bring you to the high street?", "signed_in",
                "More market days\nFree parking after six\nFewer empty shops"));
        conversation = app.count("SELECT conversation_id FROM consultation_questions WHERE id = " + question);
    }

    private static Map<String, String> conversationQuestion(String prompt, String participation, String seeds) {
        Map<String, String> fields = new HashMap<>();
        fields.put("kind", "conversation");
        fields.put("prompt", prompt);
        fields.put("moderation", "open");
        fields.put("participation", participation);
        fields.put("seeds", seeds);
        return fields;
    }

    private static Long card(String page) {
        Matcher m = CARD_STATEMENT.matcher(page);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndStoreNothing() {
        TestClient officer = app.signedInAs("officer");
        long conversations = app.count("SELECT count(*) FROM conversations");
        long questions = app.count("SELECT count(*) FROM consultation_questions");
        officer.get("/consultations/" + id + "/manage");
        Map<String, String> bad = conversationQuestion("x".repeat(201), "anonymous", "Fine\n<script>alert(1)</script>");
        bad.put("workstream", String.valueOf(workstream));
        bad.put("moderation", "lax");
        TestClient.Response r = officer.post("/consultations/" + id + "/questions", bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("must be 200 characters or fewer").contains("Choose strict or open moderation")
                .contains("Choose who may take part").contains("Seed statement on line 2 contains HTML or script").contains("href=\"#seeds\"");
        assertThat(app.count("SELECT count(*) FROM conversations")).isEqualTo(conversations);
        assertThat(app.count("SELECT count(*) FROM consultation_questions")).isEqualTo(questions);

        // A resident cannot add one at all.
        TestClient resident = app.signedInAs("resident");
        resident.get("/consultations/" + id);
        Map<String, String> good = conversationQuestion("Mine", "signed_in", "");
        good.put("workstream", String.valueOf(workstream));
        assertThat(resident.post("/consultations/" + id + "/questions", good).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM conversations")).isEqualTo(conversations);
    }

    @Test
    void aDraftsConversationIsWithheldAndGoesWithItsQuestion() {
        TestClient officer = app.signedInAs("officer");
        long draft = setup.create(officer, "council", "A draft with a conversation", ConsultationSetup.TODAY, ConsultationSetup.TODAY.plusDays(5));
        long w = setup.workstream(officer, draft, "Only part");
        long q = setup.question(officer, draft, w, conversationQuestion("A secret topic for now", "signed_in", "One seed"));
        long withheld = app.count("SELECT conversation_id FROM consultation_questions WHERE id = " + q);
        assertThat(app.count("SELECT count(*) FROM conversations WHERE withheld AND subject_kind = 'consultation' AND subject_id = " + draft)).isEqualTo(1);
        TestClient resident = app.signedInAs("resident");
        assertThat(resident.get("/conversations/" + withheld).status()).isEqualTo(404);
        assertThat(resident.get("/conversations/" + withheld + "/report").status()).isEqualTo(404);
        resident.get("/conversations");
        assertThat(resident.post("/conversations/" + withheld + "/votes", Map.of("statement", "1", "vote", "agree")).status()).isEqualTo(404);
        assertThat(app.client().get("/conversations").body()).doesNotContain("A secret topic for now");
        assertThat(app.client().get("/search?q=secret+topic").body()).doesNotContain("/conversations/" + withheld);
        assertThat(app.signedInAs("organiser").get("/conversations/" + withheld + "/moderate").status()).isEqualTo(403);
        assertThat(officer.get("/conversations/" + withheld).status()).as("its owners see it").isEqualTo(200);

        officer.get("/consultations/" + draft + "/manage");
        assertThat(officer.post("/consultations/" + draft + "/questions/" + q + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM conversations WHERE id = " + withheld)).as("deleted with its question").isZero();
    }

    @Test
    void residentsTakePartOnTheConsultationsPageAndTheResultsAndOutcomeCiteWhatTheyFound() {
        TestClient officer = app.signedInAs("officer");
        assertThat(app.client().get("/conversations/" + conversation).status()).as("withheld while a draft").isEqualTo(404);
        setup.publish(officer, id);
        assertThat(app.client().get("/conversations/" + conversation).body()).as("released with the consultation")
                .contains("href=\"/consultations/" + id + "\"");

        String visitorPage = app.client().get("/consultations/" + id).body();
        assertThat(visitorPage).contains("id=\"conversation-" + conversation + "\"").contains("Sign in to vote");

        // Everyone agrees with every seed, so each is a consensus statement.
        for (TestClient c : new TestClient[]{app.signedInAs("resident"), signIn("ben"), signIn("chidi"), app.signedInAs("organiser")}) {
            for (int i = 0; i < 3; i++) {
                String page = c.get("/consultations/" + id).body();
                Long statement = card(page);
                assertThat(statement).as("a card on the consultation's page").isNotNull();
                assertThat(page).contains("name=\"back\" value=\"subject\"");
                TestClient.Response r = c.post("/conversations/" + conversation + "/votes", Map.of("statement", statement.toString(),
                        "vote", "agree", "back", "subject"));
                assertThat(r.status()).isEqualTo(302);
                assertThat(r.location()).isEqualTo("/consultations/" + id + "#conversation-" + conversation);
            }
        }
        assertThat(app.count("SELECT count(*) FROM conversation_votes WHERE conversation_id = " + conversation)).isEqualTo(12);

        TestClient ben = signIn("ben");
        ben.get("/consultations/" + id);
        TestClient.Response written = ben.post("/conversations/" + conversation + "/statements", Map.of("body", "A covered market hall", "back", "subject"));
        assertThat(written.status()).isEqualTo(302);
        assertThat(written.location()).isEqualTo("/consultations/" + id + "#conversation-" + conversation);
        assertThat(app.count("SELECT count(*) FROM conversation_statements WHERE body = 'A covered market hall' AND conversation_id = " + conversation)).isEqualTo(1);

        // The answer form has no field for it, and answering the other question works; the CSV has no column for it.
        String form = ben.get("/consultations/" + id + "/respond").body();
        assertThat(form).contains("This question is a conversation").doesNotContain("name=\"q" + question + "\"");
        long yes = setup.options(single).getFirst();
        assertThat(ben.post("/consultations/" + id + "/respond", Map.of("as", "me", "q" + single, String.valueOf(yes))).status()).isEqualTo(302);
        assertThat(officer.get("/consultations/" + id + "/responses.csv").body()).doesNotContain("What would bring you");

        app.platform.feature(ConversationsFeature.class).recomputeDue();
        String results = officer.get("/consultations/" + id + "/results").body();
        assertThat(results).contains("4 people have voted").contains("href=\"/conversations/" + conversation + "/report\"");
        assertThat(results).contains("Most people agreed with:").contains("More market days");

        officer.get("/consultations/" + id + "/manage");
        assertThat(officer.post("/consultations/" + id + "/close", Map.of()).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM conversations WHERE closed_at IS NOT NULL AND id = " + conversation)).as("closed with it").isEqualTo(1);
        officer.get("/consultations/" + id + "/manage");
        assertThat(officer.post("/consultations/" + id + "/outcome", Map.of("outcome-" + workstream, "We will hold more market days.", "action", "publish"))
                .status()).isEqualTo(302);
        String outcome = app.client().get("/consultations/" + id + "/outcome").body();
        assertThat(outcome).contains("We will hold more market days.").contains("You said, in the conversation")
                .contains("More market days").contains("href=\"/conversations/" + conversation + "/report\"");
        assertThat(app.client().get("/consultations/" + id).body()).as("no card once over").doesNotContain("name=\"statement\"");
    }

    @Test
    void onlyVerifiedResidentsVoteWhereTheQuestionSaysSo() {
        TestClient officer = app.signedInAs("officer");
        long other = setup.create(officer, "council", "For verified residents", ConsultationSetup.TODAY.minusDays(1), ConsultationSetup.TODAY.plusDays(3));
        long w = setup.workstream(officer, other, "All");
        long q = setup.question(officer, other, w, conversationQuestion("Where should the new bus stop go?", "verified", "By the library"));
        long cid = app.count("SELECT conversation_id FROM consultation_questions WHERE id = " + q);
        setup.publish(officer, other);
        TestClient chidi = signIn("chidi");
        String page = chidi.get("/consultations/" + other).body();
        assertThat(page).contains("only for residents whose home is verified").doesNotContain("name=\"vote\"");
        long statement = app.count("SELECT id FROM conversation_statements WHERE conversation_id = " + cid);
        TestClient.Response refused = chidi.post("/conversations/" + cid + "/votes", Map.of("statement", String.valueOf(statement), "vote", "agree", "back", "subject"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM conversation_votes WHERE conversation_id = " + cid)).isZero();
        TestClient amira = app.signedInAs("resident");
        assertThat(amira.get("/consultations/" + other).body()).contains("name=\"vote\"");
        assertThat(amira.post("/conversations/" + cid + "/votes", Map.of("statement", String.valueOf(statement), "vote", "agree", "back", "subject")).status())
                .isEqualTo(302);
    }

    private static TestClient signIn(String name) {
        TestClient c = app.client();
        c.signIn(name + "@demo.commonweal.org", "demo-resident-pass");
        return c;
    }
}
