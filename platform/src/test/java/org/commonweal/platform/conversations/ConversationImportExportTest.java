package org.commonweal.platform.conversations;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationImportExportTest extends PlatformTestCase {
    static ConversationFixture fixture;
    static final Map<String, String> SETTINGS = Map.of("moderation", "strict", "participation", "signed_in", "topic", "");

    @BeforeAll
    static void setUp() {
        fixture = new ConversationFixture(app);
    }

    private static Map<String, byte[]> files(Path folder, String... names) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String n : names) files.put(n, Files.readAllBytes(folder.resolve(n)));
        return files;
    }

    private static TestClient officerOnImportPage() {
        TestClient officer = app.signedInAs("officer");
        officer.get("/conversations/import");
        return officer;
    }

    private long importing(TestClient officer, Map<String, byte[]> files) {
        TestClient.Response r = fixture.upload(officer, "/conversations/import", SETTINGS, files);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().replaceAll("^/conversations/(\\d+)/report$", "$1"));
    }

    @Test
    void aMalformedExportIsRefusedNamingTheFileLineAndFieldAndNothingIsStored() {
        TestClient officer = officerOnImportPage();
        long before = app.count("SELECT count(*) FROM conversations");
        byte[] comments = """
                timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
                1500000000000,x,0,0,1,0,1,Buses should run later
                1500000000001,x,1,0,0,1,1,Trams would be better
                """.getBytes(StandardCharsets.UTF_8);
        byte[] badVote = """
                timestamp,datetime,comment-id,voter-id,vote
                1500000000002,x,0,0,1
                1500000000003,x,1,0,7
                """.getBytes(StandardCharsets.UTF_8);
        TestClient.Response r = fixture.upload(officer, "/conversations/import", SETTINGS, Map.of("comments.csv", comments, "votes.csv", badVote));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("votes.csv line 3, field vote").contains("href=\"#files\"");

        byte[] unknownComment = "timestamp,datetime,comment-id,voter-id,vote\n1,x,9,0,1\n".getBytes(StandardCharsets.UTF_8);
        r = fixture.upload(officer, "/conversations/import", SETTINGS, Map.of("comments.csv", comments, "votes.csv", unknownComment));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("votes.csv line 2, field comment-id");

        r = fixture.upload(officer, "/conversations/import", SETTINGS, Map.of("votes.csv", unknownComment));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("comments.csv").contains("missing");

        r = fixture.upload(officer, "/conversations/import", SETTINGS, Map.of("votes.json", "[{\"pid\": 0, \"tid\": ".getBytes(StandardCharsets.UTF_8),
                "comments.json", "[]".getBytes(StandardCharsets.UTF_8), "conversation.json", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("votes.json");

        r = fixture.upload(officer, "/conversations/import", SETTINGS, Map.of("passwords.txt", "x".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("passwords.txt is not a file of a Polis export");

        r = fixture.upload(officer, "/conversations/import", SETTINGS, Map.of("comments.csv", comments,
                "votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).as("no topic in the files or the form").isEqualTo(422);
        assertThat(r.body()).contains("Enter a topic: the files do not give one");
        assertThat(app.count("SELECT count(*) FROM conversations")).isEqualTo(before);
        assertThat(app.signedInAs("resident").get("/conversations/import").status()).isEqualTo(403);
    }

    @Test
    void aPolisJsonExportIsImportedWithItsStatementsVotesAndModeration() throws IOException {
        Path folder = TestApp.sharedData().resolve("polis-math/below-100-ptpts");
        long id = importing(officerOnImportPage(), files(folder, "votes.json", "comments.json", "conversation.json"));
        assertThat(app.count("SELECT count(*) FROM conversation_statements WHERE conversation_id = " + id))
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve("comments.json").toFile()).size());
        assertThat(app.count("SELECT count(*) FROM conversation_votes WHERE conversation_id = " + id)).isPositive();
        String report = app.client().get("/conversations/" + id + "/report").body();
        assertThat(report).contains("Improving the Polis Software").contains("Group A");
        assertThat(app.count("SELECT count(*) FROM conversation_analyses WHERE conversation_id = " + id)).as("mapped at once").isEqualTo(1);
    }

    @Test
    void anExportReadsBackAsTheSameConversation() throws IOException {
        Path folder = TestApp.sharedData().resolve("polis/brexit-consensus");
        TestClient officer = officerOnImportPage();
        long first = importing(officer, files(folder, "comments.csv", "votes.csv", "summary.csv"));
        assertThat(app.client().get("/conversations/" + first).body()).contains("Can there be consensus on Brexit?");

        Map<String, byte[]> exported = new LinkedHashMap<>();
        for (String f : List.of("comments.csv", "votes.csv", "summary.csv")) {
            TestClient.Response r = officer.get("/conversations/" + first + "/export/" + f);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/csv");
            exported.put(f, r.body().getBytes(StandardCharsets.UTF_8));
        }
        officer.get("/conversations/import");
        long second = importing(officer, exported);
        for (String column : List.of("number, body, status", "number")) {
            String sql = "SELECT string_agg(t::text, '|' ORDER BY t::text) FROM (SELECT " + column + " FROM conversation_statements WHERE conversation_id = %d) t";
            assertThat(text(sql.formatted(second))).isEqualTo(text(sql.formatted(first)));
        }
        String votes = """
                SELECT string_agg(p.number || ':' || s.number || ':' || v.vote, '|' ORDER BY p.number, s.number)
                FROM conversation_votes v JOIN conversation_participants p ON p.id = v.participant_id
                JOIN conversation_statements s ON s.id = v.statement_id WHERE v.conversation_id = %d""";
        assertThat(text(votes.formatted(second))).isEqualTo(text(votes.formatted(first)));

        // participants-votes.csv lays out the same votes as the source's, participant by participant (Polis's own file leaves
        // out a few who only passed, such as participant 8 here; ours lists everyone who voted).
        Map<String, String[]> ours = new LinkedHashMap<>();
        String[] lines = officer.get("/conversations/" + first + "/export/participants-votes.csv").body().split("\n");
        assertThat(lines[0].split(",", -1)).startsWith("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree");
        for (int i = 1; i < lines.length; i++) ours.put(lines[i].split(",", -1)[0], lines[i].split(",", -1));
        List<String> theirs = Files.readAllLines(folder.resolve("participants-votes.csv"));
        assertThat(lines[0]).isEqualTo(theirs.getFirst());
        for (String line : theirs.subList(1, theirs.size())) {
            String[] b = line.split(",", -1);
            String[] a = ours.get(b[0]);
            assertThat(a).as("participant %s", b[0]).isNotNull();
            assertThat(Arrays.copyOfRange(a, 3, a.length)).as("participant %s", b[0]).isEqualTo(Arrays.copyOfRange(b, 3, b.length));
        }
    }

    private static String text(String sql) {
        return app.database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
