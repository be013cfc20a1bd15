package org.commonweal.platform.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationMapTest extends PlatformTestCase {
    static ConversationFixture fixture;

    @BeforeAll
    static void setUp() {
        fixture = new ConversationFixture(app);
    }

    private static ConversationsFeature feature() {
        return app.platform.feature(ConversationsFeature.class);
    }

    @Test
    void theDemoConversationMapsTwoOrThreeGroupsAndSaysWhatSetsEachApartAndWhereTheyAgree() {
        long demo = app.count("SELECT id FROM conversations WHERE topic = '" + DemoConversation.TOPIC.replace("'", "''") + "'");
        String map = app.client().get("/conversations/" + demo + "/map").body();
        int groups = (int) app.count("SELECT jsonb_array_length(analysis->'groups') FROM conversation_analyses WHERE conversation_id = " + demo);
        assertThat(groups).isBetween(2, 3);
        assertThat(map).contains("<polygon").contains("Group A").contains("Group B").contains("Last worked out at")
                .contains("<title id=\"map-title\">");
        assertThat(map.split("<circle", -1).length - 1).as("a dot per participant").isEqualTo(90);
        String report = app.client().get("/conversations/" + demo + "/report").body();
        assertThat(report).containsPattern("\\d+% of group A (agreed|disagreed), compared with \\d+% of everyone else")
                .contains("Where people agree").contains("<table").contains("role=\"img\"");
        assertThat(report).as("a statement every camp agrees with is consensus").contains("The council should fix broken paving before any new schemes.");
    }

    @Test
    void theBackgroundJobRecomputesAfterVotesAndThePagesShowTheGroupsAndWhereYouAre() throws Exception {
        StringBuilder seeds = new StringBuilder();
        for (int i = 1; i <= 8; i++) seeds.append("Statement number ").append(i).append(" about the park\n");
        long id = fixture.start("Park plans", "open", "signed_in", seeds.toString());
        assertThat(app.client().get("/conversations/" + id + "/map").body()).contains("There is no map yet");
        assertThat(app.count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'conversation-maps'")).isEqualTo(1);

        // Twenty people in two camps, voting as camps do: the first four statements split them, the rest they share.
        var jdbi = app.database.jdbi();
        jdbi.useTransaction(h -> {
            var statements = h.createQuery("SELECT id FROM conversation_statements WHERE conversation_id = :c ORDER BY number").bind("c", id)
                    .mapTo(Long.class).list();
            for (int p = 0; p < 20; p++) {
                long participant = h.createUpdate("INSERT INTO conversation_participants (conversation_id, number, anonymous_key) VALUES (:c, :n, :k)")
                        .bind("c", id).bind("n", p).bind("k", "test-" + p).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                for (int s = 0; s < statements.size(); s++) {
                    int vote = s < 4 ? (p % 2 == 0 ? 1 : -1) * (s % 2 == 0 ? 1 : -1) : 1;
                    h.execute("INSERT INTO conversation_votes (participant_id, statement_id, conversation_id, vote) VALUES (?, ?, ?, ?)",
                            participant, statements.get(s), id, vote);
                }
            }
        });
        TestClient amira = ConversationsJourneyTest.resident("amira");
        for (int i = 0; i < 8; i++) ConversationFixture.voteOnCard(amira, id, i < 4 ? (i % 2 == 0 ? "agree" : "disagree") : "agree");
        // The scheduled job (db-scheduler, polling every JOBS_POLL_SECONDS) picks it up on its own (it may already have,
        // between two of the votes: no request works a map out, so only the job can have).
        String voters = "SELECT coalesce((SELECT (analysis->>'voters')::int FROM conversation_analyses WHERE conversation_id = " + id + "), 0)";
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (app.count(voters) < 21 && System.nanoTime() < deadline) Thread.sleep(250);
        assertThat(app.count(voters)).as("the job mapped all 21 voters").isEqualTo(21);

        String map = amira.get("/conversations/" + id + "/map").body();
        assertThat(map).contains("You are here").containsPattern("You are in group [AB]\\.").contains("Group B");
        assertThat(app.client().get("/conversations/" + id + "/map").body()).doesNotContain("You are here");
        String page = amira.get("/conversations/" + id).body();
        assertThat(page).contains("21 people have voted; they form 2 opinion groups.");

        // Nothing new: nothing to do. A new vote: done again on the next run.
        Thread.sleep(Analyses.LATE_COMMIT.toMillis() + 100);
        feature().recomputeDue();
        assertThat(feature().recomputeDue()).isZero();
        TestClient ben = ConversationsJourneyTest.resident("ben");
        ConversationFixture.voteOnCard(ben, id, "agree");
        assertThat(feature().recomputeDue()).isPositive();
        assertThat(app.count("SELECT (analysis->>'voters')::int FROM conversation_analyses WHERE conversation_id = " + id)).isEqualTo(22);
    }

    @Test
    void aParticipantsStatementsAndVotesAreInTheirDownloadAndGoWithTheirAccount() throws Exception {
        long id = fixture.start("Personal data talk", "open", "signed_in", "Seed for the download");
        app.platform.accounts.createConfirmed("dora@example.org", "Dora Data", "correct horse battery", Set.of(), null);
        TestClient dora = app.client();
        dora.signIn("dora@example.org", "correct horse battery");
        ConversationFixture.voteOnCard(dora, id, "disagree");
        dora.get("/conversations/" + id);
        assertThat(dora.post("/conversations/" + id + "/statements", Map.of("body", "Dora's own idea about benches")).status()).isEqualTo(302);

        JsonNode data = new ObjectMapper().readTree(dora.get("/account/export").body()).get("data");
        assertThat(data.get("conversation-votes")).hasSize(1);
        assertThat(data.get("conversation-votes").get(0).get("vote").asText()).isEqualTo("disagree");
        assertThat(data.get("conversation-votes").get(0).get("statement").asText()).isEqualTo("Seed for the download");
        assertThat(data.get("conversation-votes").get(0).get("url").asText()).isEqualTo("http://localhost/conversations/" + id);
        assertThat(data.get("conversation-statements")).hasSize(1);
        assertThat(data.get("conversation-statements").get(0).get("body").asText()).isEqualTo("Dora's own idea about benches");
        JsonNode others = new ObjectMapper().readTree(ConversationsJourneyTest.resident("amira").get("/account/export").body()).get("data");
        assertThat(others.get("conversation-statements").toString()).doesNotContain("Dora");

        feature().recomputeDue();
        assertThat(app.count("SELECT (analysis->>'voters')::int FROM conversation_analyses WHERE conversation_id = " + id)).isEqualTo(1);
        dora.get("/account/delete");
        assertThat(dora.post("/account/delete", Map.of("password", "correct horse battery")).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM conversation_statements WHERE body = 'Dora''s own idea about benches'")).isZero();
        assertThat(app.count("SELECT count(*) FROM conversation_votes WHERE conversation_id = " + id)).isZero();
        assertThat(app.count("SELECT count(*) FROM conversation_participants WHERE conversation_id = " + id)).isZero();
        feature().recomputeDue();
        assertThat(app.count("SELECT count(*) FROM conversation_analyses WHERE conversation_id = " + id)).as("no map keeps her dot").isZero();
    }
}
