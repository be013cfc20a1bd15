package org.commonweal.platform.core.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident does one thing in each feature through the pages, then downloads their data: each section holds exactly
 * their items (their anonymous consultation answer too), another resident's never appear, and their ballot is not in it.
 */
class PersonalDataExportTest extends PlatformTestCase {
    private static final String PASSWORD = "a long test password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static long erinId, problem, finnsProblem, solution, proposal, comment, reply, finnsComment, consultation, organisation;
    private static long registeredEvent, waitingEvent, election;
    private static List<Long> votedFor;
    private static String receipt;
    private static TestClient erin, finn;

    @BeforeAll
    static void residentsUseEveryFeature() {
        erinId = app.platform.accounts.createConfirmed("erin@example.org", "Erin Export", PASSWORD, Set.of(), place("Quayside"));
        app.platform.accounts.createConfirmed("finn@example.org", "Finn Other", PASSWORD, Set.of(), place("Quayside"));
        erin = signIn("erin@example.org");
        finn = signIn("finn@example.org");
        TestClient officer = app.signedInAs("officer");

        // Budgets: the officer opens a process for ideas; Erin proposes one, Finn another.
        officer.get("/budgets/new");
        long process = idAfter(officer.post("/budgets", Map.of("title", "Quayside ideas", "summary", "Ideas for the quay.",
                "place", String.valueOf(place("Quayside")))), "/budgets/");
        officer.get("/budgets/" + process + "/pots/new");
        assertThat(officer.post("/budgets/" + process + "/pots", Map.of("name", "Quay pot", "place", String.valueOf(place("Quayside")),
                "amount", "1000", "currency", "GBP", "ballotType", "approval", "rule", "greedy", "tieBreak", "cost,votes,lottery", "tieSeed", "1"))
                .status()).isEqualTo(302);
        long pot = app.count("SELECT max(id) FROM budget_pots WHERE process_id = " + process);
        officer.get("/budgets/" + process);
        assertThat(officer.post("/budgets/" + process + "/phase", Map.of("from", "information")).status()).isEqualTo(302);
        proposal = propose(erin, process, pot, "Erin's quay benches");
        propose(finn, process, pot, "FINN-ONLY quay lights");

        // Problems: each reports one; Erin supports Finn's and proposes a solution to it.
        problem = report(erin, "Erin's broken railing");
        finnsProblem = report(finn, "FINN-ONLY flooded underpass");
        erin.get("/problems/" + finnsProblem);
        assertThat(erin.post("/problems/" + finnsProblem + "/support", Map.of()).status()).isEqualTo(302);
        TestClient.Response s = erin.post("/problems/" + finnsProblem + "/solutions", Map.of("title", "Erin's pump idea",
                "description", "A pump by the underpass.", "proposal", ""));
        assertThat(s.status()).as(s.body()).isEqualTo(302);
        solution = app.count("SELECT max(id) FROM problem_solutions WHERE problem_id = " + finnsProblem);

        // Deliberation: Erin comments, Finn replies, Erin replies to him and reports his reply; a moderator hides her first
        // comment; she follows Finn's problem and turns one kind of email off.
        comment = comment(erin, problem, "Erin's first comment", null);
        finnsComment = comment(finn, problem, "FINN-ONLY reply text", comment);
        reply = comment(erin, problem, "Erin's answer to Finn", finnsComment);
        erin.get("/comments/" + finnsComment + "/report");
        assertThat(erin.post("/comments/" + finnsComment + "/report", Map.of("reason", "offtopic")).status()).isEqualTo(302);
        TestClient moderator = app.signedInAs("moderator");
        moderator.get("/moderation/comments/" + comment);
        assertThat(moderator.post("/moderation/comments/" + comment + "/hide", Map.of("reason", "Off the subject")).status()).isEqualTo(302);
        erin.get("/problems/" + finnsProblem);
        assertThat(erin.post("/follows", Map.of("subject", "problem:" + finnsProblem, "follow", "yes", "return", "/problems/" + finnsProblem))
                .status()).isEqualTo(302);
        erin.get("/notifications/settings");
        assertThat(erin.post("/notifications/settings", Map.of("email.replies", "on", "email.updates", "on")).status()).isEqualTo(302);

        // Events: a place on one, the waiting list of the full surgery.
        registeredEvent = app.count("SELECT id FROM events WHERE title = 'Northgate decision day'");
        waitingEvent = app.count("SELECT id FROM events WHERE title = 'Riverside ward surgery'");
        for (long event : new long[]{registeredEvent, waitingEvent}) {
            erin.get("/events/" + event);
            assertThat(erin.post("/events/" + event + "/register", Map.of()).status()).isEqualTo(302);
        }
        finn.get("/events/" + registeredEvent);
        finn.post("/events/" + registeredEvent + "/register", Map.of());

        // Consultations: Erin answers once for her group (she started it) and once anonymously for herself.
        erin.get("/groups/new");
        organisation = idAfter(erin.post("/groups", Map.of("name", "Quay Friends", "kind", "community_group", "description", "Friends of the quay.")), "/groups/");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        officer.get("/consultations/new");
        TestClient.Response created = officer.post("/consultations", Map.of("owner", "council", "title", "Quay future", "body", "Tell us.",
                "opens", today.minusDays(1).toString(), "closes", today.plusDays(5).toString(), "place", "", "answersPublic", "yes"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        consultation = Long.parseLong(created.location().replaceAll("^/consultations/(\\d+)/manage$", "$1"));
        officer.get("/consultations/" + consultation + "/manage");
        officer.post("/consultations/" + consultation + "/workstreams", Map.of("workstream", "The quay"));
        long workstream = app.count("SELECT max(id) FROM consultation_workstreams WHERE consultation_id = " + consultation);
        officer.get("/consultations/" + consultation + "/manage");
        assertThat(officer.post("/consultations/" + consultation + "/questions", Map.of("workstream", String.valueOf(workstream), "kind", "text",
                "prompt", "What should the quay become?", "maxLength", "300")).status()).isEqualTo(302);
        long question = app.count("SELECT max(id) FROM consultation_questions WHERE consultation_id = " + consultation);
        officer.get("/consultations/" + consultation + "/manage");
        assertThat(officer.post("/consultations/" + consultation + "/publish", Map.of()).status()).isEqualTo(302);
        erin.get("/consultations/" + consultation + "/respond?as=" + organisation);
        assertThat(erin.post("/consultations/" + consultation + "/respond", Map.of("as", String.valueOf(organisation),
                "q" + question, "A market, say the Quay Friends")).status()).isEqualTo(302);
        erin.get("/consultations/" + consultation + "/respond");
        assertThat(erin.post("/consultations/" + consultation + "/respond", Map.of("q" + question, "ANON-SECRET answer", "anonymous", "yes"))
                .status()).isEqualTo(302);

        // A ballot in the demo's live fund.
        long fund = app.count("SELECT id FROM budget_processes WHERE title = 'Riverford Community Fund'");
        long city = app.count("SELECT id FROM budget_pots WHERE process_id = " + fund + " AND name = 'City-wide fund'");
        votedFor = app.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM budget_proposals WHERE pot_id = :p AND status = 'feasible' ORDER BY id DESC LIMIT 2").bind("p", city)
                .mapTo(Long.class).list());
        String path = "/budgets/" + fund + "/pots/" + city + "/vote";
        erin.get(path);
        TestClient.Response cast = erin.post(path, Map.of("step", "cast", "choice", String.valueOf(votedFor.get(0))));
        assertThat(cast.status()).as(cast.body()).isIn(200, 302);
        Matcher m = Pattern.compile("id=\"receipt\">([0-9A-Z-]+)<").matcher(cast.status() == 302 ? erin.get(cast.location()).body() : cast.body());
        assertThat(m.find()).as("a receipt after voting").isTrue();
        receipt = m.group(1);

        // A board election she may vote in, and does: the ranking must not follow her into the download.
        TestClient organiser = app.signedInAs("organiser");
        organiser.get("/elections/manage/new");
        java.time.format.DateTimeFormatter minutes = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        java.time.LocalDateTime now = java.time.LocalDateTime.now(ZoneId.of("Europe/London"));
        election = idAfter(organiser.post("/elections/manage/new", Map.of("title", "Quay Friends board", "seats", "1", "rule", "scottish",
                "opensAt", now.minusHours(1).format(minutes), "closesAt", now.plusDays(1).format(minutes),
                "candidateName0", "Zelda Candidate", "candidateStatement0", "", "candidateName1", "Yusuf Candidate", "candidateStatement1", "")),
                "/elections/manage/");
        organiser.get("/elections/manage/" + election);
        assertThat(organiser.post("/elections/manage/" + election + "/electors", Map.of("emails", "erin@example.org")).status()).isEqualTo(302);
        erin.get("/elections/" + election + "/vote");
        assertThat(erin.post("/elections/" + election + "/vote", Map.of("rank0", "2", "rank1", "1")).status()).isEqualTo(302);

        app.platform.bans.ban(erinId, "Repeated off-topic posts", OffsetDateTime.parse("2099-01-01T00:00:00Z"), new Actor(null, "test", "test"));
    }

    @Test
    void everySectionIsListedInNameOrderWithTheAccountFieldsAndTheNotes() {
        JsonNode export = export(erin);
        assertThat(export.get("email").asText()).isEqualTo("erin@example.org");
        assertThat(export.get("homePlace").asText()).isEqualTo("Quayside");
        assertThat(export.get("activity")).isNotEmpty();
        List<String> names = new ArrayList<>();
        export.get("data").fieldNames().forEachRemaining(names::add);
        assertThat(names).isSorted().containsAll(List.of("account-mails", "account-sessions", "board-election-electorates", "board-elections-run",
                "budget-proposals", "comment-reports", "comments", "consultation-responses", "consultations-created", "event-calendar-feed",
                "event-registrations", "events-organised", "follows", "moderation-bans", "notification-settings", "notifications",
                "group-memberships", "problem-solutions", "problem-supports", "problems", "seat-modeller-results"));
        assertThat(names).as("nothing about ballots or votes").noneMatch(n -> n.contains("ballot") || n.contains("vote"));
        assertThat(export.get("data").get("events-organised").isArray()).isTrue();
        assertThat(export.get("data").get("events-organised")).as("an empty section is an empty list").isEmpty();
        assertThat(export.get("notes").toString()).contains("ballots are secret").contains("anonymously");
    }

    @Test
    void eachFeatureSectionHoldsExactlyTheResidentsOwnItems() {
        JsonNode data = export(erin).get("data");
        JsonNode proposals = data.get("budget-proposals");
        assertThat(ids(proposals, "id")).containsExactly(proposal);
        assertThat(proposals.get(0).get("title").asText()).isEqualTo("Erin's quay benches");
        assertThat(proposals.get(0).get("status").asText()).isEqualTo("submitted");
        assertThat(proposals.get(0).get("estimatedCost").decimalValue()).as("in pounds, as the open data shows it").isEqualByComparingTo("100");
        assertThat(proposals.get(0).get("url").asText()).isEqualTo("http://localhost/budgets/" + proposals.get(0).get("processId").asLong()
                + "/proposals/" + proposal);
        assertThat(proposals.get(0).get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");

        assertThat(ids(data.get("problems"), "id")).containsExactly(problem);
        assertThat(data.get("problems").get(0).get("url").asText()).isEqualTo("http://localhost/problems/" + problem);
        assertThat(ids(data.get("problem-supports"), "problemId")).containsExactly(finnsProblem);
        assertThat(ids(data.get("problem-solutions"), "id")).containsExactly(solution);
        assertThat(data.get("problem-solutions").get(0).get("title").asText()).isEqualTo("Erin's pump idea");

        JsonNode comments = data.get("comments");
        assertThat(ids(comments, "id")).containsExactly(comment, reply);
        assertThat(comments.get(0).get("hidden").asBoolean()).isTrue();
        assertThat(comments.get(0).get("hiddenReason").asText()).isEqualTo("Off the subject");
        assertThat(comments.get(0).get("body").asText()).isEqualTo("Erin's first comment");
        assertThat(comments.get(1).get("hidden").asBoolean()).isFalse();
        assertThat(comments.get(1).get("inReplyTo").asText()).isEqualTo("Finn Other");
        assertThat(comments.get(1).get("subject").asText()).isEqualTo("problem:" + problem);
        assertThat(comments.get(1).get("subjectTitle").asText()).isEqualTo("Erin's broken railing");
        assertThat(comments.get(1).get("url").asText()).isEqualTo("http://localhost/problems/" + problem + "#comment-" + reply);
        assertThat(comments.get(1).get("editedAt").isNull()).isTrue();
        assertThat(ids(data.get("comment-reports"), "commentId")).containsExactly(finnsComment);
        assertThat(texts(data.get("follows"), "subject")).as("what she followed, and what she wrote or commented on")
                .contains("problem:" + finnsProblem).isSubsetOf("problem:" + finnsProblem, "problem:" + problem, "proposal:" + proposal, "solution:" + solution);
        assertThat(texts(data.get("notifications"), "text")).anyMatch(t -> t.contains("Finn Other"));
        assertThat(texts(data.get("notification-settings"), "event")).containsExactly("replies", "updates", "phases");
        assertThat(data.get("notification-settings").get(2).get("email").asBoolean()).as("phases turned off").isFalse();

        JsonNode registrations = data.get("event-registrations");
        assertThat(ids(registrations, "eventId")).containsExactlyInAnyOrder(registeredEvent, waitingEvent);
        for (JsonNode r : registrations) {
            assertThat(r.get("status").asText()).isEqualTo(r.get("eventId").asLong() == waitingEvent ? "waiting" : "registered");
        }

        JsonNode responses = data.get("consultation-responses");
        assertThat(ids(responses, "consultationId")).containsExactly(consultation, consultation);
        assertThat(responses.get(0).get("forOrganisation").asText()).isEqualTo("Quay Friends");
        assertThat(responses.get(0).get("anonymous").asBoolean()).isFalse();
        assertThat(responses.get(0).get("answers").get(0).get("text").asText()).isEqualTo("A market, say the Quay Friends");
        assertThat(responses.get(1).get("anonymous").asBoolean()).as("her anonymous answer is hers to download").isTrue();
        assertThat(responses.get(1).get("forOrganisation").isNull()).isTrue();
        assertThat(responses.get(1).get("answers").get(0).get("text").asText()).isEqualTo("ANON-SECRET answer");
        assertThat(ids(data.get("group-memberships"), "groupId")).containsExactly(organisation);
        assertThat(ids(data.get("groups-created"), "id")).containsExactly(organisation);

        JsonNode electorates = data.get("board-election-electorates");
        assertThat(ids(electorates, "electionId")).containsExactly(election);
        assertThat(electorates.get(0).get("hasVoted").asBoolean()).as("that she voted, never how").isTrue();

        JsonNode bans = data.get("moderation-bans");
        assertThat(texts(bans, "reason")).containsExactly("Repeated off-topic posts");
        assertThat(bans.get(0).get("endsAt").asText()).startsWith("2099-01-01T");
        assertThat(bans.get(0).has("bannedBy")).isFalse();
    }

    @Test
    void anotherResidentsItemsAndEmailNeverAppear() {
        String erins = exportText(erin);
        assertThat(erins).doesNotContain("FINN-ONLY quay lights").doesNotContain("FINN-ONLY reply text").doesNotContain("finn@example.org");
        assertThat(erins).as("Finn's problem is there only as the problem Erin supports, never as her report")
                .doesNotContain("What is wrong with FINN-ONLY");
        String finns = exportText(finn);
        assertThat(finns).as("the markers are in Finn's own download").contains("FINN-ONLY quay lights").contains("FINN-ONLY reply text")
                .contains("What is wrong with FINN-ONLY");
        assertThat(finns).doesNotContain("erin@example.org").doesNotContain("Erin's quay benches").doesNotContain("Erin's answer to Finn");
    }

    @Test
    void theBallotIsNotInTheDownloadAndTheAnonymousAnswerOnlyInItsAuthorsOwn() {
        JsonNode export = export(erin);
        String text = export.toString();
        assertThat(text).doesNotContain(receipt).doesNotContain("Zelda").doesNotContain("Yusuf");
        assertThat(exportText(finn)).doesNotContain("ANON-SECRET");
        JsonNode data = export.get("data");
        data.fieldNames().forEachRemaining(section -> {
            for (JsonNode row : data.get(section)) {
                for (long id : votedFor) {
                    assertThat(row.path("proposalId").asLong(-1)).as(section).isNotEqualTo(id);
                    if (section.startsWith("budget")) assertThat(row.path("id").asLong(-1)).as(section).isNotEqualTo(id);
                }
            }
        });
    }

    @Test
    void aVisitorIsSentToSignInInsteadOfADownload() {
        TestClient.Response r = app.client().get("/account/export");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).startsWith("/sign-in?next=");
        assertThat(r.body()).doesNotContain("erin@example.org");
    }

    @Test
    void theAccountPageSaysWhatTheDownloadHolds() {
        assertThat(erin.get("/account").body()).contains("The download holds your account").contains("href=\"/account/export\"");
    }

    private static JsonNode export(TestClient c) {
        try {
            return JSON.readTree(exportText(c));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String exportText(TestClient c) {
        TestClient.Response r = c.get("/account/export");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        return r.body();
    }

    private static List<Long> ids(JsonNode rows, String field) {
        return StreamSupport.stream(rows.spliterator(), false).map(r -> r.get(field).asLong()).toList();
    }

    private static List<String> texts(JsonNode rows, String field) {
        return StreamSupport.stream(rows.spliterator(), false).map(r -> r.get(field).asText()).toList();
    }

    private static long place(String name) {
        return app.platform.places.tree().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static TestClient signIn(String email) {
        TestClient c = app.client();
        c.signIn(email, PASSWORD);
        return c;
    }

    private static long idAfter(TestClient.Response r, String prefix) {
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring(prefix.length()));
    }

    private static long propose(TestClient c, long process, long pot, String title) {
        c.get("/budgets/" + process + "/proposals/new");
        TestClient.Response r = c.post("/budgets/" + process + "/proposals", Map.of("pot", String.valueOf(pot), "title", title,
                "description", "A description of " + title, "theme", "green", "estimatedCost", "100", "place", String.valueOf(place("Quayside"))));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring(r.location().lastIndexOf('/') + 1));
    }

    private static long report(TestClient c, String title) {
        c.get("/problems/new");
        return idAfter(c.post("/problems", Map.of("title", title, "description", "What is wrong with " + title,
                "place", String.valueOf(place("Quayside")), "theme", "streets")), "/problems/");
    }

    private static long comment(TestClient c, long problemId, String body, Long parent) {
        c.get("/problems/" + problemId);
        Map<String, String> form = new HashMap<>(Map.of("subject", "problem:" + problemId, "body", body, "return", "/problems/" + problemId));
        if (parent != null) form.put("parent", parent.toString());
        TestClient.Response r = c.post("/comments", form);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring(r.location().indexOf("#comment-") + "#comment-".length()));
    }
}
