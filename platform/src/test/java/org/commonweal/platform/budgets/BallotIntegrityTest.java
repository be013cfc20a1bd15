package org.commonweal.platform.budgets;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Ballot validity, one counted ballot per voter under concurrency, and secrecy: who voted is never tied to what. */
class BallotIntegrityTest extends PlatformTestCase {
    static BudgetSetup setup;
    static long process;
    static long knapsack, approval, cumulative, ranked;
    static long k60, k50, k10, kInfeasible, a1, a2, a3, c1, c2, r1, r2, r3;
    static int voters;

    @BeforeAll
    static void prepare() {
        setup = new BudgetSetup(app);
        TestClient officer = app.signedInAs("officer");
        process = setup.createProcess(officer, "Riverside decides", "Riverside");
        knapsack = setup.addPot(officer, process, "Knapsack pot", "Riverside", "100", "knapsack", Map.of());
        approval = setup.addPot(officer, process, "Approval pot", "Riverside", "100", "approval", Map.of("minProjects", "2", "maxProjects", "2"));
        cumulative = setup.addPot(officer, process, "Points pot", "Riverside", "100", "cumulative", Map.of("maxPoints", "10"));
        ranked = setup.addPot(officer, process, "Ranked pot", "Riverside", "100", "ranked", Map.of("maxProjects", "2"));
        setup.advanceTo(officer, process, Phase.IDEAS);
        TestClient author = app.signedInAs("resident");
        k60 = setup.propose(author, process, knapsack, "Sixty", "60", "Quayside");
        k50 = setup.propose(author, process, knapsack, "Fifty", "50", "Quayside");
        k10 = setup.propose(author, process, knapsack, "Ten", "10", "Quayside");
        kInfeasible = setup.propose(author, process, knapsack, "Impossible", "10", "Quayside");
        a1 = setup.propose(author, process, approval, "A one", "10", "Quayside");
        a2 = setup.propose(author, process, approval, "A two", "10", "Quayside");
        a3 = setup.propose(author, process, approval, "A three", "10", "Quayside");
        c1 = setup.propose(author, process, cumulative, "C one", "10", "Quayside");
        c2 = setup.propose(author, process, cumulative, "C two", "10", "Quayside");
        r1 = setup.propose(author, process, ranked, "R one", "10", "Quayside");
        r2 = setup.propose(author, process, ranked, "R two", "10", "Quayside");
        r3 = setup.propose(author, process, ranked, "R three", "10", "Quayside");
        setup.advanceTo(officer, process, Phase.FEASIBILITY);
        for (long p : new long[]{k60, k50, k10, a1, a2, a3, c1, c2, r1, r2, r3}) setup.feasible(officer, process, p, cost(p));
        officer.get("/budgets/" + process + "/proposals/" + kInfeasible);
        officer.post("/budgets/" + process + "/proposals/" + kInfeasible + "/feasibility", Map.of("decision", "not_feasible", "reason", "No."));
        setup.advanceTo(officer, process, Phase.VOTING);
    }

    private static String cost(long proposal) {
        return proposal == k60 ? "60" : proposal == k50 ? "50" : "10";
    }

    private static TestClient newVoter() {
        return setup.resident("voter" + (++voters) + "@example.org", "Ferry Row");
    }

    private static TestClient.Response vote(TestClient voter, long pot, String... pairs) {
        voter.get("/budgets/" + process + "/pots/" + pot + "/vote");
        return BudgetSetup.postBody(app, voter, "/budgets/" + process + "/pots/" + pot + "/vote", BudgetSetup.ballot(voter, "cast", pairs));
    }

    private static long ballots() {
        return app.count("SELECT count(*) FROM budget_ballots");
    }

    @Test
    void invalidBallotsAreRefusedWithAClearMessageAndNothingIsStored() {
        TestClient voter = newVoter();
        long before = ballots();
        long votersBefore = app.count("SELECT count(*) FROM budget_voters");
        assertRefused(vote(voter, knapsack, "choice", "" + k60, "choice", "" + k50), "cost £110.00, more than the £100.00 in this pot");
        assertRefused(vote(voter, knapsack, "choice", "" + kInfeasible), "not on this ballot");
        assertRefused(vote(voter, knapsack, "choice", "999999"), "not on this ballot");
        assertRefused(vote(voter, knapsack, "choice", "" + a1), "not on this ballot");
        assertRefused(vote(voter, knapsack, "choice", "" + k10, "choice", "" + k10), "not on this ballot");
        assertRefused(vote(voter, knapsack, "choice", "ten"), "not on this ballot");
        assertRefused(vote(voter, knapsack), "Choose at least one project");
        assertRefused(vote(voter, approval, "choice", "" + a1), "Choose at least 2 projects");
        assertRefused(vote(voter, approval, "choice", "" + a1, "choice", "" + a2, "choice", "" + a3), "Choose no more than 2 projects");
        assertRefused(vote(voter, cumulative, "points." + c1, "6", "points." + c2, "5"), "You gave 11 points, but you have 10");
        assertRefused(vote(voter, cumulative, "points." + c1, "-1"), "whole numbers, 0 or more");
        assertRefused(vote(voter, cumulative, "points." + c1, "2.5"), "whole numbers, 0 or more");
        assertRefused(vote(voter, ranked, "rank." + r1, "1", "rank." + r2, "3"), "without gaps or repeats");
        assertRefused(vote(voter, ranked, "rank." + r1, "1", "rank." + r2, "1"), "without gaps or repeats");
        assertRefused(vote(voter, ranked, "rank." + r1, "1", "rank." + r2, "2", "rank." + r3, "3"), "Choose no more than 2 projects");
        assertThat(ballots()).isEqualTo(before);
        assertThat(app.count("SELECT count(*) FROM budget_voters")).isEqualTo(votersBefore);
    }

    private static void assertRefused(TestClient.Response r, String message) {
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("Your vote was not recorded").contains(message).doesNotContain("id=\"receipt\"");
    }

    @Test
    void validBallotsOfEveryTypeAreStoredAsCast() {
        TestClient voter = newVoter();
        BudgetSetup.receipt(vote(voter, knapsack, "choice", "" + k50, "choice", "" + k10));
        BudgetSetup.receipt(vote(voter, approval, "choice", "" + a3, "choice", "" + a1));
        BudgetSetup.receipt(vote(voter, cumulative, "points." + c1, "7", "points." + c2, "3"));
        BudgetSetup.receipt(vote(voter, ranked, "rank." + r3, "1", "rank." + r1, "2"));
        assertThat(content(knapsack)).contains(k50 + "," + k10 + "|");
        assertThat(content(approval)).contains(a1 + "," + a3 + "|");
        assertThat(content(cumulative)).contains(c1 + "," + c2 + "|7,3");
        assertThat(content(ranked)).as("rank order kept").contains(r3 + "," + r1 + "|");
    }

    private static List<String> content(long pot) {
        return app.database.jdbi().withHandle(h -> h.createQuery("""
                SELECT array_to_string(proposal_ids, ',') || '|' || coalesce(array_to_string(points, ','), '')
                FROM budget_ballots WHERE pot_id = :p AND counted""").bind("p", pot).mapTo(String.class).list());
    }

    @Test
    void votingAgainReplacesTheEarlierBallotAndOnlyTheLastCounts() {
        TestClient voter = newVoter();
        long before = app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + knapsack);
        String withSixty = "SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + knapsack + " AND " + k60 + " = ANY(proposal_ids)";
        long sixtyBefore = app.count(withSixty);
        String first = BudgetSetup.receipt(vote(voter, knapsack, "choice", "" + k60));
        assertThat(voter.get("/budgets/" + process + "/pots/" + knapsack + "/vote").body()).contains("You have already voted");
        String second = BudgetSetup.receipt(vote(voter, knapsack, "choice", "" + k50, "choice", "" + k10));
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + knapsack)).isEqualTo(before + 1);
        assertThat(app.count(withSixty)).as("the replaced ballot no longer counts").isEqualTo(sixtyBefore);
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE NOT counted AND cardinality(proposal_ids) > 0"))
                .as("replaced ballots keep no content").isZero();
        TestClient checker = app.client();
        checker.get("/budgets/receipt");
        assertThat(checker.post("/budgets/receipt", Map.of("receipt", first)).body()).contains("replaced by a later vote");
        assertThat(checker.post("/budgets/receipt", Map.of("receipt", second)).body()).contains("This ballot is in the count.");
    }

    @Test
    void aHundredSimultaneousSubmissionsFromOneVoterLeaveExactlyOneCountedBallot() throws Exception {
        TestClient voter = newVoter();
        voter.get("/budgets/" + process + "/pots/" + approval + "/vote");
        String path = "/budgets/" + process + "/pots/" + approval + "/vote";
        long countedBefore = app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + approval);
        long votersBefore = app.count("SELECT count(*) FROM budget_voters WHERE pot_id = " + approval);
        List<Future<TestClient.Response>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(100)) {
            for (int i = 0; i < 100; i++) {
                String body = BudgetSetup.ballot(voter, "cast", "choice", "" + a1, "choice", "" + (i % 2 == 0 ? a2 : a3));
                results.add(pool.submit(() -> BudgetSetup.postBody(app, voter, path, body)));
            }
        }
        List<String> receipts = new ArrayList<>();
        for (Future<TestClient.Response> f : results) receipts.add(BudgetSetup.receipt(f.get()));
        assertThat(receipts).doesNotHaveDuplicates().hasSize(100);
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + approval)).isEqualTo(countedBefore + 1);
        assertThat(app.count("SELECT count(*) FROM budget_voters WHERE pot_id = " + approval)).isEqualTo(votersBefore + 1);
        long counted = receipts.stream().filter(r -> app.platform.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT counted FROM budget_ballots WHERE receipt_hash = :h").bind("h", BallotBox.receiptHash(r)).mapTo(Boolean.class).one())).count();
        assertThat(counted).as("exactly one of the hundred receipts is in the count").isEqualTo(1);
    }

    @Test
    void residentsOutsideThePotsPlacesOrWithoutAConfirmedEmailCannotVote() {
        TestClient outsider = setup.resident("outsider@example.org", "Castle Hill");
        TestClient.Response page = outsider.get("/budgets/" + process + "/pots/" + knapsack + "/vote");
        // Looking is not refused: the page says why and what to do (a ballot sent anyway is, below).
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Only residents of Riverside and the places within it can vote").contains("How to become eligible")
                .doesNotContain("name=\"step\"");
        long before = ballots();
        long voterRows = app.count("SELECT count(*) FROM budget_voters");
        assertThat(vote(outsider, knapsack, "choice", "" + k10).status()).isEqualTo(403);

        TestClient unconfirmed = app.client();
        unconfirmed.get("/register");
        unconfirmed.post("/register", Map.of("name", "New Person", "email", "new@example.org", "password", "a long test password",
                "passwordConfirm", "a long test password"));
        unconfirmed.signIn("new@example.org", "a long test password");
        unconfirmed.get("/account");
        unconfirmed.post("/account", Map.of("name", "New Person", "homePlace", String.valueOf(setup.place("Quayside"))));
        TestClient.Response refused = vote(unconfirmed, knapsack, "choice", "" + k10);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Confirm your email address before you vote");
        assertThat(ballots()).isEqualTo(before);
        // Casting skips the request's own check (the cast checks under lock): an invalid ballot from someone who may
        // not vote is answered with why they may not, not with what is wrong with the ballot.
        TestClient.Response invalidFromOutsider = vote(outsider, knapsack, "choice", "" + k60, "choice", "" + k50);
        assertThat(invalidFromOutsider.status()).isEqualTo(403);
        assertThat(invalidFromOutsider.body()).contains("Only residents of Riverside").doesNotContain("more than the £100.00");
        assertThat(ballots()).isEqualTo(before);
        assertThat(app.count("SELECT count(*) FROM budget_voters")).as("no voter row is claimed for a refused cast").isEqualTo(voterRows);
    }

    @Test
    void castingWithAnUnknownCodeOrInAnotherPotIsRefusedAsAWrongCodeAndStoresNothing() {
        TestClient officer = app.signedInAs("officer");
        officer.get("/budgets/" + process + "/pots/" + knapsack + "/paper");
        String csv = officer.post("/budgets/" + process + "/pots/" + knapsack + "/codes", Map.of("count", "1")).body();
        String code = csv.lines().skip(1).filter(l -> !l.isBlank()).findFirst().orElseThrow();
        TestClient visitor = app.client();
        String path = "/budgets/" + process + "/pots/" + knapsack + "/code-vote";
        visitor.get(path);
        long before = ballots();
        long voterRows = app.count("SELECT count(*) FROM budget_voters");
        for (String[] attempt : new String[][]{
                {path, "AAAA-BBBB-CCCC-DDDD-EEEE", "" + k10},
                {path, "AAAA-BBBB-CCCC-DDDD-EEEE", "" + k60 + "," + k50},
                {"/budgets/" + process + "/pots/" + approval + "/code-vote", code, a1 + "," + a2}}) {
            StringBuilder body = new StringBuilder();
            for (String choice : attempt[2].split(",")) body.append("choice=").append(choice).append('&');
            TestClient.Response r = BudgetSetup.postBody(app, visitor, attempt[0],
                    BudgetSetup.ballot(visitor, "cast", "code", attempt[1]) + "&" + body.substring(0, body.length() - 1));
            assertThat(r.status()).as(String.join(" ", attempt)).isEqualTo(403);
            assertThat(r.body()).contains("Enter the voting code exactly as printed").doesNotContain("id=\"receipt\"").doesNotContain("more than the");
        }
        assertThat(ballots()).isEqualTo(before);
        assertThat(app.count("SELECT count(*) FROM budget_voters")).isEqualTo(voterRows);
        BudgetSetup.receipt(BudgetSetup.postBody(app, visitor, path, BudgetSetup.ballot(visitor, "cast", "code", code, "choice", "" + k10)));
        assertThat(ballots()).isEqualTo(before + 1);
    }

    @Test
    void ballotsCarryNoVoterAndNoPageOrExportLinksThemToAccounts() {
        TestClient voter = newVoter();
        String receipt = BudgetSetup.receipt(vote(voter, knapsack, "choice", "" + k10));
        List<String> columns = app.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'budget_ballots'").mapTo(String.class).list());
        assertThat(columns).containsExactlyInAnyOrder("id", "pot_id", "proposal_ids", "points", "receipt_hash", "counted");
        List<String> voterKeys = app.database.jdbi().withHandle(h -> h.createQuery("SELECT voter_key || ballot_pointer FROM budget_voters")
                .mapTo(String.class).list());
        List<String> ballotIds = app.database.jdbi().withHandle(h -> h.createQuery("SELECT id::text FROM budget_ballots").mapTo(String.class).list());
        for (String key : voterKeys) for (String id : ballotIds) assertThat(key).doesNotContain(id).doesNotContain(id.replace("-", ""));
        List<String> audited = app.database.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT action FROM audit_log WHERE action LIKE 'budget.%'")
                .mapTo(String.class).list());
        assertThat(audited).as("only officers' and authors' actions are audited, never a resident's vote").isSubsetOf(
                "budget.process.created", "budget.pot.created", "budget.dates.saved", "budget.phase.opened", "budget.proposal.submitted", "budget.proposal.feasible",
                "budget.proposal.not_feasible", "budget.codes.issued", "budget.paper_sheet.keyed", "budget.paper_sheet.counted",
                // the demo's finished budgets: counted, published and delivered by its officer
                "budget.results.computed", "budget.results.published", "budget.delivery.updated", "budget.milestone.added", "budget.photo.added");

        TestClient admin = app.signedInAs("admin");
        String hash = BallotBox.receiptHash(receipt);
        for (String path : List.of("/admin", "/admin/audit", "/admin/users", "/budgets/" + process, "/budgets/" + process + "/proposals",
                "/budgets/" + process + "/pots/" + knapsack + "/vote")) {
            TestClient.Response page = admin.get(path);
            assertThat(page.status()).as(path).isIn(200, 403);
            String body = page.body();
            assertThat(body).as(path).doesNotContain(receipt).doesNotContain(hash);
            for (String id : ballotIds) assertThat(body).as(path).doesNotContain(id);
        }
        String export = voter.get("/account/export").body();
        assertThat(export).doesNotContain(receipt).doesNotContain(hash).doesNotContain("Ten");
        for (String id : ballotIds) assertThat(export).doesNotContain(id);
    }

    @Test
    void aPostedVotingCodeVotesOnceWithoutAnAccountAndVotingAgainWithItReplacesItsBallot() {
        TestClient officer = app.signedInAs("officer");
        officer.get("/budgets/" + process);
        TestClient.Response issued = officer.post("/budgets/" + process + "/pots/" + knapsack + "/codes", Map.of("count", "3"));
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.header("Content-Type")).startsWith("text/csv");
        List<String> codes = issued.body().lines().skip(1).toList();
        assertThat(codes).hasSize(3).doesNotHaveDuplicates();
        assertThat(app.count("SELECT count(*) FROM budget_voting_codes WHERE pot_id = " + knapsack)).isEqualTo(3);
        assertThat(app.count("SELECT count(*) FROM budget_voting_codes WHERE code_hash = '" + codes.getFirst() + "'")).as("only hashes are kept").isZero();
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.codes.issued' AND subject = 'pot:" + knapsack + "'")).isEqualTo(1);

        TestClient resident = app.signedInAs("resident");
        resident.get("/budgets/" + process);
        assertThat(resident.post("/budgets/" + process + "/pots/" + knapsack + "/codes", Map.of("count", "3")).status()).isEqualTo(403);

        TestClient visitor = app.client();
        String path = "/budgets/" + process + "/pots/" + knapsack + "/code-vote";
        assertThat(visitor.get(path).status()).isEqualTo(200);
        TestClient.Response wrong = visitor.post(path, Map.of("step", "start", "code", "AAAA-BBBB-CCCC-DDDD-EEEE"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body()).contains("Enter the voting code exactly as printed");
        assertThat(visitor.post("/budgets/" + process + "/pots/" + approval + "/code-vote", Map.of("step", "start", "code", codes.getFirst())).status())
                .as("a code is for one pot").isEqualTo(403);
        TestClient.Response ballot = visitor.post(path, Map.of("step", "start", "code", codes.getFirst().toLowerCase()));
        assertThat(ballot.status()).isEqualTo(200);
        assertThat(ballot.body()).contains("type=\"checkbox\"").contains("name=\"code\"");

        long counted = app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + knapsack);
        String first = BudgetSetup.receipt(BudgetSetup.postBody(app, visitor, path, BudgetSetup.ballot(visitor, "cast", "code", codes.getFirst(), "choice", "" + k60)));
        String second = BudgetSetup.receipt(BudgetSetup.postBody(app, visitor, path, BudgetSetup.ballot(visitor, "cast", "code", codes.getFirst(), "choice", "" + k10)));
        BudgetSetup.receipt(BudgetSetup.postBody(app, visitor, path, BudgetSetup.ballot(visitor, "cast", "code", codes.get(1), "choice", "" + k50)));
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + knapsack)).isEqualTo(counted + 2);
        TestClient checker = app.client();
        checker.get("/budgets/receipt");
        assertThat(checker.post("/budgets/receipt", Map.of("receipt", first)).body()).contains("replaced by a later vote");
        assertThat(checker.post("/budgets/receipt", Map.of("receipt", second)).body()).contains("This ballot is in the count.");
    }

    @Test
    void officersKeyPaperBallotsValidatedLikeOnlineOnesAndResidentsCannot() {
        TestClient officer = app.signedInAs("officer");
        TestClient secondOfficer = setup.officer("paper.second@example.org");
        String path = "/budgets/" + process + "/pots/" + knapsack + "/paper";
        assertThat(officer.get(path).body()).contains("Type in one paper ballot exactly as marked");
        long counted = app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + knapsack);
        long voterRows = app.count("SELECT count(*) FROM budget_voters");
        TestClient.Response spoilt = BudgetSetup.keySheet(officer, process, knapsack, "Integrity", "1", "projects", k60 + " " + k50);
        assertThat(spoilt.status()).isEqualTo(422);
        assertThat(spoilt.body()).contains("more than the £100.00 in this pot");
        assertThat(BudgetSetup.keySheet(officer, process, knapsack, "Integrity", "1", "projects", k60 + " " + k10).status()).isEqualTo(302);
        assertThat(BudgetSetup.keySheet(secondOfficer, process, knapsack, "Integrity", "1", "projects", k60 + " " + k10).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + knapsack)).isEqualTo(counted + 1);
        assertThat(app.count("SELECT count(*) FROM budget_voters")).as("paper ballots have no voter").isEqualTo(voterRows);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.paper_sheet.keyed'")).isEqualTo(2);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.paper_sheet.counted'")).isEqualTo(1);

        TestClient resident = app.signedInAs("resident");
        assertThat(resident.get(path).status()).isEqualTo(403);
        resident.get("/budgets/" + process);
        assertThat(resident.post(path, Map.of("batch", "Integrity", "sheet", "2", "projects", "" + k10)).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + knapsack)).isEqualTo(counted + 1);
    }
}
