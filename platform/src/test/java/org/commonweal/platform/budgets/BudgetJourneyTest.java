package org.commonweal.platform.budgets;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole life of a budget through the web pages: set up, propose, cost, vote, count, publish, export. */
class BudgetJourneyTest extends PlatformTestCase {
    static BudgetSetup setup;

    @BeforeAll
    static void prepare() {
        setup = new BudgetSetup(app);
    }

    @Test
    void anOfficerSetsUpResidentsProposeTheCouncilCostsResidentsVoteAndTheResultsArePublished() throws Exception {
        TestClient officer = app.signedInAs("officer");
        long process = setup.createProcess(officer, "Riverford decides 2026", "Riverford City Council");
        long pot = setup.addPot(officer, process, "Riverside pot", "Riverside", "10,000", "knapsack", Map.of());
        officer.get("/budgets/" + process);
        assertThat(officer.post("/budgets/" + process + "/dates", Map.of("ideas.starts", "2026-03-01", "ideas.ends", "2026-03-31")).status()).isEqualTo(302);
        assertThat(officer.get("/budgets/" + process).body()).contains("£10,000.00").contains("1 March 2026 to 31 March 2026");

        setup.advanceTo(officer, process, Phase.IDEAS);
        TestClient amira = app.signedInAs("resident");
        long benches = setup.propose(amira, process, pot, "Café benches on the quay", "3000", "Quayside");
        long playground = setup.propose(amira, process, pot, "Riverside playground", "6500", "Ferry Row");
        long lighting = setup.propose(amira, process, pot, "Quay lighting", "4000", "Quayside");
        long bridge = setup.propose(amira, process, pot, "A new bridge", "9000", "Old Wharf");
        long oops = setup.propose(amira, process, pot, "Duplicate idea", "100", "Old Wharf");

        amira.get("/budgets/" + process + "/proposals/" + playground + "/edit");
        TestClient.Response edited = amira.post("/budgets/" + process + "/proposals/" + playground, Map.of("pot", String.valueOf(pot),
                "title", "Riverside playgrounds for toddlers", "description", "Swings and a sandpit.", "theme", "play",
                "estimatedCost", "7000", "place", String.valueOf(setup.place("Ferry Row"))));
        assertThat(edited.status()).isEqualTo(302);
        amira.get("/budgets/" + process + "/proposals/" + oops);
        assertThat(amira.post("/budgets/" + process + "/proposals/" + oops + "/withdraw", Map.of()).status()).isEqualTo(302);

        String all = app.client().get("/budgets/" + process + "/proposals").body();
        assertThat(all).contains("Café benches").contains("Quay lighting").doesNotContain("Duplicate idea");
        assertThat(app.client().get("/budgets/" + process + "/proposals?q=cafe").body()).as("accents do not matter")
                .contains("Café benches").doesNotContain("Quay lighting");
        assertThat(app.client().get("/budgets/" + process + "/proposals?q=playground").body()).as("stemming")
                .contains("Riverside playgrounds for toddlers").doesNotContain("Café benches");
        assertThat(app.client().get("/budgets/" + process + "/proposals?q=sandpit").body()).as("description is searched")
                .contains("Riverside playgrounds");
        assertThat(app.client().get("/budgets/" + process + "/proposals?theme=play").body())
                .contains("Riverside playgrounds").doesNotContain("Quay lighting");
        assertThat(app.client().get("/budgets/" + process + "/proposals?place=" + setup.place("Old Wharf")).body())
                .contains("A new bridge").doesNotContain("Quay lighting");
        assertThat(app.client().get("/budgets/" + process + "/proposals?place=" + setup.place("Riverside")).body()).as("a ward includes its neighbourhoods")
                .contains("A new bridge").contains("Quay lighting");
        assertThat(app.client().get("/budgets/" + process + "/proposals?place=" + setup.place("Northgate")).body()).doesNotContain("Quay lighting");
        assertThat(app.client().get("/budgets/" + process + "/proposals?status=withdrawn").body())
                .contains("Duplicate idea").doesNotContain("Quay lighting");

        // A resident who follows two ideas hears of every change to them: costed, selected or not, delivered.
        TestClient fan = setup.resident("fan@example.org", "Quayside");
        for (long followed : List.of(benches, lighting, playground)) {
            fan.get("/budgets/" + process + "/proposals/" + followed);
            assertThat(fan.post("/follows", Map.of("subject", "proposal:" + followed, "follow", "yes",
                    "return", "/budgets/" + process + "/proposals/" + followed)).status()).isEqualTo(302);
        }
        setup.advanceTo(officer, process, Phase.FEASIBILITY);
        amira.get("/budgets/" + process + "/proposals/" + lighting);
        assertThat(amira.post("/budgets/" + process + "/proposals/" + lighting + "/withdraw", Map.of()).status())
                .as("authors cannot change ideas once drafting has closed").isEqualTo(409);
        setup.feasible(officer, process, benches, "2500");
        setup.feasible(officer, process, playground, "7000");
        setup.feasible(officer, process, lighting, "4000");
        officer.get("/budgets/" + process + "/proposals/" + bridge);
        TestClient.Response noReason = officer.post("/budgets/" + process + "/proposals/" + bridge + "/feasibility", Map.of("decision", "not_feasible"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("Give the reason it is not feasible");
        assertThat(officer.post("/budgets/" + process + "/proposals/" + bridge + "/feasibility",
                Map.of("decision", "not_feasible", "reason", "The river bank is not council land.")).status()).isEqualTo(302);
        String benchesPage = app.client().get("/budgets/" + process + "/proposals/" + benches).body();
        assertThat(benchesPage).contains("£3,000.00").contains("£2,500.00").contains("Feasible");
        assertThat(app.client().get("/budgets/" + process + "/proposals/" + bridge).body()).contains("The river bank is not council land.");

        setup.advanceTo(officer, process, Phase.VOTING);
        String ballotPage = amira.get("/budgets/" + process + "/pots/" + pot + "/vote").body();
        assertThat(ballotPage).contains("type=\"checkbox\"").contains("Café benches").doesNotContain("A new bridge").doesNotContain("<script>");
        TestClient.Response review = amira.post("/budgets/" + process + "/pots/" + pot + "/vote",
                Map.of("step", "review", "choice", String.valueOf(benches)));
        assertThat(review.body()).contains("<progress").contains("max=\"1000000\"").contains("value=\"250000\"").contains("Cast my vote");
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE pot_id = " + pot)).as("reviewing stores nothing").isZero();

        List<List<Long>> votes = List.of(List.of(benches, playground), List.of(playground), List.of(benches, lighting),
                List.of(playground, benches), List.of(lighting));
        String firstReceipt = null;
        String[] homes = {"Quayside", "Old Wharf", "Ferry Row", "Quayside", "Ferry Row"};
        for (int i = 0; i < votes.size(); i++) {
            TestClient voter = i == 0 ? amira : setup.resident("voter" + i + "@example.org", homes[i]);
            String receipt = BudgetSetup.receipt(cast(voter, process, pot, votes.get(i)));
            if (firstReceipt == null) firstReceipt = receipt;
        }
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + pot)).isEqualTo(5);

        setup.advanceTo(officer, process, Phase.RESULTS);
        TestClient.Response late = cast(setup.resident("late@example.org", "Quayside"), process, pot, List.of(benches));
        assertThat(late.status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE pot_id = " + pot)).as("no ballot after voting closed").isEqualTo(5);

        // Greedy by approvals, ties to the cheaper project: benches (3 votes, £2,500), playground (3, £7,000), then lighting does not fit.
        String results = app.client().get("/budgets/" + process + "/pots/" + pot + "/results").body();
        assertThat(results).contains("<dd class=\"govuk-summary-list__value\" id=\"spent\">£9,500.00</dd>")
                .contains("<dd class=\"govuk-summary-list__value\" id=\"left\">£500.00</dd>")
                .contains("Most votes first").contains("the cheaper project, then more votes, then a drawing of lots (lottery seed 42)")
                .contains("Commonweal 0.1.0").as("no engine codes, records or build names")
                .doesNotContain("cost,votes,lottery").doesNotContain("development build").doesNotContain("Greedy[").doesNotContain("GreedyReason");
        assertThat(row(results, benches)).contains("Funded (1st)");
        assertThat(row(results, playground)).contains("Funded (2nd)");
        assertThat(row(results, lighting)).contains("Not funded")
                .contains("Support 2. When its turn came only £500.00 was left, less than its cost of £4,000.00.");
        assertThat(row(results, benches)).contains("Support 3. When its turn came £10,000.00 was left, enough to fund it; £7,500.00 was left after it.");
        assertThat(results).doesNotContain("A new bridge");
        // The audit in words: the fifth voter chose only lighting; satisfactions 9,500, 7,000, 2,500, 9,500, 0 give Gini 0.36;
        // lighting (40% of the pot) had too few voters left with nothing to claim it.
        assertThat(results).contains("1 voter of 5 (20%) had none of the projects they chose funded.")
                .contains("Gini coefficient of what voters got: 0.36").contains("Every group of voters who could have afforded projects together");

        assertThat(app.client().get("/budgets/" + process + "/proposals/" + benches).body()).contains(">Selected<");
        assertThat(app.client().get("/budgets/" + process + "/proposals/" + lighting).body()).contains(">Not selected<");
        assertThat(app.client().get("/budgets/" + process + "/proposals").body()).contains(">Selected<").contains(">Not selected<");
        assertThat(app.client().get("/budgets/" + process + "/proposals?outcome=selected").body())
                .contains("Café benches on the quay").contains("Riverside playground").doesNotContain("Quay lighting");
        assertThat(app.client().get("/budgets/" + process + "/proposals?outcome=not_selected").body())
                .contains("Quay lighting").doesNotContain("Café benches on the quay");
        TestClient.Response both = app.client().get("/budgets/" + process + "/proposals?status=feasible&outcome=selected");
        assertThat(both.status()).as("a status and an outcome together").isEqualTo(200);
        assertThat(both.body()).contains("Café benches on the quay").doesNotContain("Quay lighting");
        var openData = new com.fasterxml.jackson.databind.ObjectMapper().readTree(app.client().get("/open-data/budget-proposals.json").body());
        for (var row : openData) {
            if (row.get("id").asLong() == benches) assertThat(row.get("selected").asBoolean()).isTrue();
            if (row.get("id").asLong() == lighting) assertThat(row.get("selected").isBoolean() && !row.get("selected").asBoolean()).isTrue();
        }

        String pb = app.client().get("/budgets/" + process + "/pots/" + pot + "/votes.pb").body();
        assertThat(pb).startsWith("META").contains("vote_type;approval").contains("budget;10000.00").contains("\nVOTES\n");
        assertThat(pb.substring(pb.indexOf("VOTES"))).contains("\n1;").contains("\n5;").doesNotContain("\n6;")
                .doesNotContain("amira").doesNotContain("@");

        TestClient visitor = app.client();
        visitor.get("/budgets/receipt");
        assertThat(visitor.post("/budgets/receipt", Map.of("receipt", firstReceipt.toLowerCase())).body()).contains("This ballot is in the count.");
        assertThat(visitor.post("/budgets/receipt", Map.of("receipt", "AAAA-BBBB-CCCC-DDDD-EEEE")).body()).contains("We have no ballot with this receipt code");

        setup.advanceTo(officer, process, Phase.DELIVERY);
        String deliveryPath = "/budgets/" + process + "/proposals/" + playground + "/delivery";
        officer.get("/budgets/" + process + "/proposals/" + playground);
        assertThat(officer.post(deliveryPath, Map.of("status", "in_progress", "note", "Contractor appointed.")).status()).isEqualTo(302);
        TestClient.Response noCancelReason = officer.post(deliveryPath, Map.of("status", "cancelled", "note", ""));
        assertThat(noCancelReason.status()).isEqualTo(422);
        assertThat(noCancelReason.body()).contains("Say why the project was cancelled");
        assertThat(officer.post(deliveryPath, Map.of("status", "cancelled", "note", "The site flooded.")).status()).isEqualTo(302);
        officer.get("/budgets/" + process + "/proposals/" + lighting);
        assertThat(officer.post("/budgets/" + process + "/proposals/" + lighting + "/delivery", Map.of("status", "done", "note", "")).status())
                .as("an unfunded project has no delivery").isEqualTo(409);
        String playgroundPage = app.client().get("/budgets/" + process + "/proposals/" + playground).body();
        assertThat(playgroundPage).contains("Cancelled: The site flooded.").contains("In progress: Contractor appointed.");
        assertThat(playgroundPage.indexOf("The site flooded.")).as("newest first").isLessThan(playgroundPage.indexOf("Contractor appointed."));
        assertThat(row(app.client().get("/budgets/" + process + "/pots/" + pot + "/results").body(), playground)).contains("Cancelled");
        assertThat(row(app.client().get("/budgets/" + process + "/pots/" + pot + "/results").body(), benches)).contains("Not started");
        String news = fan.get("/notifications").body();
        assertThat(news).contains("was checked by the council: it can be done, costed at £2,500.00")
                .contains("was selected: it is funded in").contains("was not selected in")
                .contains("is under way, 0% done. Contractor appointed.").contains("has been cancelled: The site flooded.")
                .contains("Café benches on the quay").contains("Quay lighting");

        List<String> actions = app.database.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT action FROM audit_log WHERE action LIKE 'budget.%'")
                .mapTo(String.class).list());
        assertThat(actions).contains("budget.process.created", "budget.pot.created", "budget.dates.saved", "budget.phase.opened",
                "budget.proposal.feasible", "budget.proposal.not_feasible", "budget.results.computed", "budget.delivery.updated");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.phase.opened' AND subject = 'budget:" + process + "'"))
                .as("seven stages after information, counting among them").isEqualTo(7);
    }

    private static TestClient.Response cast(TestClient voter, long process, long pot, List<Long> choice) {
        voter.get("/budgets/" + process + "/pots/" + pot + "/vote");
        StringBuilder body = new StringBuilder("step=cast&_csrf=").append(voter.csrf());
        for (long id : choice) body.append("&choice=").append(id);
        return BudgetSetup.postBody(app, voter, "/budgets/" + process + "/pots/" + pot + "/vote", body.toString());
    }

    private static String row(String results, long proposal) {
        int start = results.indexOf("id=\"result-" + proposal + "\"");
        assertThat(start).as("results row for %s", proposal).isPositive();
        return results.substring(start, results.indexOf("</tr>", start));
    }
}
