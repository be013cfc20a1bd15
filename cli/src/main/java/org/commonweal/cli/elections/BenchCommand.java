package org.commonweal.cli.elections;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.elections.stv.CountReport;
import org.commonweal.elections.stv.CountingRule;
import org.commonweal.elections.stv.CountingRules;
import org.commonweal.elections.stv.Election;
import org.commonweal.elections.stv.SyntheticElection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code commonweal elections bench}: times the 21 Glasgow 2007 wards under the Scottish rules and a
 * large seeded synthetic election, printing the figures (best of several runs after a warm-up).
 */
public final class BenchCommand implements Command {
    private static final String USAGE = """
            Usage: commonweal elections bench [--glasgow DIR] [--ballots N] [--candidates N] [--seats N] [--seed N] [--runs N]
              --glasgow DIR    the Glasgow 2007 BLT files (default: shared/data/stv/glasgow-2007 found above the current directory)
              --ballots N      papers in the synthetic election (default 1000000)
              --candidates N   candidates in it (default 20); --seats N seats (default 5); --seed N generator seed (default 1)
              --runs N         timed runs after one warm-up; the best is reported (default 5)""";

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "time the STV counts on Glasgow 2007 and on a 1,000,000-ballot synthetic election";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (args.contains("--help")) {
            console.out().println(USAGE);
            return 0;
        }
        Arguments a = Arguments.parse(args, Set.of("glasgow", "ballots", "candidates", "seats", "seed", "runs"), Set.of());
        a.noPositional();
        Path glasgow = a.has("glasgow") ? Path.of(a.text("glasgow", "")) : null;
        long ballots = a.number("ballots", 1_000_000, 1, 100_000_000);
        int candidates = a.integer("candidates", 20, 2, 1000);
        int seats = a.integer("seats", 5, 1, 1000);
        long seed = a.number("seed", 1);
        int runs = a.integer("runs", 5, 1, 1000);
        if (seats >= candidates) throw new UsageException("--seats must be fewer than --candidates");
        if (glasgow == null) glasgow = findGlasgow();

        List<Election> wards = readWards(glasgow);
        CountingRule scottish = CountingRules.byName("scottish").orElseThrow();
        long wardsNanos = best(runs, () -> {
            for (Election e : wards) scottish.count(e, 0);
        });
        console.out().printf("Glasgow 2007: %d wards, %,d ballots, counted under scottish in %.1f ms (best of %d)%n",
                wards.size(), wards.stream().mapToLong(e -> e.ballots().totalPapers()).sum(), wardsNanos / 1e6, runs);

        long start = System.nanoTime();
        Election big = SyntheticElection.generate(candidates, seats, ballots, seed);
        long generated = System.nanoTime() - start;
        console.out().printf("Synthetic: %,d ballots, %d candidates, %d seats, seed %d: %,d distinct rankings, generated and grouped in %.0f ms%n",
                ballots, candidates, seats, seed, big.ballots().size(), generated / 1e6);
        for (CountingRule rule : CountingRules.all()) {
            if (rule.name().equals("irv")) continue;
            CountReport[] last = new CountReport[1];
            long nanos = best(runs, () -> last[0] = rule.count(big, 0));
            console.out().printf("  %-8s %8.1f ms  %d stages, elected %s%n", rule.name(), nanos / 1e6, last[0].stages().size(),
                    String.join(", ", last[0].electedNames()));
        }
        Election single = new Election(big.title(), big.candidates(), 1, big.ballots());
        CountingRule irv = CountingRules.byName("irv").orElseThrow();
        long irvNanos = best(runs, () -> irv.count(single, 0));
        console.out().printf("  %-8s %8.1f ms  (one seat)%n", "irv", irvNanos / 1e6);
        return 0;
    }

    private static long best(int runs, Runnable work) {
        work.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - t);
        }
        return best;
    }

    private static List<Election> readWards(Path dir) throws UsageException {
        List<Election> wards = new ArrayList<>();
        for (Path f : BltFiles.expand(dir)) wards.add(Election.fromBlt(BltFiles.read(f)));
        return wards;
    }

    private static Path findGlasgow() throws UsageException {
        return SharedData.find("data/stv/glasgow-2007", "--glasgow DIR");
    }

}
