package org.commonweal.platform.budgets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing voting counts every pot provisionally: only officers see that result, marked as such; they may count again
 * (after settling paper ballots) and publish it on a confirmation page that says publishing is final. Every stage move
 * needs that second step.
 */
class ProvisionalResultsTest extends PlatformTestCase {
    static BudgetSetup setup;

    @BeforeAll
    static void prepare() {
        setup = new BudgetSetup(app);
    }

    private static String phase(long process) {
        return app.database.jdbi().withHandle(h -> h.createQuery("SELECT phase FROM budget_processes WHERE id = :id").bind("id", process)
                .mapTo(String.class).one());
    }

    @Test
    void aStageMovesOnlyFromItsConfirmationPage() {
        TestClient officer = app.signedInAs("officer");
        long process = setup.createProcess(officer, "Confirm each stage", "Riverside");
        assertThat(officer.get("/budgets/" + process).body()).contains("href=\"/budgets/" + process + "/phase\"");
        String confirm = officer.get("/budgets/" + process + "/phase").body();
        assertThat(confirm).contains("Open Confirm each stage for ideas?").contains("Yes, open for ideas").contains("name=\"confirm\" value=\"yes\"");
        TestClient.Response unconfirmed = officer.post("/budgets/" + process + "/phase", Map.of("from", "information"));
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("Nothing has changed");
        assertThat(phase(process)).isEqualTo("information");
        assertThat(officer.post("/budgets/" + process + "/phase", Map.of("from", "information", "confirm", "yes")).status()).isEqualTo(302);
        assertThat(phase(process)).isEqualTo("ideas");
    }

    @Test
    void onlyOfficersSeeAProvisionalResultWhichTheyMayRecountAndThenPublishForGood() throws Exception {
        TestClient officer = app.signedInAs("officer");
        TestClient second = setup.officer("second-counter@example.org");
        long process = setup.createProcess(officer, "Provisional Fund", "Riverside");
        long pot = setup.addPot(officer, process, "Provisional pot", "Riverside", "12,345", "approval", Map.of("maxProjects", "1"));
        setup.advanceTo(officer, process, Phase.IDEAS);
        TestClient author = app.signedInAs("resident");
        long kiosk = setup.propose(author, process, pot, "Harbour kiosk", "9000", "Quayside");
        long murals = setup.propose(author, process, pot, "Underpass murals", "9000", "Quayside");
        setup.advanceTo(officer, process, Phase.FEASIBILITY);
        setup.feasible(officer, process, kiosk, "9000");
        setup.feasible(officer, process, murals, "9000");
        TestClient fan = setup.resident("provisional-fan@example.org", "Quayside");
        fan.get("/budgets/" + process + "/proposals/" + kiosk);
        assertThat(fan.post("/follows", Map.of("subject", "proposal:" + kiosk, "follow", "yes", "return", "/budgets/" + process)).status()).isEqualTo(302);
        setup.advanceTo(officer, process, Phase.VOTING);
        // Two online votes for the kiosk; one paper ballot for the murals counted, two more pending at the close.
        for (int i = 0; i < 2; i++) {
            TestClient voter = setup.resident("provisional-voter" + i + "@example.org", "Quayside");
            voter.get("/budgets/" + process + "/pots/" + pot + "/vote");
            assertThat(BudgetSetup.postBody(app, voter, "/budgets/" + process + "/pots/" + pot + "/vote",
                    BudgetSetup.ballot(voter, "cast", "choice", String.valueOf(kiosk))).status()).isEqualTo(200);
        }
        for (String sheet : new String[]{"1", "2", "3"}) {
            assertThat(BudgetSetup.keySheet(officer, process, pot, "Hall", sheet, "projects", "" + murals).status()).isEqualTo(302);
        }
        assertThat(BudgetSetup.keySheet(second, process, pot, "Hall", "1", "projects", "" + murals).status()).isEqualTo(302);

        String closing = officer.get("/budgets/" + process + "/phase").body();
        assertThat(closing).contains("Close voting for Provisional Fund?").contains("Voting cannot be opened again").contains("Provisional pot: 2 sheets waiting");
        setup.advanceTo(officer, process, Phase.COUNTING);
        String resultsPath = "/budgets/" + process + "/pots/" + pot + "/results";
        String provisional = officer.get(resultsPath).body();
        assertThat(provisional).contains("Provisional results: Provisional pot").contains("Provisional – not published")
                .contains("Count this pot again").contains("href=\"/budgets/" + process + "/phase\"");
        assertThat(app.count("SELECT ballots_counted FROM budget_results WHERE pot_id = " + pot)).isEqualTo(3);
        assertThat(rowOf(provisional, kiosk)).contains("Funded");

        // Nobody but officers sees anything of the count: not the page, the export, open data, the proposal, the list or the home page.
        for (TestClient outsider : new TestClient[]{app.client(), app.signedInAs("resident"), fan}) {
            assertThat(outsider.get(resultsPath).status()).isEqualTo(404);
            assertThat(outsider.get("/budgets/" + process + "/pots/" + pot + "/votes.pb").status()).isEqualTo(404);
            assertThat(outsider.get("/budgets/" + process + "/proposals/" + kiosk).body()).doesNotContain(">Selected<").doesNotContain(">Not selected<");
            assertThat(outsider.get("/budgets/" + process + "/proposals?outcome=selected").body()).doesNotContain("Harbour kiosk");
            assertThat(outsider.get("/budgets/" + process).body()).doesNotContain("/results\"").doesNotContain("Delivery of the selected");
            assertThat(outsider.get("/").body()).doesNotContain("£12,345.00");
            assertThat(outsider.get("/search?q=kiosk").body()).doesNotContain(">Selected<");
        }
        var openData = new ObjectMapper().readTree(app.client().get("/open-data/budget-proposals.json").body());
        for (var row : openData) {
            if (row.get("id").asLong() == kiosk || row.get("id").asLong() == murals) {
                assertThat(row.get("selected").isNull()).as("nothing selected before publishing: %s", row).isTrue();
                assertThat(row.get("delivery_status").isNull()).isTrue();
            }
        }
        assertThat(fan.get("/notifications").body()).doesNotContain("was selected").doesNotContain("was not selected");

        // Paper sheets cast before the close can still be settled; counting again replaces the provisional result.
        assertThat(BudgetSetup.keySheet(second, process, pot, "Hall", "2", "projects", "" + murals).status()).isEqualTo(302);
        assertThat(BudgetSetup.keySheet(second, process, pot, "Hall", "3", "projects", "" + murals).status()).isEqualTo(302);
        officer.get(resultsPath);
        TestClient.Response recount = officer.post("/budgets/" + process + "/pots/" + pot + "/recount", Map.of());
        assertThat(recount.status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM budget_results WHERE pot_id = " + pot)).isEqualTo(1);
        assertThat(app.count("SELECT ballots_counted FROM budget_results WHERE pot_id = " + pot)).isEqualTo(5);
        String recounted = officer.get(resultsPath).body();
        assertThat(rowOf(recounted, murals)).contains("Funded");
        assertThat(rowOf(recounted, kiosk)).contains("Not funded");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.results.recounted' AND subject = 'pot:" + pot + "'")).isEqualTo(1);
        assertThat(app.signedInAs("resident").post("/budgets/" + process + "/pots/" + pot + "/recount", Map.of()).status()).isEqualTo(403);

        // Publishing: the page says it is final; a post without the confirmation publishes nothing.
        String publish = officer.get("/budgets/" + process + "/phase").body();
        assertThat(publish).contains("Publish the results of Provisional Fund?").contains("Publishing is final").contains("Yes, publish the results");
        assertThat(officer.post("/budgets/" + process + "/phase", Map.of("from", "counting")).status()).isEqualTo(422);
        assertThat(phase(process)).isEqualTo("counting");
        assertThat(app.client().get(resultsPath).status()).isEqualTo(404);
        assertThat(officer.post("/budgets/" + process + "/phase", Map.of("from", "counting", "confirm", "yes")).status()).isEqualTo(302);

        String published = app.client().get(resultsPath).body();
        assertThat(published).contains("Results: Provisional pot").doesNotContain("Provisional – not published").doesNotContain("Count this pot again");
        assertThat(rowOf(published, murals)).contains("Funded");
        assertThat(app.client().get("/budgets/" + process + "/proposals/" + kiosk).body()).contains(">Not selected<");
        assertThat(fan.get("/notifications").body()).contains("was not selected in");
        officer.get(resultsPath);
        assertThat(officer.post("/budgets/" + process + "/pots/" + pot + "/recount", Map.of()).status()).as("published is final").isEqualTo(409);
        assertThat(app.count("SELECT ballots_counted FROM budget_results WHERE pot_id = " + pot)).isEqualTo(5);
    }

    @Test
    void plannedDatesCloseVotingButNeverPublish() {
        TestClient officer = app.signedInAs("officer");
        long process = setup.createProcess(officer, "Dated fund", "Riverside");
        setup.addPot(officer, process, "Dated pot", "Riverside", "100", "approval", Map.of());
        setup.advanceTo(officer, process, Phase.VOTING);
        java.time.LocalDate today = java.time.LocalDate.now(BudgetsFeature.COUNCIL_ZONE);
        officer.get("/budgets/" + process);
        assertThat(officer.post("/budgets/" + process + "/dates", Map.of("voting.ends", today.minusDays(3).toString(),
                "results.starts", today.minusDays(1).toString(), "autoAdvance", "on")).status()).isEqualTo(302);
        app.platform.feature(BudgetsFeature.class).budgets().catchUp(process, today);
        assertThat(phase(process)).as("voting closed by its date; publishing waits for an officer").isEqualTo("counting");
    }

    @Test
    void aVoterRegisterIsExtendedUntilVotingClosesNotWhileCounting() {
        TestClient officer = app.signedInAs("officer");
        long process = setup.createProcess(officer, "Registered fund", "Riverside");
        long pot = setup.addPot(officer, process, "Registered pot", "Riverside", "100", "approval", Map.of());
        String path = "/budgets/" + process + "/pots/" + pot + "/register";
        officer.get(path);
        assertThat(BudgetSetup.postFile(app, officer, path, Map.of(), "register.csv", "AB1\nAB2\n".getBytes()).status()).isLessThan(400);
        setup.advanceTo(officer, process, Phase.VOTING);
        officer.get(path);
        assertThat(BudgetSetup.postFile(app, officer, path, Map.of(), "register.csv", "AB3\n".getBytes()).status()).isLessThan(400);
        setup.advanceTo(officer, process, Phase.COUNTING);
        officer.get(path);
        assertThat(BudgetSetup.postFile(app, officer, path, Map.of(), "register.csv", "AB4\n".getBytes()).status())
                .as("no identifier can join after the close to let a paper ballot in").isEqualTo(409);
        assertThat(app.count("SELECT count(*) FROM budget_register_entries WHERE pot_id = " + pot))
                .isEqualTo(3);
    }

    @Test
    void votingCodesAreIssuedUntilVotingClosesNotWhileCounting() {
        TestClient officer = app.signedInAs("officer");
        long process = setup.createProcess(officer, "Coded fund", "Riverside");
        long pot = setup.addPot(officer, process, "Coded pot", "Riverside", "100", "approval", Map.of());
        setup.advanceTo(officer, process, Phase.VOTING);
        String path = "/budgets/" + process + "/pots/" + pot + "/codes";
        officer.get("/budgets/" + process);
        assertThat(officer.post(path, Map.of("count", "2", "format", "csv")).status()).isEqualTo(200);
        setup.advanceTo(officer, process, Phase.COUNTING);
        officer.get("/budgets/" + process);
        long before = app.count("SELECT count(*) FROM budget_voting_codes WHERE pot_id = " + pot);
        TestClient.Response late = officer.post(path, Map.of("count", "2", "format", "csv"));
        assertThat(late.status()).as("a code issued after the close could never be used").isEqualTo(422);
        assertThat(late.body()).contains("once voting has closed");
        assertThat(app.count("SELECT count(*) FROM budget_voting_codes WHERE pot_id = " + pot)).isEqualTo(before);
    }

    /** The results table's row for a proposal. */
    static String rowOf(String page, long proposal) {
        int at = page.indexOf("id=\"result-" + proposal + "\"");
        assertThat(at).as("row of %s", proposal).isPositive();
        return page.substring(at, page.indexOf("</tr>", at));
    }
}
