package org.commonweal.cli.bench;

import org.commonweal.platform.budgets.BudgetService;
import org.commonweal.platform.budgets.Phase;
import org.commonweal.platform.budgets.ProposalService;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.Form;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.List;

/**
 * A budget process made for a bench through the budgets feature's own services, the ones the officer's and
 * residents' pages call: one city-wide approval pot, proposals submitted by a demo resident, and each assessed.
 */
final class BenchBudget {
    final Jdbi jdbi;
    final BudgetService budgets;
    final ProposalService proposals;
    final Actor officer;
    final long residentId;
    final long placeId;
    final long processId;
    final long potId;

    BenchBudget(BenchSite site, String rule, long amount, int maxProjects) {
        jdbi = site.platform.database().jdbi();
        budgets = site.platform.feature(org.commonweal.platform.budgets.BudgetsFeature.class).budgets();
        proposals = site.platform.feature(org.commonweal.platform.budgets.BudgetsFeature.class).proposals();
        officer = new Actor(accountId("officer@demo.commonweal.org"), "bench", "bench");
        residentId = accountId("amira@demo.commonweal.org");
        placeId = jdbi.withHandle(h -> h.createQuery("SELECT id FROM places WHERE name = 'Riverford City Council'").mapTo(Long.class).one());
        Form about = Form.empty().set("title", "Bench budget").set("place", String.valueOf(placeId)).set("summary", "Made by commonweal bench.");
        processId = created(budgets.createProcess(about, officer), about);
        Form pot = Form.empty().set("name", "Bench pot").set("place", String.valueOf(placeId)).set("amount", String.valueOf(amount)).set("currency", "GBP")
                .set("ballotType", "approval").set("maxProjects", String.valueOf(maxProjects)).set("rule", rule).set("tieBreak", "").set("tieSeed", "2026");
        potId = created(budgets.createPot(processId, pot, officer), pot);
    }

    /** Submits count proposals in the ideas phase; costs cycle deterministically between 10,000 and 59,000. */
    List<Long> submitProposals(int count, Runnable progress) {
        advanceTo(Phase.IDEAS);
        String[] themes = {"green", "play", "safety", "community", "health", "culture", "streets"};
        String[] words = {"trees", "benches", "lighting", "playground", "mural", "crossing", "library", "garden", "cycle", "pantry"};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Form form = Form.empty().set("title", "Proposal " + i + " " + words[i % words.length] + " for " + words[(i / 10) % words.length])
                    .set("description", "Bench proposal number " + i + ": " + words[(i * 7) % words.length] + " and " + words[(i * 3) % words.length] + " near the park.")
                    .set("theme", themes[i % themes.length]).set("place", String.valueOf(placeId)).set("estimatedCost", String.valueOf(cost(i)));
            ids.add(created(proposals.submit(potId, residentId, form, new Actor(residentId, "bench", "bench")), form));
            progress.run();
        }
        return ids;
    }

    /** The officer finds every proposal feasible at its estimated cost. */
    void assessAllFeasible(List<Long> ids) {
        advanceTo(Phase.FEASIBILITY);
        for (int i = 0; i < ids.size(); i++) {
            Form form = Form.empty().set("decision", "feasible").set("councilCost", String.valueOf(cost(i)));
            var refused = proposals.assess(ids.get(i), form, officer);
            if (refused.isPresent()) throw new IllegalStateException("assessment refused: " + refused.get() + " " + form.errors());
        }
    }

    static long cost(int i) {
        return 10_000 + (i * 7919L % 50) * 1_000;
    }

    void advanceTo(Phase target) {
        Phase phase = budgets.process(processId).orElseThrow().phase();
        while (phase != target) {
            if (!budgets.advancePhase(processId, phase.stored(), officer)) throw new IllegalStateException("bench process stuck in " + phase);
            phase = phase.next();
        }
    }

    private long accountId(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM accounts WHERE email = :e").bind("e", email).mapTo(Long.class).one());
    }

    private static long created(java.util.Optional<Long> id, Form form) {
        return id.orElseThrow(() -> new IllegalStateException("bench data refused: " + form.errors()));
    }
}
