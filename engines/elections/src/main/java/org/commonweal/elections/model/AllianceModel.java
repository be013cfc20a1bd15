package org.commonweal.elections.model;

import org.commonweal.elections.apportionment.AdditionalMemberSystem;
import org.commonweal.elections.apportionment.DHondt;
import org.commonweal.elections.apportionment.DivisorMethod;
import org.commonweal.elections.apportionment.Lot;
import org.commonweal.elections.apportionment.PartyVotes;
import org.commonweal.elections.apportionment.SainteLague;
import org.commonweal.elections.apportionment.Threshold;
import org.commonweal.elections.fptp.ConstituencyResult;
import org.commonweal.elections.fptp.FirstPastThePost;
import org.commonweal.elections.fptp.Winner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The alliance modeller: applies a {@link Scenario} to constituency results (see {@link SeatEvaluator} for
 * the order of the steps), compares first past the post before and after, counts the same votes by
 * proportional rules region by region, and runs Monte Carlo simulations over the scenario's uncertainty.
 * Compile once, evaluate many times.
 */
public final class AllianceModel {
    /** Monte Carlo runs are split into this many fixed blocks, so the result never depends on the thread count. */
    private static final int BLOCKS = 64;

    private final CompiledScenario s;
    private final Lot lot;

    /** @throws ScenarioException naming the field when the scenario does not fit the results */
    public AllianceModel(List<ConstituencyResult> results, Scenario scenario, Lot lot) {
        this.s = new CompiledScenario(List.copyOf(results), scenario, lot);
        this.lot = lot;
    }

    /** The noise-free outcome. */
    public ScenarioResult central() {
        int cs = s.constituencies();
        List<Winner> before = FirstPastThePost.winners(s.results, lot);
        SeatEvaluator evaluator = new SeatEvaluator(s);
        RunParameters run = RunParameters.central(s);
        long[] after = new long[s.base.length];
        int[] winnerAfter = new int[cs];
        List<SeatChange> changes = new ArrayList<>();
        List<SeatOutcome> seats = new ArrayList<>(cs);
        for (int c = 0; c < cs; c++) {
            int first = s.start[c];
            int n = s.start[c + 1] - first;
            int w = evaluator.evaluate(c, run);
            int second = evaluator.runnerUp(first, n, w);
            System.arraycopy(evaluator.votes, 0, after, first, n);
            winnerAfter[c] = first + w;
            String to = s.parties[s.party[first + w]];
            Winner was = before.get(c);
            ConstituencyResult r = s.results.get(c);
            long margin = evaluator.votes[w] - (second < 0 ? 0 : evaluator.votes[second]);
            if (!was.party().equals(to)) changes.add(new SeatChange(r.id(), r.name(), r.region(), was.party(), to, was.majority(), margin));
            String ally = evaluator.bestAlly < 0 ? null : s.parties[s.party[first + evaluator.bestAlly]];
            seats.add(new SeatOutcome(r.id(), r.name(), r.region(), was.party(), to, was.majority(), margin, ally, standingVotes(evaluator, first, n)));
        }
        Map<String, Integer> seatsAfter = new HashMap<>();
        for (int c = 0; c < cs; c++) seatsAfter.merge(s.parties[s.party[winnerAfter[c]]], 1, Integer::sum);
        List<RegionComparison> regions = compareRegions(after, winnerAfter);
        Map<String, Integer> dHondt = new HashMap<>();
        Map<String, Integer> sainteLague = new HashMap<>();
        Map<String, Integer> ams = new HashMap<>();
        for (RegionComparison r : regions) {
            r.dHondt().forEach((p, n) -> dHondt.merge(p, n, Integer::sum));
            r.sainteLague().forEach((p, n) -> sainteLague.merge(p, n, Integer::sum));
            r.ams().total().forEach((p, n) -> ams.merge(p, n, Integer::sum));
        }
        return new ScenarioResult(cs, FirstPastThePost.seats(before), FirstPastThePost.sortedBySeats(seatsAfter), List.copyOf(changes), List.copyOf(seats),
                regions, withoutZeros(dHondt), withoutZeros(sainteLague), withoutZeros(ams));
    }

    private Map<String, Long> standingVotes(SeatEvaluator evaluator, int first, int n) {
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        Arrays.sort(order, (a, b) -> evaluator.votes[a] != evaluator.votes[b] ? Long.compare(evaluator.votes[b], evaluator.votes[a])
                : s.label[first + a].compareTo(s.label[first + b]));
        Map<String, Long> votes = new java.util.LinkedHashMap<>();
        for (int k : order) if (!evaluator.withdrawn[k]) votes.merge(s.label[first + k], evaluator.votes[k], Long::sum);
        return votes;
    }

    private List<RegionComparison> compareRegions(long[] after, int[] winnerAfter) {
        Set<String> nonParty = new HashSet<>(s.scenario.nonPartyLabels());
        List<RegionComparison> out = new ArrayList<>();
        for (int r = 0; r < s.regions.length; r++) {
            long[] votes = new long[s.parties.length];
            Map<String, Integer> fptp = new HashMap<>();
            int constituencies = 0;
            for (int c = 0; c < s.constituencies(); c++) {
                if (s.region[c] != r) continue;
                constituencies++;
                fptp.merge(s.parties[s.party[winnerAfter[c]]], 1, Integer::sum);
                for (int i = s.start[c]; i < s.start[c + 1]; i++) if (!s.aggregate[i]) votes[s.party[i]] += after[i];
            }
            List<PartyVotes> list = new ArrayList<>();
            for (int p = 0; p < s.parties.length; p++) {
                if (votes[p] > 0 && !nonParty.contains(s.parties[p])) list.add(new PartyVotes(s.parties[p], votes[p]));
            }
            int listSeats = s.scenario.ams().listSeatsFor(constituencies);
            Map<String, Integer> constituencySeats = FirstPastThePost.sortedBySeats(fptp);
            AdditionalMemberSystem.RegionSeats ams = AdditionalMemberSystem.allocate(constituencySeats, list, Set.of(), list.isEmpty() ? 0 : listSeats, lot);
            out.add(new RegionComparison(s.regions[r], constituencies, listSeats, constituencySeats,
                    proportional(new DHondt(), list, constituencies), proportional(new SainteLague(), list, constituencies),
                    new AdditionalMemberSystem.RegionSeats(FirstPastThePost.sortedBySeats(ams.constituency()),
                            FirstPastThePost.sortedBySeats(ams.list()), FirstPastThePost.sortedBySeats(ams.total()))));
        }
        return List.copyOf(out);
    }

    private Map<String, Integer> proportional(DivisorMethod method, List<PartyVotes> votes, int seats) {
        if (votes.isEmpty()) return Map.of();
        return withoutZeros(method.allocate(votes, seats, Threshold.NONE, lot).seats());
    }

    private static Map<String, Integer> withoutZeros(Map<String, Integer> seats) {
        Map<String, Integer> kept = new HashMap<>(seats);
        kept.values().removeIf(n -> n == 0);
        return FirstPastThePost.sortedBySeats(kept);
    }

    /** {@link #monteCarlo(int, long, Runnable)} without progress reports. */
    public MonteCarloResult monteCarlo(int runs, long seed) {
        return monteCarlo(runs, seed, () -> { });
    }

    /**
     * Runs the scenario {@code runs} times with noise, in parallel. Each run gets its own generator, split in
     * run order from one seeded {@link SplittableRandom} before any run starts, and runs are grouped in fixed
     * blocks whose integer counts are summed at the end, so the result depends only on the seed.
     *
     * @param afterEachRun called (from worker threads) once per finished run, for progress bars
     */
    public MonteCarloResult monteCarlo(int runs, long seed, Runnable afterEachRun) {
        if (runs < 1) throw new IllegalArgumentException("the number of runs must be at least 1, got " + runs);
        int cs = s.constituencies();
        int parties = s.parties.length;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] generators = new SplittableRandom[runs];
        for (int r = 0; r < runs; r++) generators[r] = root.split();
        int blocks = Math.min(BLOCKS, runs);
        int[][] blockWins = new int[blocks][];
        int[] totals = new int[runs * parties];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            SeatEvaluator evaluator = new SeatEvaluator(s);
            int[] wins = new int[cs * parties];
            for (int r = (int) ((long) runs * b / blocks); r < (int) ((long) runs * (b + 1) / blocks); r++) {
                RunParameters run = RunParameters.drawn(s, generators[r]);
                for (int c = 0; c < cs; c++) {
                    int p = s.party[s.start[c] + evaluator.evaluate(c, run)];
                    wins[c * parties + p]++;
                    totals[r * parties + p]++;
                }
                afterEachRun.run();
            }
            blockWins[b] = wins;
        });
        int[] wins = new int[cs * parties];
        for (int[] block : blockWins) for (int i = 0; i < wins.length; i++) wins[i] += block[i];
        List<SeatOdds> seats = new ArrayList<>(cs);
        for (int c = 0; c < cs; c++) {
            Map<String, Integer> odds = new HashMap<>();
            for (int p = 0; p < parties; p++) if (wins[c * parties + p] > 0) odds.put(s.parties[p], wins[c * parties + p]);
            ConstituencyResult r = s.results.get(c);
            seats.add(new SeatOdds(r.id(), r.name(), r.region(), FirstPastThePost.sortedBySeats(odds)));
        }
        return new MonteCarloResult(runs, seed, seatRanges(totals, runs, parties), List.copyOf(seats));
    }

    private List<SeatRange> seatRanges(int[] totals, int runs, int parties) {
        List<SeatRange> ranges = new ArrayList<>();
        for (int p = 0; p < parties; p++) {
            int[] sorted = new int[runs];
            long sum = 0;
            for (int r = 0; r < runs; r++) {
                sorted[r] = totals[r * parties + p];
                sum += sorted[r];
            }
            if (sum == 0) continue;
            Arrays.sort(sorted);
            ranges.add(new SeatRange(s.parties[p], (double) sum / runs, nearestRank(sorted, 5), nearestRank(sorted, 50), nearestRank(sorted, 95)));
        }
        ranges.sort((a, b) -> a.median() != b.median() ? Integer.compare(b.median(), a.median()) : a.party().compareTo(b.party()));
        return List.copyOf(ranges);
    }

    private static int nearestRank(int[] sorted, int percent) {
        int rank = (int) ((percent * (long) sorted.length + 99) / 100);
        return sorted[Math.max(rank, 1) - 1];
    }
}
