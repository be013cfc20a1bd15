package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.ProgressBar;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Latency of the public proposals list of a process with many proposals: the plain list and a full-text search,
 * requested one after another over HTTP by a visitor, after a warm-up.
 */
final class ProposalsBench implements Command {
    @Override
    public String name() {
        return "proposals";
    }

    @Override
    public String summary() {
        return "--proposals 10000 --requests 300: proposals list and full-text search latency";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments o = Arguments.parse(args, Set.of("proposals", "requests"), Set.of());
        o.noPositional();
        int count = o.integer("proposals", 10_000, 1, 1_000_000);
        int requests = o.integer("requests", 300, 1, 100_000);
        try (BenchSite site = new BenchSite(Map.of())) {
            BenchBudget budget = new BenchBudget(site, "greedy", 1_000_000, 5);
            try (ProgressBar bar = console.progress("submitting proposals", count)) {
                budget.submitProposals(count, () -> bar.step(""));
            }
            // A freshly bulk-loaded table has no statistics until autovacuum's next round (within a minute); the
            // steady state this bench is about has them.
            site.platform.database().jdbi().useHandle(h -> h.execute("ANALYZE"));
            String list = site.base + "/budgets/" + budget.processId + "/proposals";
            for (String url : List.of(list, list + "?q=" + BenchSite.enc("garden library"))) {
                // Warm up as long as the measurement: the first few hundred requests run interpreted code, not the steady state.
                site.timeGets(url, Math.max(200, requests));
                long[] sorted = site.timeGets(url, requests);
                console.out().printf("GET %s with %d proposals, %d requests: p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                        url.substring(site.base.length()), count, requests, BenchSite.pct(sorted, 0.50), BenchSite.pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
            }
        }
        return 0;
    }
}
