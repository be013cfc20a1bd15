package org.commonweal.platform.problems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem from posting to the agenda: support per place, solutions, status changes heard by followers, one click to a budget. */
class ProblemJourneyTest extends PlatformTestCase {
    static final List<SubjectChange> announced = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void listen() {
        app.platform.subjects.listen(announced::add);
    }

    static long place(String name) {
        return app.platform.places.tree().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }

    static TestClient resident(String email, String home) {
        app.platform.accounts.createConfirmed(email, "Resident " + email, "a long test password", Set.of(), home == null ? null : place(home));
        TestClient c = app.client();
        c.signIn(email, "a long test password");
        return c;
    }

    static long post(TestClient c, String title, String place, String theme) {
        c.get("/problems/new");
        TestClient.Response r = c.post("/problems", Map.of("title", title, "description", "What is wrong with " + title, "place",
                String.valueOf(place(place)), "theme", theme));
        assertThat(r.status()).as("post %s: %s", title, r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring("/problems/".length()));
    }

    @Test
    void supportIsCountedOncePerAccountPerHomePlaceAndCanBeTakenBack() {
        TestClient author = resident("journey-author@example.org", "Quayside");
        long id = post(author, "Broken bench on the quay", "Quayside", "community");
        TestClient q1 = resident("journey-q1@example.org", "Quayside");
        TestClient q2 = resident("journey-q2@example.org", "Quayside");
        TestClient m = resident("journey-m@example.org", "Mill Lane");
        TestClient nowhere = resident("journey-n@example.org", null);
        for (TestClient c : List.of(q1, q2, m, nowhere)) {
            c.get("/problems/" + id);
            assertThat(c.post("/problems/" + id + "/support", Map.of()).status()).isEqualTo(302);
        }
        q1.get("/problems/" + id);
        assertThat(q1.post("/problems/" + id + "/support", Map.of()).status()).as("supporting twice changes nothing").isEqualTo(302);
        assertThat(app.platform.feature(org.commonweal.platform.problems.ProblemsFeature.class).supports().byPlace(id)).containsExactly(
                new SupportService.PlaceCount(place("Quayside"), "Quayside", 2), new SupportService.PlaceCount(place("Mill Lane"), "Mill Lane", 1),
                new SupportService.PlaceCount(null, null, 1));
        String page = app.client().get("/problems/" + id).body();
        assertThat(page).contains("People affected: 4").contains("Home place not given").doesNotContain("journey-q1");
        nowhere.get("/problems/" + id);
        assertThat(nowhere.post("/problems/" + id + "/support/remove", Map.of()).status()).isEqualTo(302);
        assertThat(app.platform.feature(org.commonweal.platform.problems.ProblemsFeature.class).problems().find(id).orElseThrow().supporters()).isEqualTo(3);
        assertThat(app.count("SELECT count(*) FROM problem_supports WHERE problem_id = " + id)).isEqualTo(3);
    }

    @Test
    void officersMoveAProblemOnAuditedAndFollowersHearOfIt() {
        TestClient author = resident("status-author@example.org", "Old Wharf");
        long id = post(author, "Towpath gate broken", "Old Wharf", "streets");
        TestClient officer = app.signedInAs("officer");
        officer.get("/problems/" + id);
        TestClient.Response noReason = officer.post("/problems/" + id + "/status", Map.of("status", "closed", "reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("Give a reason residents can read");
        assertThat(officer.post("/problems/" + id + "/status", Map.of("status", "under_review", "reason", "")).status()).isEqualTo(302);
        assertThat(app.client().get("/problems/" + id).body()).contains("Under review");
        assertThat(app.platform.audit.recent("problem.status", 50, 0)).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("problem:" + id);
            assertThat(e.detail()).isEqualTo("open -> under_review");
        });
        assertThat(announced).anySatisfy(c -> {
            assertThat(c.subject()).isEqualTo(new Subject("problem", id));
            assertThat(c.messageKey()).isEqualTo("problems.announce.status");
            assertThat(c.args()).containsExactly("Towpath gate broken", "Under review");
            assertThat(c.recipientId()).isNull();
        });
        author.get("/problems/" + id + "/edit");
        assertThat(author.post("/problems/" + id, Map.of("title", "Changed", "description", "x", "place", String.valueOf(place("Old Wharf")),
                "theme", "streets")).status()).as("an author edits only while the problem is open").isEqualTo(409);
    }

    @Test
    void solutionsLinkToAProblemOrToAnExistingProposalAndFollowTheirStatus() {
        TestClient author = resident("solution-author@example.org", "Castle Hill");
        long id = post(author, "No shade at the playground", "Castle Hill", "play");
        author.get("/problems/" + id);
        TestClient.Response r = author.post("/problems/" + id + "/solutions", Map.of("title", "Plant trees", "description", "Three oaks by the swings.", "proposal", ""));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        long solution = Long.parseLong(r.location().substring("/solutions/".length()));
        long proposal = app.platform.search.search(new SearchIndex.Query("Castle Hill play area", Set.of("proposal"), null, 1)).hits().getFirst().id();
        author.get("/problems/" + id);
        TestClient.Response bad = author.post("/problems/" + id + "/solutions", Map.of("title", "", "description", "", "proposal", "proposal:99999999"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter the key of an existing budget proposal");
        TestClient.Response linked = author.post("/problems/" + id + "/solutions", Map.of("title", "", "description", "", "proposal", "proposal:" + proposal));
        assertThat(linked.status()).as(linked.body()).isEqualTo(302);
        long linkedId = Long.parseLong(linked.location().substring("/solutions/".length()));
        assertThat(app.platform.feature(org.commonweal.platform.problems.ProblemsFeature.class).solutions().find(linkedId).orElseThrow()).satisfies(s -> {
            assertThat(s.title()).isEqualTo("Castle Hill play area refresh");
            assertThat(s.status()).isEqualTo("in_budget");
            assertThat(s.proposalUrl()).endsWith("/proposals/" + proposal);
        });
        String page = app.client().get("/problems/" + id).body();
        assertThat(page).contains("Plant trees").contains("Castle Hill play area refresh").contains("In a budget");

        TestClient officer = app.signedInAs("officer");
        officer.get("/solutions/" + solution);
        assertThat(officer.post("/solutions/" + solution + "/status", Map.of("status", "rejected", "reason", "")).status()).isEqualTo(422);
        assertThat(officer.post("/solutions/" + solution + "/status", Map.of("status", "adopted", "reason", "")).status()).isEqualTo(302);
        assertThat(announced).anySatisfy(c -> {
            assertThat(c.subject()).isEqualTo(new Subject("solution", solution));
            assertThat(c.args()).containsExactly("Plant trees", "Adopted");
        });
        assertThat(app.platform.subjects.find(new Subject("solution", solution))).hasValueSatisfying(i -> assertThat(i.url()).isEqualTo("/solutions/" + solution));
        assertThat(app.platform.search.search(new SearchIndex.Query("oaks swings", Set.of("solution"), null, 1)).hits()).hasSize(1);
    }

    @Test
    void aSolutionGoesToAnOpenBudgetWithItsProposalFormFilledInAndKeepsTheLink() {
        TestClient officer = app.signedInAs("officer");
        officer.get("/budgets/new");
        TestClient.Response created = officer.post("/budgets", Map.of("title", "Northgate decides", "summary", "Ideas for Northgate.",
                "place", String.valueOf(place("Northgate"))));
        long process = Long.parseLong(created.location().substring("/budgets/".length()));
        officer.get("/budgets/" + process + "/pots/new");
        assertThat(officer.post("/budgets/" + process + "/pots", Map.of("name", "Northgate pot", "place", String.valueOf(place("Northgate")),
                "amount", "20000", "currency", "GBP", "ballotType", "knapsack", "rule", "greedy", "tieBreak", "cost,votes,lottery", "tieSeed", "7")).status())
                .isEqualTo(302);
        long pot = app.count("SELECT max(id) FROM budget_pots WHERE process_id = " + process);

        TestClient resident = resident("budget-resident@example.org", "Mill Lane");
        long id = post(resident, "Cars speed down Mill Lane", "Mill Lane", "safety");
        resident.get("/problems/" + id);
        TestClient.Response s = resident.post("/problems/" + id + "/solutions", Map.of("title", "Speed cushions on Mill Lane",
                "description", "Four speed cushions between the school and the mill.", "proposal", ""));
        long solution = Long.parseLong(s.location().substring("/solutions/".length()));
        assertThat(resident.get("/solutions/" + solution + "/budget").body()).as("the budget is still in its information phase")
                .contains("No budget is taking proposals").doesNotContain("Northgate decides");

        officer.get("/budgets/" + process);
        assertThat(officer.post("/budgets/" + process + "/phase", Map.of("from", "information", "confirm", "yes")).status()).isEqualTo(302);
        String choose = resident.get("/solutions/" + solution + "/budget").body();
        assertThat(choose).contains("Northgate decides").contains("/solutions/" + solution + "/budget/" + process);
        String form = resident.get("/solutions/" + solution + "/budget/" + process).body();
        assertThat(form).contains("value=\"Speed cushions on Mill Lane\"").contains("Four speed cushions between the school and the mill.")
                .contains("action=\"/solutions/" + solution + "/budget/" + process + "\"")
                .containsPattern("<option value=\"safety\" selected")
                .containsPattern("<option value=\"" + place("Mill Lane") + "\" selected");
        TestClient.Response noCost = resident.post("/solutions/" + solution + "/budget/" + process, Map.of("pot", String.valueOf(pot),
                "title", "Speed cushions on Mill Lane", "description", "Four cushions.", "theme", "safety", "estimatedCost", "",
                "place", String.valueOf(place("Mill Lane"))));
        assertThat(noCost.status()).isEqualTo(422);
        TestClient.Response sent = resident.post("/solutions/" + solution + "/budget/" + process, Map.of("pot", String.valueOf(pot),
                "title", "Speed cushions on Mill Lane", "description", "Four cushions.", "theme", "safety", "estimatedCost", "8000",
                "place", String.valueOf(place("Mill Lane"))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        long proposal = app.count("SELECT max(id) FROM budget_proposals WHERE pot_id = " + pot);
        assertThat(app.platform.feature(org.commonweal.platform.problems.ProblemsFeature.class).solutions().find(solution).orElseThrow()).satisfies(x -> {
            assertThat(x.status()).isEqualTo("in_budget");
            assertThat(x.proposalKey()).isEqualTo("proposal:" + proposal);
        });
        assertThat(resident.get("/solutions/" + solution).body()).contains("/budgets/" + process + "/proposals/" + proposal).doesNotContain("Propose for a budget");
        assertThat(resident.get("/solutions/" + solution + "/budget/" + process).status()).as("a solution goes to a budget once").isEqualTo(409);
    }

    @Test
    void theAgendaRanksAPlacesProblemsBySupportGainedInThePeriod() {
        TestClient author = resident("agenda-author@example.org", "Orchard Park");
        long old = post(author, "Agenda: old grievance", "Orchard Park", "green");
        long fresh = post(author, "Agenda: new grievance", "Station Road", "green");
        long elsewhere = post(author, "Agenda: elsewhere", "Quayside", "green");
        for (int i = 0; i < 3; i++) {
            TestClient c = resident("agenda-old" + i + "@example.org", "Orchard Park");
            c.get("/problems/" + old);
            c.post("/problems/" + old + "/support", Map.of());
        }
        TestClient c = resident("agenda-new@example.org", "Station Road");
        c.get("/problems/" + fresh);
        c.post("/problems/" + fresh + "/support", Map.of());
        // The old problem's support was all given two months ago.
        app.database.jdbi().useHandle(h -> h.createUpdate("UPDATE problem_supports SET created_at = now() - interval '60 days' WHERE problem_id = :p")
                .bind("p", old).execute());
        long eastfield = place("Eastfield");
        AgendaService agenda = app.platform.feature(org.commonweal.platform.problems.ProblemsFeature.class).agenda();
        var month = agenda.rank(eastfield, AgendaService.Period.MONTH, "green", "", 0, OffsetDateTime.now());
        assertThat(month.entries()).extracting(AgendaService.Entry::id).containsExactly(fresh, old);
        assertThat(month.entries().getFirst().gained()).isEqualTo(1);
        var all = agenda.rank(eastfield, AgendaService.Period.ALL, "green", "", 0, OffsetDateTime.now());
        assertThat(all.entries()).extracting(AgendaService.Entry::id).containsExactly(old, fresh);
        assertThat(all.entries()).extracting(AgendaService.Entry::id).doesNotContain(elsewhere);
        assertThat(all.total()).isEqualTo(2);
        app.database.jdbi().useHandle(h -> h.createUpdate("""
                UPDATE problem_supports SET created_at = now() - interval '400 days'
                WHERE problem_id = :p AND account_id = (SELECT min(account_id) FROM problem_supports WHERE problem_id = :p)""").bind("p", old).execute());
        var year = agenda.rank(eastfield, AgendaService.Period.YEAR, "green", "", 0, OffsetDateTime.now());
        assertThat(year.entries()).extracting(AgendaService.Entry::id, AgendaService.Entry::gained, AgendaService.Entry::supporters)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(old, 2L, 3L), org.assertj.core.groups.Tuple.tuple(fresh, 1L, 1L));

        String page = app.client().get("/places/" + eastfield + "/agenda?period=30d&theme=green").body();
        assertThat(page.indexOf("Agenda: new grievance")).isPositive().isLessThan(page.indexOf("Agenda: old grievance"));
        assertThat(page).doesNotContain("Agenda: elsewhere");
        assertThat(app.client().get("/agenda?place=" + eastfield).location()).isEqualTo("/places/" + eastfield + "/agenda?place=" + eastfield);
        assertThat(app.client().get("/places/999999/agenda").status()).isEqualTo(404);
        assertThat(app.client().get("/places/x/agenda").status()).isEqualTo(404);
        assertThat(app.client().get("/places/" + eastfield + "/agenda?period=bogus&theme=%3Cb%3E&page=-3").status()).isEqualTo(200);
    }

    @Test
    void theListFiltersByPlaceWithinThemeAndStatusAndSortsBySupport() {
        TestClient author = resident("list-author@example.org", "Beacon Rise");
        long a = post(author, "List: pothole", "Beacon Rise", "culture");
        long b = post(author, "List: graffiti", "Tanners Green", "culture");
        TestClient c = resident("list-supporter@example.org", "Beacon Rise");
        c.get("/problems/" + b);
        c.post("/problems/" + b + "/support", Map.of());
        String hillcrest = app.client().get("/problems?place=" + place("Hillcrest") + "&theme=culture&sort=support").body();
        assertThat(hillcrest.indexOf("List: graffiti")).isPositive().isLessThan(hillcrest.indexOf("List: pothole"));
        String newest = app.client().get("/problems?place=" + place("Hillcrest") + "&theme=culture&sort=newest").body();
        assertThat(newest.indexOf("List: pothole")).isPositive().isGreaterThan(newest.indexOf("List: graffiti"));
        assertThat(app.client().get("/problems?place=" + place("Riverside") + "&theme=culture").body()).doesNotContain("List: pothole");
        assertThat(app.client().get("/problems?status=solved&theme=culture").body()).doesNotContain("List: pothole");
        assertThat(app.client().get("/problems?place=abc&theme=nonsense&status=%22&page=x").status()).isEqualTo(200);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void problemsAndSolutionsAreOpenDataWithCountsButNoSupporters() throws Exception {
        JsonNode problems = new ObjectMapper().readTree(app.client().get("/open-data/problems.json").body());
        assertThat(problems.size()).isGreaterThanOrEqualTo(6);
        JsonNode ferry = null;
        for (JsonNode p : problems) if (p.get("title").asText().startsWith("Ferry Row alley")) ferry = p;
        assertThat(ferry).isNotNull();
        assertThat(ferry.get("supporters").asLong()).isEqualTo(3);
        assertThat(ferry.get("solutions").asLong()).isEqualTo(1);
        assertThat(app.client().get("/open-data/problems.csv").body()).startsWith("id,place_id,place_name,title").doesNotContain("@demo.commonweal.org");
        JsonNode solutions = new ObjectMapper().readTree(app.client().get("/open-data/solutions.json").body());
        assertThat(solutions).anySatisfy(s -> assertThat(s.get("budget_proposal").asText()).startsWith("proposal:"));
    }

    @Test
    void everyPageOfTheFeatureRendersForVisitorsResidentsAndOfficers() {
        long problem = app.count("SELECT min(id) FROM problems WHERE title = 'Nowhere for teenagers to go in Castle Hill'");
        long solution = app.count("SELECT min(id) FROM problem_solutions WHERE problem_id = " + problem);
        long author = app.count("SELECT author_id FROM problems WHERE id = " + problem);
        TestClient officer = app.signedInAs("officer");
        TestClient resident = app.client();
        resident.signIn("chidi@demo.commonweal.org", "demo-resident-pass");
        assertThat(app.count("SELECT id FROM accounts WHERE email = 'chidi@demo.commonweal.org'")).as("the demo gives it to Chidi").isEqualTo(author);
        for (TestClient c : List.of(app.client(), resident, officer)) {
            for (String path : List.of("/problems", "/problems/" + problem, "/solutions/" + solution, "/agenda?place=" + place("Northgate"))) {
                TestClient.Response r = c.get(path);
                if (r.status() == 302) r = c.get(r.location());
                assertThat(r.status()).as(path).isEqualTo(200);
            }
        }
        assertThat(officer.get("/problems/" + problem).body()).contains("Change the status").contains("action=\"/problems/" + problem + "/status\"");
        assertThat(officer.get("/solutions/" + solution).body()).contains("action=\"/solutions/" + solution + "/status\"");
        assertThat(resident.get("/problems/" + problem).body()).contains("/problems/" + problem + "/edit").doesNotContain("Change the status");
        assertThat(resident.get("/problems/" + problem + "/edit").status()).isEqualTo(200);
        assertThat(resident.get("/problems/new").body()).contains("enctype=\"multipart/form-data\"");
        assertThat(resident.get("/solutions/" + solution + "/budget").status()).isEqualTo(200);
        assertThat(app.client().get("/problems/" + problem).body()).doesNotContain("Change the status").contains("Sign in to say this affects you too");
    }

    @Test
    void theDemoHasProblemsAcrossTheWardsWithSupportAndSolutions() {
        assertThat(app.count("SELECT count(*) FROM problems WHERE title IN ('Ferry Row alley is pitch dark at night', 'Dog mess on Tanners Green')")).isEqualTo(2);
        assertThat(app.count("SELECT count(DISTINCT w.id) FROM problems r JOIN places n ON n.id = r.place_id JOIN places w ON w.id = n.parent_id "
                + "WHERE r.title IN ('Ferry Row alley is pitch dark at night', 'Fly-tipping behind Station Road shops', 'Nowhere for teenagers to go in Castle Hill', "
                + "'Beacon Rise bus shelter smashed')")).isEqualTo(4);
        assertThat(app.count("SELECT count(*) FROM problem_solutions WHERE proposal_key IS NOT NULL AND title = 'Ferry Row lighting'")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM problem_solutions WHERE title = 'Reopen the youth club two evenings a week'")).isEqualTo(1);
    }
}
