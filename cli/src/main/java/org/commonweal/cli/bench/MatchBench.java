package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.matching.Dbs;
import org.commonweal.matching.FeasiblePairs;
import org.commonweal.matching.HelpRequest;
import org.commonweal.matching.Instance;
import org.commonweal.matching.Matcher;
import org.commonweal.matching.Matching;
import org.commonweal.matching.Volunteer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The matcher on a city-sized instance: volunteers and requests clustered around ten town centres of a 40 km square
 * (Greater Manchester's size), with radii, skills, languages, DBS levels and time slots in proportions a volunteer
 * centre sees, so that most pairs are infeasible. Prints the time and peak heap of the exact match and of the greedy
 * baseline, and what each serves.
 */
final class MatchBench implements Command {
    private static final List<String> SKILLS = List.of("befriending", "shopping", "driving", "gardening", "digital help", "form filling",
            "meals", "dog walking", "DIY", "reading", "translation", "admin");
    private static final List<String> OTHER_LANGUAGES = List.of("Urdu", "Polish", "Punjabi", "Arabic", "Welsh", "Somali");

    @Override
    public String name() {
        return "match";
    }

    @Override
    public String summary() {
        return "--volunteers 10000 --requests 5000: time and memory of the exact volunteer match against cheapest-first";
    }

    @Override
    public int run(List<String> args, Console console) {
        Arguments o;
        try {
            o = Arguments.parse(args, Set.of("volunteers", "requests", "seed"), Set.of());
            o.noPositional();
            int volunteers = o.integer("volunteers", 10_000, 1, 1_000_000), requests = o.integer("requests", 5_000, 1, 1_000_000);
            Instance instance = instance(o.number("seed", 2026), volunteers, requests);
            for (int warm = 0; warm < 2; warm++) Matcher.optimal(instance);
            System.gc();
            resetPeaks();
            var cpu = ManagementFactory.getThreadMXBean();
            long c0 = cpu.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            FeasiblePairs pairs = FeasiblePairs.of(instance);
            long c1 = cpu.getCurrentThreadCpuTime(), t1 = System.nanoTime();
            Matching optimal = Matcher.optimal(instance, pairs);
            long c2 = cpu.getCurrentThreadCpuTime(), t2 = System.nanoTime();
            long peak = peakHeap();
            Matching greedy = Matcher.greedy(instance, pairs);
            long c3 = cpu.getCurrentThreadCpuTime(), t3 = System.nanoTime();
            console.out().printf(Locale.UK, "%,d volunteers × %,d requests: %,d feasible pairs (%.2f%% of all), found in %.0f ms (CPU %.0f ms)%n",
                    volunteers, requests, pairs.size(), 100.0 * pairs.size() / ((double) volunteers * requests), (t1 - t0) / 1e6, (c1 - c0) / 1e6);
            console.out().printf(Locale.UK, "exact match:   %,d matched, %,.1f km in all, %.0f ms (CPU %.0f ms); with the pairs %.0f ms (CPU %.0f ms); peak heap %,d MB%n",
                    optimal.matched(), optimal.totalKm(), (t2 - t1) / 1e6, (c2 - c1) / 1e6, (t2 - t0) / 1e6, (c2 - c0) / 1e6, peak / (1024 * 1024));
            console.out().printf(Locale.UK, "cheapest first: %,d matched, %,.1f km in all, %.0f ms (CPU %.0f ms)%n", greedy.matched(), greedy.totalKm(), (t3 - t2) / 1e6, (c3 - c2) / 1e6);
            console.out().printf(Locale.UK, "the exact match serves %,d more requests%s%n", optimal.matched() - greedy.matched(),
                    optimal.matched() == greedy.matched() ? String.format(Locale.UK, " and saves %,.1f km", greedy.totalKm() - optimal.totalKm()) : "");
            return 0;
        } catch (org.commonweal.cli.UsageException e) {
            console.err().println("commonweal: " + e.getMessage());
            return 2;
        }
    }

    static Instance instance(long seed, int volunteers, int requests) {
        Random rnd = new Random(seed);
        double[][] towns = new double[10][];
        for (int t = 0; t < towns.length; t++) towns[t] = new double[]{53.30 + rnd.nextDouble() * 0.36, -2.60 + rnd.nextDouble() * 0.60};
        List<Volunteer> vs = new ArrayList<>(volunteers);
        for (int i = 0; i < volunteers; i++) {
            double[] at = near(rnd, towns);
            vs.add(new Volunteer("v" + i, pick(rnd, SKILLS, 3 + rnd.nextInt(4)), languages(rnd, 0.95), Dbs.values()[weighted(rnd, 30, 20, 15, 25, 10)],
                    at[0], at[1], 1 + rnd.nextInt(10), slots(rnd, 3 + rnd.nextInt(6)), 1 + rnd.nextInt(3), rnd.nextDouble() < 0.6 ? "female" : "male"));
        }
        List<HelpRequest> rs = new ArrayList<>(requests);
        for (int j = 0; j < requests; j++) {
            double[] at = near(rnd, towns);
            rs.add(new HelpRequest("r" + j, pick(rnd, SKILLS, rnd.nextDouble() < 0.8 ? 1 : 2), languages(rnd, 0.85), Dbs.values()[weighted(rnd, 50, 15, 10, 15, 10)],
                    at[0], at[1], slots(rnd, 1 + rnd.nextInt(3)), rnd.nextDouble() < 0.15 ? "female" : null,
                    rnd.nextDouble() < 0.1 ? "v" + rnd.nextInt(volunteers) : null));
        }
        return new Instance(vs, rs);
    }

    private static double[] near(Random rnd, double[][] towns) {
        double[] town = towns[rnd.nextInt(towns.length)];
        return new double[]{town[0] + rnd.nextGaussian() * 0.04, town[1] + rnd.nextGaussian() * 0.06};
    }

    private static Set<String> pick(Random rnd, List<String> from, int n) {
        Set<String> out = new HashSet<>();
        while (out.size() < Math.min(n, from.size())) out.add(from.get(rnd.nextInt(from.size())));
        return out;
    }

    private static Set<String> languages(Random rnd, double english) {
        Set<String> out = new HashSet<>();
        if (rnd.nextDouble() < english) out.add("English");
        if (out.isEmpty() || rnd.nextDouble() < 0.2) out.add(OTHER_LANGUAGES.get(rnd.nextInt(OTHER_LANGUAGES.size())));
        return out;
    }

    private static Set<String> slots(Random rnd, int n) {
        List<String> all = new ArrayList<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) for (String part : List.of("am", "pm", "eve")) all.add(day + "-" + part);
        return pick(rnd, all, n);
    }

    private static int weighted(Random rnd, int... weights) {
        int total = 0;
        for (int w : weights) total += w;
        int x = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
        return weights.length - 1;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        return sum;
    }
}
