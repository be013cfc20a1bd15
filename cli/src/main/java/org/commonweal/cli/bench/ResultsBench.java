package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.platform.budgets.BudgetService;
import org.commonweal.platform.budgets.Phase;
import org.commonweal.platform.core.http.Secrets;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Time to close voting on a large pot: the closing transaction counts the pot with the PB engine (ResultService)
 * and stores the published results. Ballots are loaded in bulk as paper ballots are stored (no voter, random
 * receipt), in batches, since casting them one by one would measure the voting path instead.
 */
final class ResultsBench implements Command {
    @Override
    public String name() {
        return "results";
    }

    @Override
    public String summary() {
        return "--ballots 100000 --projects 100 --rule mes: time to close voting and publish the results";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments o = Arguments.parse(args, Set.of("ballots", "projects", "rule"), Set.of());
        o.noPositional();
        int ballots = o.integer("ballots", 100_000, 1, 10_000_000);
        int projects = o.integer("projects", 100, 1, 10_000);
        String rule = o.text("rule", "mes");
        if (!BudgetService.ruleNames().contains(rule)) {
            throw new UsageException("--rule must be one of " + String.join(", ", BudgetService.ruleNames()) + " (got '" + rule + "')");
        }
        int perBallot = Math.min(5, projects);
        try (BenchSite site = new BenchSite(Map.of())) {
            long amount = 30_000L * projects / 3;
            BenchBudget budget = new BenchBudget(site, rule, amount, perBallot);
            console.err().printf("submitting and assessing %d proposals...%n", projects);
            List<Long> ids = budget.submitProposals(projects, () -> { });
            budget.assessAllFeasible(ids);
            budget.advanceTo(Phase.VOTING);
            console.err().printf("loading %d ballots...%n", ballots);
            loadBallots(budget, ids, ballots, perBallot);
            long t0 = System.nanoTime();
            budget.advanceTo(Phase.RESULTS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] stored = budget.jdbi.withHandle(h -> h.createQuery(
                            "SELECT r.ballots_counted, (SELECT count(*) FROM budget_result_projects p WHERE p.pot_id = r.pot_id AND p.funded) AS funded FROM budget_results r WHERE r.pot_id = :p")
                    .bind("p", budget.potId).map((rs, c) -> new long[]{rs.getLong(1), rs.getLong(2)}).one());
            console.out().printf("close voting and publish results, rule %s, %d feasible proposals, %d ballots counted, %d funded: %.2f s%n",
                    rule, projects, stored[0], stored[1], seconds);
            return stored[0] == ballots ? 0 : 1;
        }
    }

    /** Approval ballots of perBallot distinct proposals each, skewed towards low-numbered proposals, from a fixed seed. */
    private static void loadBallots(BenchBudget budget, List<Long> ids, int ballots, int perBallot) {
        Random random = new Random(2026);
        int batchSize = 5_000;
        for (int from = 0; from < ballots; from += batchSize) {
            int n = Math.min(batchSize, ballots - from);
            budget.jdbi.useTransaction(h -> {
                var batch = h.prepareBatch("INSERT INTO budget_ballots (id, pot_id, proposal_ids, receipt_hash) VALUES (:id, :p, :ids, :r)");
                for (int i = 0; i < n; i++) {
                    Long[] chosen = random.ints(0, ids.size()).map(k -> (int) Math.min(k, random.nextInt(ids.size()))).distinct().limit(perBallot)
                            .mapToObj(ids::get).toArray(Long[]::new);
                    batch.bind("id", UUID.randomUUID()).bind("p", budget.potId).bind("ids", chosen).bind("r", Secrets.sha256("paper:" + UUID.randomUUID())).add();
                }
                batch.execute();
            });
        }
    }
}
