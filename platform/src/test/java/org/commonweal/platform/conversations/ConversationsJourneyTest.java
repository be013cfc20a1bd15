package org.commonweal.platform.conversations;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationsJourneyTest extends PlatformTestCase {
    static ConversationFixture fixture;

    @BeforeAll
    static void setUp() {
        fixture = new ConversationFixture(app);
    }

    static TestClient resident(String name) {
        TestClient c = app.client();
        c.signIn(name + "@demo.commonweal.org", "demo-resident-pass");
        return c;
    }

    static long accountId(String name) {
        return app.platform.accounts.findByEmail(name + "@demo.commonweal.org").orElseThrow().id();
    }

    @Test
    void onlyOfficersAndOrganisersStartConversationsAndBadSettingsAreRefusedNamingTheField() {
        TestClient amira = resident("amira");
        assertThat(amira.get("/conversations/new").status()).isEqualTo(403);
        long before = app.count("SELECT count(*) FROM conversations");
        assertThat(amira.post("/conversations", Map.of("topic", "Mine", "moderation", "open", "participation", "signed_in")).status()).isEqualTo(403);
        TestClient visitor = app.client();
        visitor.get("/sign-in");
        assertThat(visitor.post("/conversations", Map.of("topic", "Visitor's")).status()).isEqualTo(403);

        TestClient officer = app.signedInAs("officer");
        officer.get("/conversations/new");
        TestClient.Response bad = officer.post("/conversations", Map.of("topic", "", "moderation", "lax", "participation", "signed_in",
                "about", "/budgets/1", "seeds", "A fine idea\n<script>alert(1)</script>"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter a topic").contains("Choose strict or open moderation")
                .contains("Enter the address of a problem, consultation, solution, event or group page")
                .contains("Seed statement on line 2 contains HTML or script").contains("href=\"#seeds\"");
        assertThat(app.count("SELECT count(*) FROM conversations")).isEqualTo(before);

        long problem = app.count("SELECT id FROM problems ORDER BY id LIMIT 1");
        String problemTitle = app.database.jdbi().withHandle(h -> h.createQuery("SELECT title FROM problems WHERE id = :id").bind("id", problem)
                .mapTo(String.class).one());
        TestClient.Response ok = officer.post("/conversations", Map.of("topic", "Fixing the problem together", "moderation", "open",
                "participation", "anonymous", "about", "http://localhost/problems/" + problem, "seeds", "First idea\n\nSecond idea\n"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(302);
        long id = Long.parseLong(ok.location().substring("/conversations/".length()));
        assertThat(app.count("SELECT count(*) FROM conversation_statements WHERE seed AND status = 'approved' AND conversation_id = " + id)).isEqualTo(2);
        String page = app.client().get("/conversations/" + id).body();
        assertThat(page).contains("Fixing the problem together").contains("href=\"/problems/" + problem + "\"").contains(problemTitle);
        assertThat(app.client().get("/conversations").body()).contains("Fixing the problem together");
        assertThat(app.client().get("/search?q=fixing+problem+together").body()).contains("/conversations/" + id);
        // The council's: another officer runs it too; an organiser's is hers alone.
        assertThat(app.signedInAs("officer").get("/conversations/" + id + "/moderate").status()).isEqualTo(200);
        assertThat(app.signedInAs("organiser").get("/conversations/" + id + "/moderate").status()).isEqualTo(403);

        long group = app.count("SELECT id FROM groups ORDER BY id LIMIT 1");
        String groupName = app.database.jdbi().withHandle(h -> h.createQuery("SELECT name FROM groups WHERE id = :id").bind("id", group)
                .mapTo(String.class).one());
        TestClient.Response aboutGroup = officer.post("/conversations", Map.of("topic", "What should the group do next", "moderation", "open",
                "participation", "signed_in", "about", "/groups/" + group));
        assertThat(aboutGroup.status()).as(aboutGroup.body()).isEqualTo(302);
        assertThat(app.client().get(aboutGroup.location()).body()).contains("href=\"/groups/" + group + "\"").contains(groupName);
    }

    @Test
    void strictModerationShowsAStatementOnlyOnceApprovedAndOpenModerationAtOnceUntilRejected() {
        long strict = fixture.start("Strict talk", "strict", "signed_in", "Seed one");
        TestClient ben = resident("ben");
        ben.get("/conversations/" + strict);
        TestClient.Response written = ben.post("/conversations/" + strict + "/statements", Map.of("body", "Bins should be emptied twice a week"));
        assertThat(written.status()).isEqualTo(302);
        assertThat(ben.get("/conversations/" + strict).body()).contains("will be shown once a moderator has checked it");
        long statement = app.count("SELECT id FROM conversation_statements WHERE body = 'Bins should be emptied twice a week'");
        TestClient amira = resident("amira");
        fixture.voteOnCard(amira, strict, "agree");
        assertThat(amira.get("/conversations/" + strict).body()).as("nothing left: the waiting statement is not shown")
                .doesNotContain("Bins should be emptied").contains("You have voted on the only statement.");
        assertThat(amira.post("/conversations/" + strict + "/votes", Map.of("statement", String.valueOf(statement), "vote", "agree")).status())
                .as("a waiting statement takes no votes").isEqualTo(404);

        TestClient moderator = app.signedInAs("moderator");
        assertThat(moderator.get("/conversations/" + strict + "/moderate").body()).contains("Bins should be emptied twice a week").contains("Waiting");
        assertThat(moderator.post("/conversations/" + strict + "/statements/" + statement + "/moderate", Map.of("decision", "approve")).status()).isEqualTo(302);
        assertThat(fixture.cardStatement(amira.get("/conversations/" + strict).body())).isEqualTo(statement);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'conversation.statement.approved'")).isPositive();

        long open = fixture.start("Open talk", "open", "signed_in", "Seed two");
        ben.get("/conversations/" + open);
        ben.post("/conversations/" + open + "/statements", Map.of("body", "More trees along the canal"));
        long shown = app.count("SELECT id FROM conversation_statements WHERE body = 'More trees along the canal'");
        assertThat(app.client().get("/conversations/" + open + "/report").body()).contains("More trees along the canal");
        TestClient organiser = app.signedInAs("organiser");
        organiser.get("/conversations/" + open + "/moderate");
        assertThat(organiser.post("/conversations/" + open + "/statements/" + shown + "/moderate", Map.of("decision", "reject")).status()).isEqualTo(302);
        assertThat(app.client().get("/conversations/" + open + "/report").body()).doesNotContain("More trees along the canal");
        assertThat(organiser.post("/conversations/" + open + "/statements/" + shown + "/moderate", Map.of("decision", "delete")).status()).isEqualTo(422);
    }

    @Test
    void aStatementEmptyTooLongOrScriptIsRefusedAndABannedAccountIsToldUntilWhen() {
        long id = fixture.start("Refusals", "open", "signed_in", "");
        TestClient chidi = resident("chidi");
        chidi.get("/conversations/" + id);
        long before = app.count("SELECT count(*) FROM conversation_statements");
        TestClient.Response empty = chidi.post("/conversations/" + id + "/statements", Map.of("body", "   "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("Enter your statement");
        TestClient.Response tooLong = chidi.post("/conversations/" + id + "/statements", Map.of("body", "word ".repeat(60)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("A statement must be 280 characters or fewer");
        for (String script : new String[]{"<script>alert(1)</script>", "Nice <img src=x onerror=alert(1)>", "click javascript:alert(1)"}) {
            TestClient.Response r = chidi.post("/conversations/" + id + "/statements", Map.of("body", script));
            assertThat(r.status()).as(script).isEqualTo(422);
            assertThat(r.body()).contains("it cannot contain HTML or script").doesNotContain("<script>alert(1)</script>");
        }
        assertThat(app.count("SELECT count(*) FROM conversation_statements")).isEqualTo(before);

        app.platform.bans.ban(accountId("chidi"), "Spam", OffsetDateTime.parse("2099-01-01T00:00:00Z"), Actor.SYSTEM);
        try {
            assertThat(chidi.get("/conversations/" + id).body()).contains("You cannot add statements at the moment").contains("until 1 January 2099");
            TestClient.Response banned = chidi.post("/conversations/" + id + "/statements", Map.of("body", "A perfectly good idea"));
            assertThat(banned.status()).isEqualTo(403);
            assertThat(banned.body()).contains("until 1 January 2099");
            assertThat(app.count("SELECT count(*) FROM conversation_statements")).isEqualTo(before);
        } finally {
            app.platform.bans.lift(accountId("chidi"), Actor.SYSTEM);
        }
    }

    @Test
    void aStatementLikeOneAlreadyShownIsOfferedFirstAndAddedOnlyWhenTheWriterInsists() {
        long id = fixture.start("Duplicates", "open", "signed_in", "The library should open on Sundays");
        TestClient amira = resident("amira");
        amira.get("/conversations/" + id);
        TestClient.Response similar = amira.post("/conversations/" + id + "/statements", Map.of("body", "The library should open on Sunday"));
        assertThat(similar.status()).isEqualTo(422);
        assertThat(similar.body()).contains("Something like your statement is already here").contains("The library should open on Sundays")
                .contains("name=\"anyway\"");
        assertThat(app.count("SELECT count(*) FROM conversation_statements WHERE conversation_id = " + id)).isEqualTo(1);
        assertThat(amira.post("/conversations/" + id + "/statements", Map.of("body", "The library should open on Sunday", "anyway", "yes")).status())
                .isEqualTo(302);
        assertThat(amira.post("/conversations/" + id + "/statements", Map.of("body", "Potholes on Mill Lane need filling")).status())
                .as("an unrelated statement goes straight in").isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM conversation_statements WHERE conversation_id = " + id)).isEqualTo(3);
    }

    @Test
    void aParticipantVotesOnOneStatementAtATimeAndAVoteIsCountedOnceAVoteAgainReplacingIt() throws Exception {
        long id = fixture.start("One at a time", "strict", "signed_in", "Alpha statement\nBravo statement\nCharlie statement");
        TestClient ben = resident("ben");
        String page = ben.get("/conversations/" + id).body();
        assertThat(page).contains("Statement 1 of 3");
        assertThat(page.split("name=\"statement\"", -1)).as("one statement offered").hasSize(2);
        Set<Long> seen = new HashSet<>();
        seen.add(fixture.voteOnCard(ben, id, "agree"));
        assertThat(ben.get("/conversations/" + id).body()).contains("Statement 2 of 3");
        seen.add(fixture.voteOnCard(ben, id, "disagree"));
        long last = fixture.voteOnCard(ben, id, "pass");
        seen.add(last);
        assertThat(seen).as("each statement once").hasSize(3);
        assertThat(ben.get("/conversations/" + id).body()).contains("You have voted on all 3 statements.");

        long participant = app.count("SELECT id FROM conversation_participants WHERE conversation_id = " + id + " AND account_id = " + accountId("ben"));
        assertThat(app.count("SELECT count(*) FROM conversation_votes WHERE participant_id = " + participant)).isEqualTo(3);
        assertThat(ben.post("/conversations/" + id + "/votes", Map.of("statement", String.valueOf(last), "vote", "agree")).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM conversation_votes WHERE participant_id = " + participant)).as("counted once").isEqualTo(3);
        assertThat(app.count("SELECT vote FROM conversation_votes WHERE participant_id = " + participant + " AND statement_id = " + last))
                .as("the second vote replaced the first").isEqualTo(1);
        assertThat(ben.post("/conversations/" + id + "/votes", Map.of("statement", String.valueOf(last), "vote", "maybe")).status()).isEqualTo(422);
        long otherConversation = fixture.start("Elsewhere", "open", "signed_in", "Elsewhere statement");
        long elsewhere = app.count("SELECT id FROM conversation_statements WHERE conversation_id = " + otherConversation);
        assertThat(ben.post("/conversations/" + id + "/votes", Map.of("statement", String.valueOf(elsewhere), "vote", "agree")).status())
                .as("a statement of another conversation").isEqualTo(404);

        // With htmx, the answer is the next card alone, not a whole page.
        long htmxConversation = fixture.start("Quicker", "open", "signed_in", "Delta statement\nEcho statement");
        TestClient amira = resident("amira");
        Long first = fixture.cardStatement(amira.get("/conversations/" + htmxConversation).body());
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.url("/conversations/" + htmxConversation + "/votes")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .header("Cookie", "cw_session=" + amira.cookie("cw_session"))
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + amira.csrf() + "&statement=" + first + "&vote=agree")).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body().strip()).startsWith("<div id=\"vote\"").doesNotContain("<html").contains("Statement 2 of 2");
            assertThat(fixture.cardStatement(r.body())).isNotEqualTo(first);
        }
    }

    @Test
    void aParticipantsVotesAreNeverShownToAnyoneElseOnlyTheTotals() {
        long id = fixture.start("Secret votes", "open", "signed_in", "Only statement here");
        TestClient ben = resident("ben");
        fixture.voteOnCard(ben, id, "disagree");
        TestClient amira = resident("amira");
        for (String path : new String[]{"", "/map", "/report"}) {
            String seenByAmira = amira.get("/conversations/" + id + path).body();
            assertThat(seenByAmira).as(path).doesNotContain("Ben Carter").doesNotContain("You have voted");
        }
        assertThat(amira.get("/conversations/" + id).body()).as("her own card is still to vote on").contains("Statement 1 of 1");
        String report = app.client().get("/conversations/" + id + "/report").body();
        assertThat(report).contains("Only statement here");
        assertThat(app.client().get("/open-data/conversation-statements.csv").body()).contains("Only statement here")
                .doesNotContain("ben@demo").doesNotContain("Ben Carter");
        assertThat(amira.get("/conversations/" + id + "/export/votes.csv").status()).as("the export is for those who run it").isEqualTo(403);
        String votes = app.signedInAs("organiser").get("/conversations/" + id + "/export/votes.csv").body();
        assertThat(votes).startsWith("timestamp,datetime,comment-id,voter-id,vote").doesNotContain("Ben").doesNotContain("@");
    }

    @Test
    void anyoneMayTakePartWithAParticipantCookieWhereAllowedAndIsSentToSignInElsewhere() {
        long anonymous = fixture.start("Anyone welcome", "open", "anonymous", "First for visitors\nSecond for visitors");
        TestClient visitor = app.client();
        fixture.voteOnCard(visitor, anonymous, "agree");
        assertThat(visitor.cookie("cw_participant")).isNotNull();
        assertThat(visitor.get("/conversations/" + anonymous).body()).contains("Statement 2 of 2");
        assertThat(app.count("SELECT count(*) FROM conversation_participants WHERE conversation_id = " + anonymous
                + " AND account_id IS NULL AND anonymous_key IS NOT NULL")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM conversation_participants WHERE anonymous_key = '" + visitor.cookie("cw_participant") + "'"))
                .as("the cookie itself is never stored").isZero();
        TestClient another = app.client();
        assertThat(another.get("/conversations/" + anonymous).body()).as("another visitor starts afresh").contains("Statement 1 of 2");
        assertThat(another.get("/conversations/" + anonymous).body()).as("writing needs an account").contains("Sign in to add a statement");

        long signedIn = fixture.start("Members only", "open", "signed_in", "Members statement");
        long statement = app.count("SELECT id FROM conversation_statements WHERE conversation_id = " + signedIn);
        TestClient stranger = app.client();
        assertThat(stranger.get("/conversations/" + signedIn).body()).contains("Sign in to vote");
        stranger.get("/sign-in");
        long votes = app.count("SELECT count(*) FROM conversation_votes");
        TestClient.Response r = stranger.post("/conversations/" + signedIn + "/votes", Map.of("statement", String.valueOf(statement), "vote", "agree"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).isEqualTo("/sign-in?next=%2Fconversations%2F" + signedIn);
        assertThat(app.count("SELECT count(*) FROM conversation_votes")).isEqualTo(votes);
    }

    @Test
    void aClosedConversationTakesNoMoreVotesOrStatementsButKeepsItsReport() {
        long id = fixture.start("Closing soon", "open", "signed_in", "Closing statement");
        long statement = app.count("SELECT id FROM conversation_statements WHERE conversation_id = " + id);
        TestClient organiser = app.signedInAs("organiser");
        organiser.get("/conversations/" + id + "/moderate");
        assertThat(organiser.post("/conversations/" + id + "/close", Map.of()).status()).isEqualTo(302);
        TestClient amira = resident("amira");
        assertThat(amira.get("/conversations/" + id).body()).contains("This conversation is closed");
        assertThat(amira.post("/conversations/" + id + "/votes", Map.of("statement", String.valueOf(statement), "vote", "agree")).status()).isEqualTo(409);
        assertThat(amira.post("/conversations/" + id + "/statements", Map.of("body", "Too late now")).status()).isEqualTo(409);
        assertThat(app.client().get("/conversations/" + id + "/report").status()).isEqualTo(200);
    }
}
