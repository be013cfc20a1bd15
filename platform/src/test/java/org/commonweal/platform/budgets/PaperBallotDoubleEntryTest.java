package org.commonweal.platform.budgets;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paper ballots are keyed in twice by different officers: agreeing entries count one ballot, differing ones wait
 * on the reconciliation screen for a third action, and nothing pending is ever counted.
 */
class PaperBallotDoubleEntryTest extends PlatformTestCase {
    static BudgetSetup setup;
    static long process, knapsack, ranked, cumulative;
    static long k60, k50, k10, r1, r2, r3, c1, c2;
    static TestClient first, second, third;

    @BeforeAll
    static void prepare() {
        setup = new BudgetSetup(app);
        TestClient officer = app.signedInAs("officer");
        process = setup.createProcess(officer, "Riverside on paper", "Riverside");
        knapsack = setup.addPot(officer, process, "Knapsack pot", "Riverside", "100", "knapsack", Map.of());
        ranked = setup.addPot(officer, process, "Ranked pot", "Riverside", "100", "ranked", Map.of("maxProjects", "2"));
        cumulative = setup.addPot(officer, process, "Points pot", "Riverside", "100", "cumulative", Map.of("maxPoints", "10"));
        setup.advanceTo(officer, process, Phase.IDEAS);
        TestClient author = app.signedInAs("resident");
        k60 = setup.propose(author, process, knapsack, "Sixty", "60", "Quayside");
        k50 = setup.propose(author, process, knapsack, "Fifty", "50", "Quayside");
        k10 = setup.propose(author, process, knapsack, "Ten", "10", "Quayside");
        r1 = setup.propose(author, process, ranked, "R one", "10", "Quayside");
        r2 = setup.propose(author, process, ranked, "R two", "10", "Quayside");
        r3 = setup.propose(author, process, ranked, "R three", "10", "Quayside");
        c1 = setup.propose(author, process, cumulative, "C one", "10", "Quayside");
        c2 = setup.propose(author, process, cumulative, "C two", "10", "Quayside");
        setup.advanceTo(officer, process, Phase.FEASIBILITY);
        for (long p : new long[]{k60, k50, k10, r1, r2, r3, c1, c2}) setup.feasible(officer, process, p, p == k60 ? "60" : p == k50 ? "50" : "10");
        setup.advanceTo(officer, process, Phase.VOTING);
        first = officer;
        second = setup.officer("second.officer@example.org");
        third = setup.officer("third.officer@example.org");
    }

    private static TestClient.Response key(TestClient officer, long pot, String batch, String sheet, String... fields) {
        return BudgetSetup.keySheet(officer, process, pot, batch, sheet, fields);
    }

    private static long counted(long pot) {
        return app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + pot);
    }

    private static String contents(long pot) {
        return String.join(" ", app.database.jdbi().<List<String>, RuntimeException>withHandle(h -> h.createQuery("""
                SELECT array_to_string(proposal_ids, ',') || '|' || coalesce(array_to_string(points, ','), '')
                FROM budget_ballots WHERE pot_id = :p AND counted ORDER BY 1""").bind("p", pot).mapTo(String.class).list()));
    }

    private static long audited(String action) {
        return app.count("SELECT count(*) FROM audit_log WHERE action = '" + action + "'");
    }

    @Test
    void twoOfficersWhoseEntriesAgreeCountTheSheetOnceAndOnlyThen() {
        long before = counted(knapsack);
        TestClient.Response one = key(first, knapsack, "Decision day 1", "1", "projects", k60 + " " + k10);
        assertThat(one.status()).isEqualTo(302);
        assertThat(one.location()).contains("batch=Decision+day+1").contains("last=1");
        String next = first.get(one.location()).body();
        assertThat(next).contains("It is counted when a different officer keys it in").contains("Last sheet saved: sheet 1 of batch Decision day 1")
                .contains("value=\"Decision day 1\"").containsPattern("id=\"sheet\"[^>]*autofocus");
        assertThat(counted(knapsack)).as("one entry is not enough").isEqualTo(before);

        TestClient.Response two = key(second, knapsack, "decision  day 1", "1", "projects", k10 + "," + k60);
        assertThat(two.status()).isEqualTo(302);
        assertThat(second.get(two.location()).body()).contains("Both entries agree: the sheet is counted.");
        assertThat(counted(knapsack)).isEqualTo(before + 1);
        assertThat(contents(knapsack)).contains(k60 + "," + k10 + "|");
        assertThat(app.count("SELECT count(*) FROM budget_paper_entries e JOIN budget_paper_sheets s ON s.id = e.sheet_id WHERE s.batch = 'Decision day 1'"))
                .as("a settled sheet keeps no entries").isZero();

        TestClient.Response again = key(third, knapsack, "Decision day 1", "1", "projects", k60 + " " + k10);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Sheet 1 of batch Decision day 1 has already been counted or refused");
        assertThat(counted(knapsack)).as("a sheet is counted at most once").isEqualTo(before + 1);
        assertThat(app.count("SELECT count(*) FROM budget_voters WHERE pot_id = " + knapsack)).as("paper ballots have no voter without a register").isZero();
    }

    @Test
    void aSheetKeyedAgainByManyOfficersAtOnceIsCountedExactlyOnce() throws Exception {
        long before = counted(knapsack);
        assertThat(key(first, knapsack, "Rush", "1", "projects", "" + k50).status()).isEqualTo(302);
        List<TestClient> officers = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestClient o = setup.officer("rush" + i + "@example.org");
            o.get("/budgets/" + process + "/pots/" + knapsack + "/paper");
            officers.add(o);
        }
        List<java.util.concurrent.Future<TestClient.Response>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(officers.size())) {
            for (TestClient o : officers) {
                answers.add(pool.submit(() -> o.post("/budgets/" + process + "/pots/" + knapsack + "/paper",
                        Map.of("batch", "Rush", "sheet", "1", "projects", "" + k50))));
            }
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var a : answers) statuses.add(a.get().status());
        assertThat(statuses).containsOnly(302, 409).containsOnlyOnce(302);
        assertThat(counted(knapsack)).isEqualTo(before + 1);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.paper_sheet.counted' AND detail LIKE '%Rush%'")).isEqualTo(1);
    }

    @Test
    void theSameOfficerCannotKeyBothEntriesOfASheet() {
        long before = counted(knapsack);
        assertThat(key(first, knapsack, "Decision day 2", "1", "projects", "" + k50).status()).isEqualTo(302);
        TestClient.Response twice = key(first, knapsack, "Decision day 2", "1", "projects", "" + k50);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("You have already keyed in sheet 1 of batch Decision day 2. A different officer must key it in the second time.");
        assertThat(counted(knapsack)).isEqualTo(before);
        assertThat(app.count("SELECT count(*) FROM budget_paper_entries e JOIN budget_paper_sheets s ON s.id = e.sheet_id WHERE s.batch = 'Decision day 2'"))
                .isEqualTo(1);
    }

    @Test
    void differingEntriesWaitOnTheReconciliationScreenUntilAnOfficerPicksOne() {
        long before = counted(knapsack);
        long disputedBefore = audited("budget.paper_sheet.disputed");
        assertThat(key(first, knapsack, "Library box", "7", "projects", k60 + " " + k10).status()).isEqualTo(302);
        TestClient.Response differs = key(second, knapsack, "Library box", "7", "projects", "" + k60);
        assertThat(differs.status()).isEqualTo(302);
        assertThat(second.get(differs.location()).body()).contains("The two entries differ");
        assertThat(counted(knapsack)).as("a disputed sheet is not counted").isEqualTo(before);
        assertThat(audited("budget.paper_sheet.disputed")).isEqualTo(disputedBefore + 1);

        TestClient.Response fourth = key(third, knapsack, "Library box", "7", "projects", "" + k60);
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.body()).contains("has two entries that differ. Settle it on the reconciliation screen.");

        String processPage = first.get("/budgets/" + process).body();
        assertThat(processPage).contains("Some paper ballots are not counted yet").containsPattern("Knapsack pot: [0-9]+ sheets waiting");

        String screen = third.get("/budgets/" + process + "/pots/" + knapsack + "/paper/reconcile").body();
        long sheetId = app.count("SELECT id FROM budget_paper_sheets WHERE batch = 'Library box' AND sheet = 7");
        String section = screen.substring(screen.indexOf("id=\"sheet-" + sheetId + "\""));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section).contains("Sheet 7 of batch Library box").contains("Entry 1 (keyed by").contains("Entry 2 (keyed by Officer second.officer@example.org)");
        String tenRow = section.substring(section.indexOf(k10 + " Ten"));
        tenRow = tenRow.substring(0, tenRow.indexOf("</tr>"));
        assertThat(tenRow).as("the difference is highlighted").contains("cw-differs").contains("Ticked").contains("Not marked");
        String sixtyRow = section.substring(section.indexOf(k60 + " Sixty"));
        sixtyRow = sixtyRow.substring(0, sixtyRow.indexOf("</tr>"));
        assertThat(sixtyRow).as("agreeing marks are not highlighted").doesNotContain("cw-differs");

        long secondEntry = app.count("SELECT max(e.id) FROM budget_paper_entries e WHERE e.sheet_id = " + sheetId);
        TestClient.Response picked = third.post("/budgets/" + process + "/pots/" + knapsack + "/paper/sheets/" + sheetId + "/pick",
                Map.of("entry", String.valueOf(secondEntry)));
        assertThat(picked.status()).isEqualTo(302);
        assertThat(counted(knapsack)).isEqualTo(before + 1);
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + knapsack + " AND proposal_ids = ARRAY[" + k60 + "]::bigint[]"))
                .isGreaterThanOrEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.paper_sheet.counted' AND detail LIKE '%Library box%entry chosen%'")).isEqualTo(1);
        assertThat(third.get("/budgets/" + process + "/pots/" + knapsack + "/paper/reconcile").body()).doesNotContain("id=\"sheet-" + sheetId + "\"");
        third.get("/budgets/" + process + "/pots/" + knapsack + "/paper/reconcile");
        assertThat(third.post("/budgets/" + process + "/pots/" + knapsack + "/paper/sheets/" + sheetId + "/pick", Map.of("entry", String.valueOf(secondEntry))).status())
                .as("a settled sheet cannot be settled again").isEqualTo(404);
        assertThat(counted(knapsack)).isEqualTo(before + 1);
    }

    @Test
    void anOfficerWhoKeyedTheSheetMaySettleItByKeyingItAgain() {
        long before = counted(ranked);
        assertThat(key(first, ranked, "Town hall", "3", "projects", r2 + " " + r1).status()).isEqualTo(302);
        assertThat(key(second, ranked, "Town hall", "3", "projects", r1 + " " + r2).status()).isEqualTo(302);
        long sheetId = app.count("SELECT id FROM budget_paper_sheets WHERE batch = 'Town hall' AND sheet = 3");
        String rekeyPath = "/budgets/" + process + "/pots/" + ranked + "/paper/sheets/" + sheetId + "/rekey";
        String form = first.get(rekeyPath).body();
        assertThat(form).contains("Key in sheet 3 of batch Town hall again").containsPattern("id=\"projects\"[^>]*autofocus");
        TestClient.Response bad = first.post(rekeyPath, Map.of("projects", r2 + " " + r2));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("Project number " + r2 + " is typed twice.");
        TestClient.Response rekeyed = first.post(rekeyPath, Map.of("projects", r3 + " " + r1));
        assertThat(rekeyed.status()).isEqualTo(302);
        assertThat(counted(ranked)).isEqualTo(before + 1);
        assertThat(contents(ranked)).as("the re-keyed preference order is what counts").contains(r3 + "," + r1 + "|");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.paper_sheet.counted' AND detail LIKE '%Town hall%keyed again%'")).isEqualTo(1);
        assertThat(first.get(rekeyPath).status()).isEqualTo(404);
    }

    @Test
    void pointsBallotsAreKeyedProjectByProjectAndCompareExactly() {
        long before = counted(cumulative);
        assertThat(key(first, cumulative, "Points", "1", "points." + c1, "7", "points." + c2, "3").status()).isEqualTo(302);
        assertThat(key(second, cumulative, "Points", "1", "points." + c1, "7", "points." + c2, "3").status()).isEqualTo(302);
        assertThat(contents(cumulative)).contains(c1 + "," + c2 + "|7,3");
        assertThat(key(first, cumulative, "Points", "2", "points." + c1, "7", "points." + c2, "3").status()).isEqualTo(302);
        assertThat(key(second, cumulative, "Points", "2", "points." + c1, "3", "points." + c2, "7").status()).isEqualTo(302);
        assertThat(counted(cumulative)).isEqualTo(before + 1);
        String screen = first.get("/budgets/" + process + "/pots/" + cumulative + "/paper/reconcile").body();
        assertThat(screen).contains("Sheet 2 of batch Points").contains("cw-differs\">7<").contains("cw-differs\">3<");
    }

    @Test
    void badEntriesAreRefusedWithAMessageNamingTheFieldAndNothingIsStored() {
        long sheets = app.count("SELECT count(*) FROM budget_paper_sheets");
        long entries = app.count("SELECT count(*) FROM budget_paper_entries");
        assertRefused(key(first, knapsack, "", "1", "projects", "" + k10), "Enter the batch written on the sheet");
        assertRefused(key(first, knapsack, "x".repeat(101), "1", "projects", "" + k10), "The batch must be 100 characters or fewer");
        assertRefused(key(first, knapsack, "Bad", "", "projects", "" + k10), "Enter the sheet number written on the sheet");
        assertRefused(key(first, knapsack, "Bad", "0", "projects", "" + k10), "a whole number from 1 to 1000000");
        assertRefused(key(first, knapsack, "Bad", "seven", "projects", "" + k10), "a whole number from 1 to 1000000");
        assertRefused(key(first, knapsack, "Bad", "1", "projects", "999999"), "Project number 999999 is not on this ballot");
        assertRefused(key(first, knapsack, "Bad", "1", "projects", "" + r1), "Project number " + r1 + " is not on this ballot");
        assertRefused(key(first, knapsack, "Bad", "1", "projects", "ten"), "Project number ten is not on this ballot");
        assertRefused(key(first, knapsack, "Bad", "1", "projects", k10 + " " + k10), "Project number " + k10 + " is typed twice");
        assertRefused(key(first, knapsack, "Bad", "1", "projects", k60 + " " + k50), "cost £110.00, more than the £100.00 in this pot");
        assertRefused(key(first, knapsack, "Bad", "1", "projects", ""), "Choose at least one project");
        assertRefused(key(first, ranked, "Bad", "1", "projects", r1 + " " + r2 + " " + r3), "Choose no more than 2 projects");
        assertRefused(key(first, cumulative, "Bad", "1", "points." + c1, "8", "points." + c2, "3"), "You gave 11 points, but you have 10");
        assertThat(app.count("SELECT count(*) FROM budget_paper_sheets")).isEqualTo(sheets);
        assertThat(app.count("SELECT count(*) FROM budget_paper_entries")).isEqualTo(entries);
    }

    private static void assertRefused(TestClient.Response r, String message) {
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains(message);
    }

    @Test
    void residentsAndStaffWithoutTheOfficerRoleCannotKeyOrReconcilePaperBallots() {
        assertThat(key(first, knapsack, "Perms", "1", "projects", "" + k10).status()).isEqualTo(302);
        assertThat(key(second, knapsack, "Perms", "1", "projects", "" + k50).status()).isEqualTo(302);
        long sheetId = app.count("SELECT id FROM budget_paper_sheets WHERE batch = 'Perms'");
        long entry = app.count("SELECT min(id) FROM budget_paper_entries WHERE sheet_id = " + sheetId);
        long ballots = app.count("SELECT count(*) FROM budget_ballots");
        String base = "/budgets/" + process + "/pots/" + knapsack + "/paper";
        for (String role : List.of("resident", "moderator", "organiser", "admin")) {
            TestClient other = app.signedInAs(role);
            other.get("/budgets/" + process);
            assertThat(other.get(base).status()).as(role).isEqualTo(403);
            assertThat(other.get(base + "/reconcile").status()).as(role).isEqualTo(403);
            assertThat(other.get(base + "/sheets/" + sheetId + "/rekey").status()).as(role).isEqualTo(403);
            assertThat(other.post(base, Map.of("batch", "Perms", "sheet", "2", "projects", "" + k10)).status()).as(role).isEqualTo(403);
            assertThat(other.post(base + "/sheets/" + sheetId + "/pick", Map.of("entry", String.valueOf(entry))).status()).as(role).isEqualTo(403);
            assertThat(other.post(base + "/sheets/" + sheetId + "/rekey", Map.of("projects", "" + k10)).status()).as(role).isEqualTo(403);
        }
        assertThat(app.count("SELECT count(*) FROM budget_ballots")).isEqualTo(ballots);
        assertThat(app.count("SELECT count(*) FROM budget_paper_sheets WHERE batch = 'Perms'")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM budget_paper_entries WHERE sheet_id = " + sheetId)).isEqualTo(2);
    }

    @Test
    void sheetsStillPendingWhenVotingClosesAreLeftOutAndOfficersAreWarned() {
        TestClient officer = app.signedInAs("officer");
        long closing = setup.createProcess(officer, "Closing with paper", "Riverside");
        long pot = setup.addPot(officer, closing, "Closing pot", "Riverside", "100", "approval", Map.of());
        setup.advanceTo(officer, closing, Phase.IDEAS);
        long a = setup.propose(app.signedInAs("resident"), closing, pot, "Planters", "10", "Quayside");
        setup.advanceTo(officer, closing, Phase.FEASIBILITY);
        setup.feasible(officer, closing, a, "10");
        setup.advanceTo(officer, closing, Phase.VOTING);
        assertThat(BudgetSetup.keySheet(first, closing, pot, "Last day", "1", "projects", "" + a).status()).isEqualTo(302);
        assertThat(BudgetSetup.keySheet(second, closing, pot, "Last day", "1", "projects", "" + a).status()).isEqualTo(302);
        assertThat(BudgetSetup.keySheet(first, closing, pot, "Last day", "2", "projects", "" + a).status()).isEqualTo(302);
        assertThat(officer.get("/budgets/" + closing).body()).contains("can still be settled after voting closes").contains("Closing pot: 1 sheet waiting");
        setup.advanceTo(officer, closing, Phase.RESULTS);
        String results = officer.get("/budgets/" + closing + "/pots/" + pot + "/results").body();
        assertThat(results).contains("1 paper sheet was keyed in but never counted");
        assertThat(app.count("SELECT count(*) FROM budget_paper_entries e JOIN budget_paper_sheets s ON s.id = e.sheet_id WHERE s.pot_id = " + pot))
                .as("closing voting forgets what was typed for sheets never counted").isZero();
        assertThat(app.count("SELECT ballots_counted FROM budget_results WHERE pot_id = " + pot)).as("only the counted sheet").isEqualTo(1);
        assertThat(app.signedInAs("resident").get("/budgets/" + closing + "/pots/" + pot + "/results").body()).doesNotContain("never counted");
        TestClient.Response late = BudgetSetup.keySheet(second, closing, pot, "Last day", "2", "projects", "" + a);
        assertThat(late.body()).contains("Voting is not open for this pot.");
        assertThat(app.count("SELECT ballots_counted FROM budget_results WHERE pot_id = " + pot)).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE pot_id = " + pot)).isEqualTo(1);
    }
}
