package org.commonweal.platform.budgets;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetPermissionsTest extends PlatformTestCase {
    static BudgetSetup setup;
    static long process;
    static long pot;
    static long proposal;

    @BeforeAll
    static void prepare() {
        setup = new BudgetSetup(app);
        TestClient officer = app.signedInAs("officer");
        process = setup.createProcess(officer, "Riverside decides", "Riverside");
        pot = setup.addPot(officer, process, "Riverside pot", "Riverside", "10000", "knapsack", Map.of());
        setup.advanceTo(officer, process, Phase.IDEAS);
        proposal = setup.propose(app.signedInAs("resident"), process, pot, "Benches by the quay", "1200", "Quayside");
    }

    @Test
    void aResidentCannotCreateProcessesAddPotsOrChangePhases() {
        TestClient resident = app.signedInAs("resident");
        assertThat(resident.get("/budgets/new").status()).isEqualTo(403);
        resident.get("/budgets");
        assertThat(resident.post("/budgets", Map.of("title", "Mine", "summary", "", "place", String.valueOf(setup.place("Riverside")))).status()).isEqualTo(403);
        assertThat(resident.post("/budgets/" + process + "/pots", Map.of("name", "x", "amount", "5", "place", "1")).status()).isEqualTo(403);
        assertThat(resident.get("/budgets/" + process + "/pots/" + pot + "/edit").status()).isEqualTo(403);
        assertThat(resident.post("/budgets/" + process + "/pots/" + pot, Map.of("name", "x", "amount", "5", "place", "1")).status()).isEqualTo(403);
        assertThat(resident.post("/budgets/" + process + "/phase", Map.of("from", "ideas")).status()).isEqualTo(403);
        assertThat(resident.post("/budgets/" + process + "/dates", Map.of()).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM budget_processes WHERE title = 'Mine'")).isZero();
        assertThat(app.count("SELECT count(*) FROM budget_pots WHERE name = 'Riverside pot'")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM budget_processes WHERE phase = 'ideas'")).isEqualTo(1);
    }

    @Test
    void aResidentCannotMarkFeasibility() {
        TestClient resident = app.signedInAs("resident");
        resident.get("/budgets/" + process + "/proposals/" + proposal);
        TestClient.Response r = resident.post("/budgets/" + process + "/proposals/" + proposal + "/feasibility",
                Map.of("decision", "feasible", "councilCost", "100"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM budget_proposals WHERE status = 'submitted'")).isEqualTo(1);
    }

    @Test
    void aResidentCannotPublishDeliveryUpdates() {
        TestClient resident = app.signedInAs("resident");
        resident.get("/budgets/" + process + "/proposals/" + proposal);
        assertThat(resident.post("/budgets/" + process + "/proposals/" + proposal + "/delivery", Map.of("status", "done", "note", "")).status())
                .isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM budget_delivery_updates WHERE proposal_id = " + proposal)).isZero();
    }

    @Test
    void aResidentCannotEditOrWithdrawSomeoneElsesProposal() {
        TestClient other = app.client();
        other.signIn("ben@demo.commonweal.org", "demo-resident-pass");
        assertThat(other.get("/budgets/" + process + "/proposals/" + proposal + "/edit").status()).isEqualTo(403);
        assertThat(other.post("/budgets/" + process + "/proposals/" + proposal, Map.of("title", "Taken over")).status()).isEqualTo(403);
        assertThat(other.post("/budgets/" + process + "/proposals/" + proposal + "/withdraw", Map.of()).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM budget_proposals WHERE title = 'Benches by the quay' AND status = 'submitted'")).isEqualTo(1);
    }

    @Test
    void anonymousVisitorsCanReadButCannotProposeOrVote() {
        TestClient visitor = app.client();
        assertThat(visitor.get("/budgets").status()).isEqualTo(200);
        assertThat(visitor.get("/budgets/" + process).body()).contains("Riverside decides").contains("Riverside pot");
        assertThat(visitor.get("/budgets/" + process + "/proposals").body()).contains("Benches by the quay");
        assertThat(visitor.get("/budgets/" + process + "/pots/" + pot + "/vote").status()).as("sent to sign in").isEqualTo(302);
        visitor.get("/budgets/receipt");
        assertThat(visitor.csrf()).as("a valid token, so the refusal below is the role check").isNotNull();
        assertThat(visitor.post("/budgets/" + process + "/pots/" + pot + "/vote", Map.of("step", "cast", "choice", String.valueOf(proposal))).status())
                .isEqualTo(403);
        assertThat(visitor.post("/budgets/" + process + "/proposals", Map.of("pot", String.valueOf(pot), "title", "x")).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE pot_id = " + pot)).isZero();
    }

    @Test
    void anOfficerPageIsNotShownToResidentsAndOfficerControlsAreHidden() {
        TestClient resident = app.signedInAs("resident");
        String page = resident.get("/budgets/" + process).body();
        assertThat(page).doesNotContain("/budgets/" + process + "/phase").doesNotContain("/pots/new");
        String officerPage = app.signedInAs("officer").get("/budgets/" + process).body();
        assertThat(officerPage).contains("/budgets/" + process + "/phase").contains("/pots/new");
    }

    @Test
    void anOfficerChangesAPotBeforeVotingButCannotShrinkItsAreaBelowItsProposals() {
        TestClient officer = app.signedInAs("officer");
        String page = officer.get("/budgets/" + process + "/pots/" + pot + "/edit").body();
        assertThat(page).contains("value=\"10000.00\"").contains("value=\"42\"");
        Map<String, String> form = new java.util.HashMap<>(Map.of("name", "Riverside pot", "place", String.valueOf(setup.place("Riverside")),
                "amount", "12000", "ballotType", "approval", "maxProjects", "3", "rule", "greedy", "tieBreak", "votes,lottery", "tieSeed", "7"));
        assertThat(officer.post("/budgets/" + process + "/pots/" + pot, form).status()).isEqualTo(302);
        assertThat(app.count("SELECT amount FROM budget_pots WHERE id = " + pot)).isEqualTo(1_200_000);
        assertThat(app.count("SELECT max_projects FROM budget_pots WHERE id = " + pot)).isEqualTo(3);
        form.put("place", String.valueOf(setup.place("Old Wharf")));
        officer.get("/budgets/" + process + "/pots/" + pot + "/edit");
        TestClient.Response shrink = officer.post("/budgets/" + process + "/pots/" + pot, form);
        assertThat(shrink.status()).isEqualTo(422);
        assertThat(shrink.body()).contains("Some proposals are outside that area");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.pot.updated'")).isEqualTo(1);
        form.put("place", String.valueOf(setup.place("Riverside")));
        form.putAll(Map.of("amount", "10000", "ballotType", "knapsack", "maxProjects", "", "tieBreak", "cost,votes,lottery", "tieSeed", "42"));
        officer.get("/budgets/" + process + "/pots/" + pot + "/edit");
        assertThat(officer.post("/budgets/" + process + "/pots/" + pot, form).status()).isEqualTo(302);
    }
}
