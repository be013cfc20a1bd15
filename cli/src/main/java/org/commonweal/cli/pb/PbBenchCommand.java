package org.commonweal.cli.pb;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.ProgressBar;
import org.commonweal.cli.UsageException;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Rule;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.PabulibFormatException;
import org.commonweal.pb.pabulib.PabulibReader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code commonweal pb bench [FILES...]}: parse and compute times, measured warm (after warm-up runs in the
 * same JVM). Without files: the largest shared pabulib files one by one, then every shared file once.
 */
final class PbBenchCommand implements Command {
    private static final List<String> LARGE = List.of("Poland_Warszawa_2026.pb", "Poland_Lodz_2022.pb",
            "Poland_Wroclaw_2015_150_-_500.pb", "Poland_Krakow_2024.pb");
    /** Rules timed when the build has them; the equal-shares rule comes from the pb engine's mes package. */
    private static final List<String> BENCH_RULES = List.of("greedy", "mes");
    /** CPU time of this thread: on a shared, loaded machine it shows the work done, where wall time shows the wait too. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "time parsing and rules: [FILES...] (default: the large shared files, then all shared files)";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (args.contains("--help")) {
            console.out().println("Usage: commonweal pb bench [FILES...] [--repeat N] [--data DIR] [--rule NAME]\n"
                    + "--rule NAME times that rule instead of greedy and mes (files whose ballots it refuses are left out).\n"
                    + "Times are warm: each file is parsed and computed --repeat times (default 7) after 3 warm-up runs.\n"
                    + "'parse cpu ms' is the median CPU time of the parsing thread, which a busy machine inflates less than wall time.");
            return 0;
        }
        Arguments a = Arguments.parse(args, Set.of("repeat", "data", "rule"), Set.of());
        int repeat = a.integer("repeat", 7, 1, 1000);
        List<Rule> rules = new ArrayList<>();
        for (String name : a.has("rule") ? List.of(a.text("rule", "")) : BENCH_RULES) {
            if (a.has("rule")) {
                try {
                    rules.add(Rules.build(name, Map.of()));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                continue;
            }
            if (Rules.names().contains(name)) rules.add(Rules.build(name, Map.of()));
            else console.err().println("bench: rule " + name + " is not in this build; not timed");
        }
        boolean defaults = a.positional().isEmpty();
        List<Path> files = new ArrayList<>();
        Path data = null;
        if (defaults) {
            data = a.has("data") ? Path.of(a.text("data", "")) : sharedPabulib();
            for (String name : LARGE) files.add(data.resolve(name));
        } else {
            for (String f : a.positional()) files.add(Path.of(f));
        }
        console.out().printf("%-38s %8s %22s %12s %9s", "file", "voters", "parse ms (min/median)", "parse cpu ms", "heap MB");
        for (Rule r : rules) console.out().printf(" %16s", r.name() + " ms (min)");
        console.out().println();
        for (Path file : files) benchOne(file, rules, repeat, console);
        if (defaults) benchAll(data, rules, console);
        return 0;
    }

    private void benchOne(Path file, List<Rule> rules, int repeat, Console console) throws UsageException {
        Instance instance = PbFiles.read(file.toString());
        double[] parse = new double[repeat];
        double[] parseCpu = new double[repeat];
        for (int i = -3; i < repeat; i++) {
            long c0 = CPU.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            instance = PbFiles.read(file.toString());
            if (i >= 0) {
                parse[i] = (System.nanoTime() - t0) / 1e6;
                parseCpu[i] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        Arrays.sort(parse);
        Arrays.sort(parseCpu);
        console.out().printf("%-38s %8d %10.1f / %-9.1f %12.1f %9.1f", shorten(file.getFileName().toString()), instance.ballots().size(),
                parse[0], parse[repeat / 2], parseCpu[repeat / 2], retainedMegabytes(file));
        for (Rule rule : rules) {
            double best = Double.MAX_VALUE;
            try {
                for (int i = -3; i < repeat; i++) {
                    long t0 = System.nanoTime();
                    rule.outcome(instance, TieBreak.DEFAULT);
                    if (i >= 0) best = Math.min(best, (System.nanoTime() - t0) / 1e6);
                }
                console.out().printf(" %16.2f", best);
            } catch (IllegalArgumentException e) {
                console.out().printf(" %16s", "refused");
            }
        }
        console.out().println();
    }

    /** Heap the parsed instance keeps alive, measured around a full collection; approximate by nature. */
    private static double retainedMegabytes(Path file) throws UsageException {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Instance kept = PbFiles.read(file.toString());
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        if (kept.projects().isEmpty()) return 0;
        return Math.max(0, after - before) / 1e6;
    }

    private void benchAll(Path data, List<Rule> rules, Console console) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(data)) {
            all = s.filter(p -> p.toString().endsWith(".pb")).sorted().toList();
        }
        for (int pass = 0; pass < 2; pass++) {
            long parseNanos = 0;
            long[] ruleNanos = new long[rules.size()];
            try (ProgressBar progress = console.progress(pass == 0 ? "warm-up" : "all files", all.size())) {
                for (Path file : all) {
                    long t0 = System.nanoTime();
                    Instance instance;
                    try {
                        instance = PabulibReader.read(file);
                    } catch (PabulibFormatException e) {
                        console.err().println("bench: " + e.getMessage());
                        continue;
                    }
                    parseNanos += System.nanoTime() - t0;
                    for (int r = 0; r < rules.size(); r++) {
                        long t1 = System.nanoTime();
                        try {
                            rules.get(r).outcome(instance, TieBreak.DEFAULT);
                        } catch (IllegalArgumentException e) {
                            continue; // a rule for approval ballots refuses the others
                        }
                        ruleNanos[r] += System.nanoTime() - t1;
                    }
                    progress.step(file.getFileName().toString());
                }
            }
            if (pass == 1) {
                console.out().printf("all %d shared files (one warm pass): parse %.0f ms total", all.size(), parseNanos / 1e6);
                for (int r = 0; r < rules.size(); r++) console.out().printf(", %s %.0f ms total", rules.get(r).name(), ruleNanos[r] / 1e6);
                console.out().println();
            }
        }
    }

    /** {@code <repo>/../shared/data/pabulib}, the repo being where this jar (or these classes) was built. */
    private static Path sharedPabulib() throws UsageException {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(PbBenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source: the working directory below is the only clue
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path dir : starts) {
            for (Path d = dir; d != null; d = d.getParent()) {
                Path candidate = d.resolveSibling("shared").resolve("data").resolve("pabulib");
                if (Files.exists(d.resolve("commonweal")) && Files.isDirectory(candidate)) return candidate;
            }
        }
        throw new UsageException("no shared pabulib data found next to the repository; name FILES or pass --data DIR");
    }

    private static String shorten(String s) {
        return s.length() <= 38 ? s : s.substring(0, 35) + "...";
    }
}
