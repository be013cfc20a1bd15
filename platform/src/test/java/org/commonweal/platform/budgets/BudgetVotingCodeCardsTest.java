package org.commonweal.platform.budgets;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Voting codes issued as a page of cards to print: shown once, eight to an A4 page, each card enough to vote with. */
class BudgetVotingCodeCardsTest extends PlatformTestCase {
    static BudgetSetup setup;
    static long process, pot, proposal;

    @BeforeAll
    static void prepare() {
        setup = new BudgetSetup(app);
        TestClient officer = app.signedInAs("officer");
        process = setup.createProcess(officer, "Cards for Riverside", "Riverside");
        pot = setup.addPot(officer, process, "Card pot", "Riverside", "100", "approval", Map.of());
        setup.advanceTo(officer, process, Phase.IDEAS);
        proposal = setup.propose(app.signedInAs("resident"), process, pot, "Bulb planting", "10", "Quayside");
        setup.advanceTo(officer, process, Phase.FEASIBILITY);
        setup.feasible(officer, process, proposal, "10");
        setup.advanceTo(officer, process, Phase.VOTING);
    }

    private static List<String> codes(String page) {
        Matcher m = Pattern.compile("class=\"cw-card__code\">([0-9A-Z-]+)<").matcher(page);
        List<String> codes = new java.util.ArrayList<>();
        while (m.find()) codes.add(m.group(1));
        return codes;
    }

    @Test
    void anOfficerGetsThePrintableCardsOnceAndEachCodeVotes() {
        TestClient officer = app.signedInAs("officer");
        String processPage = officer.get("/budgets/" + process).body();
        assertThat(processPage).contains("name=\"format\" value=\"print\"").contains("Issue codes as cards to print");
        TestClient.Response cards = officer.post("/budgets/" + process + "/pots/" + pot + "/codes", Map.of("count", "10", "format", "print"));
        assertThat(cards.status()).isEqualTo(200);
        assertThat(cards.header("Content-Type")).startsWith("text/html");
        assertThat(cards.header("Cache-Control")).isEqualTo("no-store");
        String page = cards.body();
        List<String> codes = codes(page);
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(page.split("class=\"cw-cards-sheet\"", -1)).as("8 cards to a page: two pages").hasSize(3);
        assertThat(page).as("every sheet says which it is, every card its place in the batch")
                .contains("id=\"sheet-1\">Sheet 1 of 2 · Card pot<").contains("id=\"sheet-2\">Sheet 2 of 2 · Card pot<")
                .contains(">Card 1 of 10<").contains(">Card 10 of 10<");
        assertThat(page.indexOf("Sheet 2 of 2")).isGreaterThan(page.indexOf("Card 8 of 10")).isLessThan(page.indexOf("Card 9 of 10"));
        assertThat(page).as("a way back besides Home").contains("href=\"/budgets/" + process + "\"");
        assertThat(page).contains("These 10 codes are shown only now and cannot be shown again").contains("/assets/budgets-voting-codes.css")
                .contains("Cards for Riverside").contains("Card pot")
                .contains("go to http://localhost/budgets/" + process + "/pots/" + pot + "/code-vote and enter this code");
        assertThat(app.count("SELECT count(*) FROM budget_voting_codes WHERE pot_id = " + pot)).isEqualTo(10);
        for (String code : codes) assertThat(app.count("SELECT count(*) FROM budget_voting_codes WHERE code_hash LIKE '%" + code + "%'")).isZero();
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.codes.issued' AND detail = '10 as printable cards'")).isEqualTo(1);
        assertThat(officer.get("/budgets/" + process).body()).doesNotContain(codes.getFirst());

        TestClient visitor = app.client();
        String path = "/budgets/" + process + "/pots/" + pot + "/code-vote";
        assertThat(visitor.get(path).body()).as("the card's address leads back to the process, not only Home")
                .contains("class=\"govuk-back-link\" href=\"/budgets/" + process + "\"");
        assertThat(visitor.get("/budgets/receipt").body()).contains("class=\"govuk-back-link\" href=\"/budgets\"");
        assertThat(visitor.post(path, Map.of("step", "start", "code", codes.get(9))).status()).isEqualTo(200);
        BudgetSetup.receipt(BudgetSetup.postBody(app, visitor, path, BudgetSetup.ballot(visitor, "cast", "code", codes.get(9), "choice", "" + proposal)));
    }

    @Test
    void thePrintedSheetServesItsStylesheetWithEightCardsToAnA4Page() {
        TestClient.Response css = app.client().get("/assets/budgets-voting-codes.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.body()).contains("size: A4").contains("grid-template-columns: 1fr 1fr").contains("grid-template-rows: 8mm; grid-auto-rows: 66mm").contains("@media print");
    }

    @Test
    void residentsAndStaffWithoutTheOfficerRoleCannotIssueCardsAndBadCountsAreRefused() {
        long before = app.count("SELECT count(*) FROM budget_voting_codes WHERE pot_id = " + pot);
        for (String role : List.of("resident", "moderator", "admin")) {
            TestClient other = app.signedInAs(role);
            other.get("/budgets/" + process);
            assertThat(other.post("/budgets/" + process + "/pots/" + pot + "/codes", Map.of("count", "2", "format", "print")).status()).as(role).isEqualTo(403);
        }
        TestClient officer = app.signedInAs("officer");
        officer.get("/budgets/" + process);
        for (String count : List.of("0", "-3", "ten", "10001", "")) {
            TestClient.Response r = officer.post("/budgets/" + process + "/pots/" + pot + "/codes", Map.of("count", count, "format", "print"));
            assertThat(r.status()).as(count).isEqualTo(422);
            assertThat(r.body()).contains("Enter a number of codes from 1 to 10,000");
        }
        assertThat(app.count("SELECT count(*) FROM budget_voting_codes WHERE pot_id = " + pot)).isEqualTo(before);
    }
}
