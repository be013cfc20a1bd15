package org.commonweal.platform.budgets;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** After the results of an Equal Shares pot, a receipt shows its holder how their equal share was spent, and no one else. */
class ReceiptShareTest extends PlatformTestCase {
    static BudgetSetup setup;

    @BeforeAll
    static void prepare() {
        setup = new BudgetSetup(app);
    }

    @Test
    void theReceiptHolderSeesWhatTheirSharePaidTowardAndNobodyElseDoes() throws Exception {
        TestClient officer = app.signedInAs("officer");
        long process = setup.createProcess(officer, "Shares 2026", "Riverford City Council");
        long pot = setup.addPot(officer, process, "Quayside shares", "Riverside", "100", "knapsack", Map.of("rule", "mes"));
        setup.advanceTo(officer, process, Phase.IDEAS);
        TestClient author = app.signedInAs("resident");
        long cafe = setup.propose(author, process, pot, "Mill Lane repair café", "50", "Quayside");
        long benches = setup.propose(author, process, pot, "Quay benches", "30", "Quayside");
        long ferry = setup.propose(author, process, pot, "Ferry Row mural", "80", "Ferry Row");
        setup.advanceTo(officer, process, Phase.FEASIBILITY);
        setup.feasible(officer, process, cafe, "50");
        setup.feasible(officer, process, benches, "30");
        setup.feasible(officer, process, ferry, "80");
        setup.advanceTo(officer, process, Phase.VOTING);

        // £100 among four voters. By hand: at £25 each the benches (£15 from each of its two supporters, ρ = 0.5) tie
        // with the café (ρ = 0.5) and win as the cheaper; add1 raises the shares to £33, where the first voter's £18 and
        // the second's £32 buy the café; the mural (£80) has one supporter. So the first voter paid £15.00 toward the
        // benches and £18.00 toward the café, with nothing left; the second £32.00 toward the café, £1.00 left.
        List<List<Long>> votes = List.of(List.of(cafe, benches), List.of(cafe), List.of(benches), List.of(ferry));
        String[] receipts = new String[votes.size()];
        for (int i = 0; i < votes.size(); i++) {
            TestClient voter = setup.resident("share" + i + "@example.org", "Quayside");
            voter.get("/budgets/" + process + "/pots/" + pot + "/vote");
            StringBuilder body = new StringBuilder("step=cast&_csrf=").append(voter.csrf());
            for (long id : votes.get(i)) body.append("&choice=").append(id);
            receipts[i] = BudgetSetup.receipt(BudgetSetup.postBody(app, voter, "/budgets/" + process + "/pots/" + pot + "/vote", body.toString()));
        }
        TestClient anyone = app.client();
        assertThat(check(anyone, receipts[0]).body()).as("nothing about shares before the results").contains("This ballot is in the count.")
                .doesNotContain("You helped pay");

        setup.advanceTo(officer, process, Phase.RESULTS);
        TestClient.Response first = check(anyone, receipts[0]);
        assertThat(first.header("Cache-Control")).isEqualTo("no-store");
        assertThat(first.body()).contains("How your equal share of Quayside shares was spent").contains("£33.00 each")
                .contains("£15.00 toward Quay benches").contains("£18.00 toward Mill Lane repair café")
                .contains("£0.00 of your share was left over.");
        String second = check(anyone, receipts[1]).body();
        assertThat(second).contains("£32.00 toward Mill Lane repair café").contains("£1.00 of your share was left over.")
                .doesNotContain("Quay benches").doesNotContain("£18.00");
        assertThat(check(anyone, receipts[3]).body()).contains("None of your share was spent").contains("£33.00 of your share was left over.");

        // Nobody else sees any ballot's share: not the results page (which tells the rounds by groups of payers, as
        // before, never whose ballot paid what), not the empty check page, not a wrong code.
        String results = anyone.get("/budgets/" + process + "/pots/" + pot + "/results").body();
        assertThat(results).contains("Mill Lane repair café").doesNotContain("You helped pay").doesNotContain("How your equal share");
        assertThat(anyone.get("/budgets/receipt").body()).doesNotContain("You helped pay");
        assertThat(check(anyone, "AAAA-BBBB-CCCC-DDDD-EEEE").body()).contains("We have no ballot with this receipt code")
                .doesNotContain("You helped pay");
    }

    private static TestClient.Response check(TestClient client, String receipt) {
        client.get("/budgets/receipt");
        return client.post("/budgets/receipt", Map.of("receipt", receipt));
    }
}
