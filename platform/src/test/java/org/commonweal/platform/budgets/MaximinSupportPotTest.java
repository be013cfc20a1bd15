package org.commonweal.platform.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.testing.PlatformTestCase;
import org.junit.jupiter.api.Test;

/** Maximin support counts approval ballots only: a pot cannot pair it with ranked or cumulative ballots, which it could not count. */
class MaximinSupportPotTest extends PlatformTestCase {
    @Test
    void aPotPairsMaximinSupportWithApprovalOrKnapsackBallotsOnly() {
        BudgetService budgets = app.platform.feature(BudgetsFeature.class).budgets();
        Actor officer = new Actor(app.platform.accounts.findByEmail("officer@demo.commonweal.org").orElseThrow().id(), "test", "test");
        long place = app.platform.places.tree().stream().filter(p -> p.kind().equals("council")).findFirst().orElseThrow().id();
        long processId = budgets.createProcess(Form.empty().set("title", "Maximin budget").set("place", String.valueOf(place))
                .set("summary", "Counted by maximin support."), officer).orElseThrow();
        for (String ballotType : new String[]{"ranked", "cumulative"}) {
            Form refused = pot(place, ballotType);
            assertThat(budgets.createPot(processId, refused, officer)).as(ballotType).isEmpty();
            assertThat(refused.errorKey("rule")).as(ballotType).isEqualTo("budgets.error.rule.approvalOnly");
        }
        for (String ballotType : new String[]{"approval", "knapsack"}) {
            Form accepted = pot(place, ballotType);
            assertThat(budgets.createPot(processId, accepted, officer)).as(accepted.errors().toString()).isPresent();
        }
    }

    private static Form pot(long place, String ballotType) {
        return Form.empty().set("name", "Pot " + ballotType).set("place", String.valueOf(place)).set("amount", "100000").set("currency", "GBP")
                .set("ballotType", ballotType).set("maxProjects", "5").set("maxPoints", "10").set("rule", "maximin-support")
                .set("tieBreak", "").set("tieSeed", "1");
    }
}
