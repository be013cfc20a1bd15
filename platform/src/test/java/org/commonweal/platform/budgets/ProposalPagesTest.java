package org.commonweal.platform.budgets;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.testing.PlatformTestCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The proposals list shows one page of 50 at a time with links between pages, keeping the filters. */
class ProposalPagesTest extends PlatformTestCase {
    static long processId;

    @BeforeAll
    static void prepare() {
        BudgetService budgets = app.platform.feature(org.commonweal.platform.budgets.BudgetsFeature.class).budgets();
        ProposalService proposals = app.platform.feature(org.commonweal.platform.budgets.BudgetsFeature.class).proposals();
        long officerId = app.platform.accounts.findByEmail("officer@demo.commonweal.org").orElseThrow().id();
        long residentId = app.platform.accounts.findByEmail("amira@demo.commonweal.org").orElseThrow().id();
        Actor officer = new Actor(officerId, "test", "test");
        long place = app.platform.places.tree().stream().filter(p -> p.kind().equals("council")).findFirst().orElseThrow().id();
        Form about = Form.empty().set("title", "Pages budget").set("place", String.valueOf(place)).set("summary", "Many proposals.");
        processId = budgets.createProcess(about, officer).orElseThrow();
        Form pot = Form.empty().set("name", "Pot").set("place", String.valueOf(place)).set("amount", "100000").set("currency", "GBP")
                .set("ballotType", "approval").set("maxProjects", "5").set("rule", "greedy").set("tieBreak", "").set("tieSeed", "1");
        long potId = budgets.createPot(processId, pot, officer).orElseThrow();
        assertThat(budgets.advancePhase(processId, Phase.INFORMATION.stored(), officer)).isTrue();
        for (int i = 0; i < 120; i++) {
            Form form = Form.empty().set("title", "Idea " + i + (i % 2 == 0 ? " garden" : " lighting")).set("description", "Proposal " + i)
                    .set("theme", "green").set("place", String.valueOf(place)).set("estimatedCost", "1000");
            assertThat(proposals.submit(potId, residentId, form, new Actor(residentId, "test", "test"))).as(form.errors().toString()).isPresent();
        }
    }

    @Test
    void theListIsPagedByFiftyAndTheLinksKeepTheSearch() {
        String first = app.client().get("/budgets/" + processId + "/proposals").body();
        assertThat(first).contains("Showing proposals 1 to 50").contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
        assertThat(first.split("govuk-summary-card__title\"").length - 1).isEqualTo(50);
        String third = app.client().get("/budgets/" + processId + "/proposals?page=2").body();
        assertThat(third).contains("Showing proposals 101 to 120").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        String search = app.client().get("/budgets/" + processId + "/proposals?q=garden").body();
        assertThat(search).contains("Showing proposals 1 to 50").contains("q=garden&amp;theme=&amp;status=&amp;outcome=&amp;place=&amp;page=1");
        String last = app.client().get("/budgets/" + processId + "/proposals?q=garden&page=1").body();
        assertThat(last).contains("Showing proposals 51 to 60");
        assertThat(app.client().get("/budgets/" + processId + "/proposals?page=nonsense").status()).isEqualTo(200);
    }
}
