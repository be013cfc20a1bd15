package org.commonweal.platform.budgets;

import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's budgets: a live process a demo resident can vote in straight away, and past votes imported from pabulib files. */
class DemoBudgetsTest {
    static TestApp app;
    static long live;

    @BeforeAll
    static void start() {
        String shared = BudgetImportTest.pabulib("x").getParent().getParent().toString();
        app = TestApp.start(Map.of("COMMONWEAL_SHARED_DATA", shared));
        live = app.count("SELECT id FROM budget_processes WHERE title = '" + DemoBudgets.LIVE_TITLE + "'");
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    private static long pot(String name) {
        return app.count("SELECT id FROM budget_pots WHERE process_id = " + live + " AND name = '" + name + "'");
    }

    private static List<Long> feasible(long pot) {
        return app.database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM budget_proposals WHERE pot_id = :p AND status = 'feasible' ORDER BY id")
                .bind("p", pot).mapTo(Long.class).list());
    }

    @Test
    void theLiveProcessIsOpenForVotingWithResidentsIdeasCostedByTheOfficer() {
        String phase = app.database.jdbi().withHandle(h -> h.createQuery("SELECT phase FROM budget_processes WHERE id = :id")
                .bind("id", live).mapTo(String.class).one());
        assertThat(phase).isEqualTo(Phase.VOTING.stored());
        long city = pot("City-wide fund");
        assertThat(app.count("SELECT count(*) FROM budget_proposals WHERE pot_id = " + city)).isBetween(8L, 10L);
        assertThat(feasible(city)).hasSize((int) app.count("SELECT count(*) FROM budget_proposals WHERE pot_id = " + city) - 1);
        assertThat(app.count("SELECT count(DISTINCT author_id) FROM budget_proposals WHERE pot_id = " + city)).as("each demo resident proposed").isEqualTo(3);
        long pool = app.count("SELECT id FROM budget_proposals WHERE pot_id = " + city + " AND status = 'not_feasible' AND status_reason <> ''");
        assertThat(app.client().get("/budgets/" + live + "/proposals/" + pool).body()).contains("Not feasible").contains("which the council has no budget for");
        assertThat(app.count("SELECT count(*) FROM budget_ballots b JOIN budget_pots t ON t.id = b.pot_id WHERE t.process_id = " + live))
                .as("the demo leaves the voting to the person trying it").isZero();
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.phase.opened' AND subject = 'budget:" + live + "'"))
                .as("the officer moved it through every phase up to voting").isEqualTo(Phase.VOTING.ordinal());
    }

    @Test
    void aDemoResidentOpensTheBallotAndCastsAValidVoteInBothPots() {
        TestClient amira = app.signedInAs("resident");
        long city = pot("City-wide fund");
        TestClient.Response page = amira.get("/budgets/" + live + "/pots/" + city + "/vote");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("type=\"checkbox\"").contains("Street trees for Station Road").doesNotContain("Heated open-air swimming pool");
        List<Long> choice = feasible(city).subList(0, 3);
        TestClient.Response cast = BudgetSetup.postBody(app, amira, "/budgets/" + live + "/pots/" + city + "/vote",
                BudgetSetup.ballot(amira, "cast", "choice", choice.get(0).toString(), "choice", choice.get(1).toString(), "choice", choice.get(2).toString()));
        assertThat(cast.status()).isIn(200, 302);
        assertThat(BudgetSetup.receipt(cast)).isNotBlank();

        long riverside = pot("Riverside ward fund");
        List<Long> wardIdeas = feasible(riverside);
        amira.get("/budgets/" + live + "/pots/" + riverside + "/vote");
        TestClient.Response points = BudgetSetup.postBody(app, amira, "/budgets/" + live + "/pots/" + riverside + "/vote",
                BudgetSetup.ballot(amira, "cast", "points." + wardIdeas.get(0), "6", "points." + wardIdeas.get(2), "4"));
        assertThat(BudgetSetup.receipt(points)).as("Amira lives in Ferry Row, in Riverside ward").isNotBlank();
        assertThat(app.count("SELECT count(*) FROM budget_ballots b JOIN budget_pots t ON t.id = b.pot_id WHERE t.process_id = " + live)).isEqualTo(2);
    }

    /**
     * Running totals, seen before and after a known person votes, would give their ballot away: while voting is open a
     * visitor's view of the budget (its page, proposals, ballots and every proposal's page) is the same after a ballot.
     */
    @Test
    void oneNewBallotChangesNothingAVisitorSees() {
        TestClient visitor = app.client();
        long city = pot("City-wide fund");
        List<String> pages = new java.util.ArrayList<>(List.of("/budgets/" + live, "/budgets/" + live + "/proposals",
                "/budgets/" + live + "/pots/" + city + "/vote", "/budgets/" + live + "/pots/" + pot("Riverside ward fund") + "/vote"));
        for (long p : feasible(city)) pages.add("/budgets/" + live + "/proposals/" + p);
        java.util.Map<String, String> before = new java.util.LinkedHashMap<>();
        for (String page : pages) before.put(page, visitor.get(page).body());

        TestClient ben = app.signedInAs("resident");
        ben.get("/budgets/" + live + "/pots/" + city + "/vote");
        long ballots = app.count("SELECT count(*) FROM budget_ballots WHERE pot_id = " + city + " AND counted");
        TestClient.Response cast = BudgetSetup.postBody(app, ben, "/budgets/" + live + "/pots/" + city + "/vote",
                BudgetSetup.ballot(ben, "cast", "choice", feasible(city).get(1).toString()));
        assertThat(BudgetSetup.receipt(cast)).isNotBlank();
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE pot_id = " + city + " AND counted")).isGreaterThanOrEqualTo(ballots);

        for (String page : pages) assertThat(visitor.get(page).body()).as(page).isEqualTo(before.get(page));
        assertThat(before.get("/budgets/" + live + "/pots/" + city + "/vote")).doesNotContain("so far");
        assertThat(app.signedInAs("officer").get("/budgets/" + live).body()).as("officers still see turnout").contains("Voters");
    }

    @Test
    void thePastVotesAreImportedFromTheSharedPabulibFilesWithTheirResultsPublished() {
        for (String file : DemoBudgets.PAST_VOTES) {
            long process = app.count("SELECT id FROM budget_processes WHERE source_file = '" + file + "' AND phase = 'results'");
            long pot = app.count("SELECT id FROM budget_pots WHERE process_id = " + process);
            assertThat(app.count("SELECT count(*) FROM budget_result_projects WHERE funded AND pot_id = " + pot)).as(file).isPositive();
            TestClient.Response results = app.client().get("/budgets/" + process + "/pots/" + pot + "/results");
            assertThat(results.status()).as(file).isEqualTo(200);
            long funded = app.count("SELECT count(*) FROM budget_result_projects WHERE funded AND pot_id = " + pot);
            String chart = results.body().substring(results.body().indexOf("<svg"), results.body().indexOf("</svg>"));
            assertThat(chart).as("the chart has a title, a text description and one bar part per funded project")
                    .contains("<title id=\"chart-title\">How the pot is spent</title>").contains("<desc id=\"chart-desc\">");
            assertThat(chart.split("y=\"26\" width=").length - 2).as(file).isEqualTo((int) funded);
            java.util.List<String> numbers = java.util.regex.Pattern.compile("Funded \\((\\d+)(?:st|nd|rd|th)\\)").matcher(results.body())
                    .results().map(m -> m.group(1)).toList();
            assertThat(numbers).as("%s: funded projects are numbered 1, 2, 3... without the engine's gaps", file)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, (int) funded).mapToObj(String::valueOf).toList());
        }
        long radosc = app.count("SELECT id FROM budget_processes WHERE source_file = 'Poland_Warszawa_2019_Radosc.pb'");
        assertThat(app.client().get("/budgets/" + radosc).body()).as("an imported vote keeps its own area and says where it came from")
                .contains("<span class=\"govuk-caption-l\">Warszawa, Radość (Poland)</span>")
                .contains("imported from the pabulib file Poland_Warszawa_2019_Radosc.pb")
                .doesNotContain("<span class=\"govuk-caption-l\">Riverford City Council</span>");
        long radoscPot = app.count("SELECT id FROM budget_pots WHERE process_id = " + radosc);
        assertThat(app.client().get("/budgets/" + radosc + "/pots/" + radoscPot + "/results").body())
                .contains("Gimnastyka korekcyjna dla dzieci i młodzieży").contains("PLN151,250.00");
        assertThat(app.client().get("/budgets").body()).contains(DemoBudgets.LIVE_TITLE).contains("Buurtbudget Diamantbuurt");
    }

    @Test
    void theDemoShowsADeliveredProjectOneInProgressAndAProvisionalResultForTheOfficer() {
        long delivered = app.count("SELECT id FROM budget_processes WHERE title = '" + DemoDelivery.DELIVERED_TITLE + "'");
        String overview = app.client().get("/budgets/" + delivered).body();
        assertThat(overview).contains("Delivery of the selected projects").contains("Pocket park on Tannery Lane").contains("Delivered").contains("40%");
        long park = app.count("SELECT id FROM budget_proposals WHERE title = 'Pocket park on Tannery Lane'");
        String parkPage = app.client().get("/budgets/" + delivered + "/proposals/" + park).body();
        assertThat(parkPage).contains("100% done").contains("Opening day").contains("alt=\"The new pocket park on Tannery Lane");
        long photo = app.count("SELECT id FROM budget_delivery_photos WHERE proposal_id = " + park);
        assertThat(app.client().get("/budgets/" + delivered + "/proposals/" + park + "/photos/" + photo).header("Content-Type")).isEqualTo("image/png");
        long gardens = app.count("SELECT id FROM budget_proposals WHERE title = 'Rain gardens in Eastfield'");
        assertThat(app.client().get("/budgets/" + delivered + "/proposals/" + gardens).body()).contains("40% done").contains("Overdue").contains("Planting");

        long youth = app.count("SELECT id FROM budget_processes WHERE title = '" + DemoDelivery.PROVISIONAL_TITLE + "' AND phase = 'counting'");
        long pot = app.count("SELECT id FROM budget_pots WHERE process_id = " + youth);
        String results = "/budgets/" + youth + "/pots/" + pot + "/results";
        assertThat(app.signedInAs("officer").get(results).body()).contains("Provisional – not published");
        assertThat(app.client().get(results).status()).isEqualTo(404);
        assertThat(app.signedInAs("officer").get("/budgets/" + youth + "/phase").body()).contains("Publishing is final");
    }

    @Test
    void withoutTheSharedDataTheDemoStillLoadsItsLiveProcess() throws Exception {
        try (TestApp bare = TestApp.start(Map.of("COMMONWEAL_SHARED_DATA", "/nonexistent/shared-data"))) {
            // No past vote imported; the live one, one in delivery, one counting (the grants demo adds a budget of its own, not counted here).
            assertThat(bare.count("SELECT count(*) FROM budget_processes WHERE source_file IS NOT NULL")).isZero();
            assertThat(bare.count("SELECT count(*) FROM budget_processes WHERE title IN ('Riverford Community Fund', 'Riverford Green Streets Fund 2025', 'Riverside Youth Fund')"))
                    .isEqualTo(3);
            assertThat(bare.count("SELECT count(*) FROM budget_processes WHERE title = 'Riverford Community Fund' AND phase = 'voting'")).isEqualTo(1);
        }
    }
}
