package org.commonweal.cli.elections;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.ProgressBar;
import org.commonweal.cli.UsageException;
import org.commonweal.elections.apportionment.Lot;
import org.commonweal.elections.fptp.ConstituencyResult;
import org.commonweal.elections.fptp.PartyNames;
import org.commonweal.elections.model.HexLayout;
import org.commonweal.elections.model.HexMapSvg;
import org.commonweal.elections.model.StvAssumption;
import org.commonweal.elections.model.StvGrouping;
import org.commonweal.platform.elections.HexJson;
import org.commonweal.elections.model.AllianceModel;
import org.commonweal.elections.model.MonteCarloResult;
import org.commonweal.elections.model.RegionComparison;
import org.commonweal.elections.model.Scenario;
import org.commonweal.elections.model.ScenarioException;
import org.commonweal.elections.model.ScenarioResultJson;
import org.commonweal.elections.model.ScenarioResult;
import org.commonweal.elections.model.SeatChange;
import org.commonweal.elections.model.SeatOdds;
import org.commonweal.elections.model.SeatRange;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code commonweal elections model RESULTS.csv --scenario scenario.json [--runs N] [--seed S] [--json] [--svg FILE]
 * [--hexjson FILE] [--bench]}: the alliance modeller on real results.
 */
final class ModelCommand implements Command {
    private static final int BENCH_SCENARIOS = 200;

    @Override
    public String name() {
        return "model";
    }

    @Override
    public String summary() {
        return "alliance modeller: swing, stand-downs, transfers, PR comparisons, Monte Carlo";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (args.contains("--help")) {
            console.out().println("Usage: commonweal elections model RESULTS.csv --scenario SCENARIO.json [--runs N] [--seed S] [--json] [--svg FILE] [--hexjson FILE] [--bench]\n"
                    + "RESULTS.csv: House of Commons Library by-constituency or by-candidate layout, or constituency,region,party,votes.\n"
                    + "--runs N: Monte Carlo runs over the scenario's uncertainty (default 0: central outcome only).\n"
                    + "--seed S: seeds the Monte Carlo runs and the drawing of lots for ties (default 1).\n"
                    + "--svg FILE: also write the seat map (winners before and after, changes outlined) as SVG.\n"
                    + "--hexjson FILE: the HexJSON map of the constituencies, for --svg and for STV groups of adjacent seats\n"
                    + "  (default: shared/data/uk-elections/uk-constituencies-2023.hexjson found above the current directory).\n"
                    + "--bench: time the central scenario and the Monte Carlo runs (default 10000) instead of printing results.");
            return 0;
        }
        Arguments o = Arguments.parse(args, Set.of("scenario", "runs", "seed", "svg", "hexjson"), Set.of("json", "bench"));
        if (o.positional().size() != 1) throw new UsageException("expected one results file, got " + o.positional().size() + " (see --help)");
        List<ConstituencyResult> results = ResultsFileReader.read(o.positional().get(0));
        String scenarioFile = o.required("scenario");
        Scenario scenario = ScenarioJson.parse(scenarioFile, readScenario(scenarioFile));
        long seed = o.number("seed", 1);
        int runs = (int) o.number("runs", o.has("bench") ? 10_000 : 0, 0, 10_000_000);
        Lot lot = new Lot(seed);
        boolean adjacentStv = scenario.stv() != null && scenario.stv().groups() == null;
        HexLayout layout = o.has("svg") || adjacentStv ? hexLayout(o) : null;
        AllianceModel model;
        ScenarioResult central;
        try {
            if (adjacentStv) {
                StvAssumption stv = scenario.stv();
                scenario = scenario.withStv(new StvAssumption(StvGrouping.adjacent(results, layout, stv.seatsPerGroup()), stv.seatsPerGroup(), stv.transfers()));
            }
            model = new AllianceModel(results, scenario, lot);
            if (o.has("bench")) return bench(results, scenario, lot, model, Math.max(runs, 1), seed, console);
            central = model.central();
        } catch (ScenarioException e) {
            throw new UsageException(scenarioFile + ": " + e.getMessage());
        }
        PartyNames names = PartyNames.of(results);
        if (o.has("svg")) writeSvg(o.text("svg", ""), layout, results, central, names);
        MonteCarloResult mc = null;
        if (runs > 0) {
            try (ProgressBar bar = console.progress("Monte Carlo", runs)) {
                mc = model.monteCarlo(runs, seed, () -> bar.step("run"));
            }
        }
        if (o.has("json")) {
            console.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(ScenarioResultJson.of(central, mc, names::name)));
        }
        else printText(central, mc, console);
        return 0;
    }

    private static HexLayout hexLayout(Arguments o) throws UsageException {
        Path file = o.has("hexjson") ? Path.of(o.text("hexjson", "")) : SharedData.find("data/uk-elections/uk-constituencies-2023.hexjson", "--hexjson FILE");
        try {
            return HexJson.parse(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (HexJson.Unreadable e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
    }

    private static void writeSvg(String file, HexLayout layout, List<ConstituencyResult> results, ScenarioResult central, PartyNames names) throws UsageException {
        HexLayout matched = layout.matching(results);
        if (matched.hexes().size() < results.size()) {
            throw new UsageException("--svg: " + (results.size() - matched.hexes().size()) + " of " + results.size()
                    + " constituencies are not in the hex map (by ONS id or name), so it cannot show these results");
        }
        try {
            Files.writeString(Path.of(file), HexMapSvg.render(matched, central.seats(), names::name, HexMapSvg.ENGLISH, "seat-map"));
        } catch (IOException e) {
            throw new UsageException(file + ": cannot write (" + e.getMessage() + ")");
        }
    }

    private static String readScenario(String file) throws UsageException {
        try {
            return Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static void printText(ScenarioResult r, MonteCarloResult mc, Console console) {
        var out = console.out();
        Set<String> parties = new TreeSet<>(r.seatsBefore().keySet());
        parties.addAll(r.seatsAfter().keySet());
        parties.addAll(r.sainteLague().keySet());
        parties.addAll(r.ams().keySet());
        parties.addAll(r.stv().keySet());
        List<String> order = new ArrayList<>(parties);
        order.sort(java.util.Comparator.comparingInt((String p) -> -r.seatsAfter().getOrDefault(p, 0))
                .thenComparingInt(p -> -r.seatsBefore().getOrDefault(p, 0))
                .thenComparing(java.util.Comparator.naturalOrder()));
        int listSeats = r.regions().stream().mapToInt(RegionComparison::listSeats).sum();
        out.printf("%d constituencies in %d regions%n", r.constituencies(), r.regions().size());
        long votesBefore = r.votesBefore().values().stream().mapToLong(Long::longValue).sum();
        long votesAfter = r.votesAfter().values().stream().mapToLong(Long::longValue).sum();
        out.printf("  %-12s %7s %7s %7s %7s %7s %7s %7s %7s%n", "party", "vote%", "after%", "before", "after", "dhondt", "s-lague", "ams", "stv");
        for (String p : order) {
            out.printf("  %-12s %7.1f %7.1f %7d %7d %7d %7d %7d %7d%n", p, percent(r.votesBefore().getOrDefault(p, 0L), votesBefore),
                    percent(r.votesAfter().getOrDefault(p, 0L), votesAfter), r.seatsBefore().getOrDefault(p, 0), r.seatsAfter().getOrDefault(p, 0),
                    r.dHondt().getOrDefault(p, 0), r.sainteLague().getOrDefault(p, 0), r.ams().getOrDefault(p, 0), r.stv().getOrDefault(p, 0));
        }
        out.printf("(vote%%: as given; after%%: after polls, swings and local factors, before any pact, which the proportional columns count.%n"
                + " D'Hondt and Sainte-Laguë by region with the region's number of constituencies; AMS has %d list seats; STV %s.)%n", listSeats,
                r.stvSeats().isEmpty() ? "not projected" : "in " + r.stvSeats().size() + " multi-member seats");
        out.printf("%n%d seats change hands:%n", r.changes().size());
        for (SeatChange c : r.changes()) {
            out.printf("  %-40s %-8s -> %-8s majority %d -> %d%n", c.name(), c.from(), c.to(), c.marginBefore(), c.marginAfter());
        }
        if (mc != null) {
            out.printf("%nMonte Carlo, %d runs, seed %d: seats (5th percentile, median, 95th percentile)%n", mc.runs(), mc.seed());
            for (SeatRange sr : mc.seatTotals()) out.printf("  %-12s %5d %5d %5d  mean %.1f%n", sr.party(), sr.p5(), sr.median(), sr.p95(), sr.mean());
            for (SeatRange sr : mc.seatTotals()) {
                int most = mc.mostSeats().getOrDefault(sr.party(), 0);
                int majority = mc.majority().getOrDefault(sr.party(), 0);
                if (most > 0 || majority > 0) {
                    out.printf("  %-12s most seats in %.1f%% of runs, a majority (%d+) in %.1f%%%n", sr.party(), percent(most, mc.runs()), mc.majorityAt(), percent(majority, mc.runs()));
                }
            }
            List<SeatOdds> marginal = mc.seats().stream().filter(s -> s.wins().size() > 1).toList();
            out.printf("%d seats are won by more than one party across the runs.%n", marginal.size());
        }
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    /**
     * Wall-clock figures plus CPU time, because on a shared machine the wall clock also measures the other
     * processes: CPU time is what the work itself costs.
     */
    private static int bench(List<ConstituencyResult> results, Scenario scenario, Lot lot, AllianceModel model, int runs, long seed, Console console) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[BENCH_SCENARIOS];
        long[] cpu = new long[BENCH_SCENARIOS];
        for (int warm = 0; warm < BENCH_SCENARIOS; warm++) new AllianceModel(results, scenario, lot).central();
        for (int i = 0; i < BENCH_SCENARIOS; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            new AllianceModel(results, scenario, lot).central();
            wall[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        console.out().printf("central scenario, %d constituencies (compile + evaluate + PR comparisons), %d timed: wall median %.2f ms (best %.2f), CPU median %.2f ms%n",
                results.size(), BENCH_SCENARIOS, wall[BENCH_SCENARIOS / 2] / 1e6, wall[0] / 1e6, cpu[BENCH_SCENARIOS / 2] / 1e6);
        model.monteCarlo(Math.min(runs, 1000), seed);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        model.monteCarlo(runs, seed);
        long took = System.nanoTime() - t0;
        long cpuTook = os.getProcessCpuTime() - c0;
        console.out().printf("Monte Carlo, %d runs on %d cores: wall %.2f s (%.1f µs per run), CPU %.2f s (load average %.1f)%n", runs,
                Runtime.getRuntime().availableProcessors(), took / 1e9, took / 1e3 / runs, cpuTook / 1e9, os.getSystemLoadAverage());
        return 0;
    }
}
