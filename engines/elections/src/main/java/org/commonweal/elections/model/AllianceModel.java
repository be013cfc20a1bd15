package org.commonweal.elections.model;

import org.commonweal.elections.apportionment.AdditionalMemberSystem;
import org.commonweal.elections.apportionment.DHondt;
import org.commonweal.elections.apportionment.DivisorMethod;
import org.commonweal.elections.apportionment.HareLargestRemainder;
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
    private static final HareLargestRemainder HARE = new HareLargestRemainder();

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
        long[] prePact = new long[s.base.length];
        int[] prePactWinner = new int[cs];
        int[] winnerAfter = new int[cs];
        List<SeatChange> changes = new ArrayList<>();
        List<SeatOutcome> seats = new ArrayList<>(cs);
        for (int c = 0; c < cs; c++) {
            int first = s.start[c];
            int n = s.start[c + 1] - first;
            int w = evaluator.evaluate(c, run);
            int second = evaluator.runnerUp(first, n, w);
            System.arraycopy(evaluator.swung, 0, prePact, first, n);
            prePactWinner[c] = first + evaluator.swungWinner(first, n);
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
        List<RegionComparison> regions = compareRegions(prePact, prePactWinner);
        Map<String, Integer> dHondt = new HashMap<>();
        Map<String, Integer> sainteLague = new HashMap<>();
        Map<String, Integer> ams = new HashMap<>();
        for (RegionComparison r : regions) {
            r.dHondt().forEach((p, n) -> dHondt.merge(p, n, Integer::sum));
            r.sainteLague().forEach((p, n) -> sainteLague.merge(p, n, Integer::sum));
            r.ams().total().forEach((p, n) -> ams.merge(p, n, Integer::sum));
        }
        List<StvSeat> stvSeats = s.scenario.stv() == null ? List.of() : projectStv(prePact);
        Map<String, Integer> stv = new HashMap<>();
        for (StvSeat seat : stvSeats) seat.elected().forEach((p, n) -> stv.merge(p, n, Integer::sum));
        return new ScenarioResult(cs, FirstPastThePost.seats(before), FirstPastThePost.sortedBySeats(seatsAfter), List.copyOf(changes), List.copyOf(seats),
                regions, withoutZeros(dHondt), withoutZeros(sainteLague), withoutZeros(ams), votesByLabel(s.base), votesByLabel(prePact),
                stvSeats, withoutZeros(stv));
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

    private Map<String, Long> votesByLabel(long[] votes) {
        long[] sum = new long[s.parties.length];
        for (int i = 0; i < votes.length; i++) sum[s.party[i]] += votes[i];
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        Integer[] order = new Integer[sum.length];
        for (int p = 0; p < order.length; p++) order[p] = p;
        Arrays.sort(order, (a, b) -> sum[a] != sum[b] ? Long.compare(sum[b], sum[a]) : s.parties[a].compareTo(s.parties[b]));
        for (int p : order) if (sum[p] > 0) out.put(s.parties[p], sum[p]);
        return out;
    }

    /** Each group's first preferences are its constituencies' votes before any pact (the aggregate of others left out). */
    private List<StvSeat> projectStv(long[] prePact) {
        StvAssumption stv = s.scenario.stv();
        if (stv.groups() == null) throw new ScenarioException("stv.groups", "give the groups, or a hex layout to group adjacent constituencies");
        Map<String, Integer> byKey = s.constituencyKeys();
        Map<String, Map<String, Long>> matrix = new HashMap<>();
        stv.transfers().forEach((from, row) -> {
            String field = "stv.transfers." + from;
            if (!s.partyIndex.containsKey(from)) throw new ScenarioException(field, "no candidate has the label '" + from + "' in the results");
            Map<String, Long> compiled = new HashMap<>();
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (Map.Entry<String, java.math.BigDecimal> e : row.entrySet()) {
                if (!s.partyIndex.containsKey(e.getKey())) throw new ScenarioException(field + "." + e.getKey(), "no candidate has the label '" + e.getKey() + "' in the results");
                if (e.getValue() == null || e.getValue().signum() < 0 || e.getValue().compareTo(java.math.BigDecimal.ONE) > 0) {
                    throw new ScenarioException(field + "." + e.getKey(), "must be a fraction between 0 and 1");
                }
                sum = sum.add(e.getValue());
                compiled.put(e.getKey(), FixedPoint.millionths(e.getValue()));
            }
            if (sum.compareTo(java.math.BigDecimal.ONE) > 0) throw new ScenarioException(field, "fractions add up to " + sum.toPlainString() + ", more than 1");
            matrix.put(from, compiled);
        });
        int[] groupOf = new int[s.constituencies()];
        Arrays.fill(groupOf, -1);
        List<StvSeat> out = new ArrayList<>();
        int g = 0;
        for (Map.Entry<String, List<String>> group : stv.groups().entrySet()) {
            String field = "stv.groups." + group.getKey();
            if (group.getValue().isEmpty()) throw new ScenarioException(field, "lists no constituency");
            Map<String, Long> votes = new HashMap<>();
            List<String> ids = new ArrayList<>();
            Set<String> regions = new java.util.TreeSet<>();
            for (String key : group.getValue()) {
                Integer c = byKey.get(key);
                if (c == null) throw new ScenarioException(field, "no constituency has id or name '" + key + "'");
                if (groupOf[c] >= 0) throw new ScenarioException(field, s.results.get(c).name() + " is already in another group");
                groupOf[c] = g;
                ids.add(s.results.get(c).id());
                regions.add(s.results.get(c).region());
                for (int i = s.start[c]; i < s.start[c + 1]; i++) if (!s.aggregate[i]) votes.merge(s.parties[s.party[i]], prePact[i], Long::sum);
            }
            g++;
            out.add(new StvSeat(group.getKey(), String.join(", ", regions), List.copyOf(ids), ids.size(), StvProjection.project(votes, ids.size(), matrix, lot)));
        }
        for (int c = 0; c < groupOf.length; c++) {
            if (groupOf[c] < 0) throw new ScenarioException("stv.groups", s.results.get(c).name() + " is in no group (every constituency must be in one)");
        }
        return List.copyOf(out);
    }

    /** D'Hondt, Sainte-Laguë and AMS count the votes before any pact: stand-downs and tactical votes do not apply under PR. */
    private List<RegionComparison> compareRegions(long[] prePact, int[] prePactWinner) {
        Set<String> nonParty = new HashSet<>(s.scenario.nonPartyLabels());
        int[] constituencies = new int[s.regions.length];
        for (int c = 0; c < s.constituencies(); c++) constituencies[s.region[c]]++;
        int house = s.scenario.ams().houseSize();
        int[] listSeats = house == 0 ? fixedProportion(constituencies) : shareByConstituencies(constituencies, s.scenario.ams().listSeats());
        int[] constituencySeats = house == 0 ? constituencies : shareByConstituencies(constituencies, house - s.scenario.ams().listSeats());
        double[] listScale = listScale(prePact);
        List<RegionComparison> out = new ArrayList<>();
        for (int r = 0; r < s.regions.length; r++) {
            long[] votes = new long[s.parties.length];
            Map<String, Integer> fptp = new HashMap<>();
            for (int c = 0; c < s.constituencies(); c++) {
                if (s.region[c] != r) continue;
                fptp.merge(s.parties[s.party[prePactWinner[c]]], 1, Integer::sum);
                for (int i = s.start[c]; i < s.start[c + 1]; i++) if (!s.aggregate[i]) votes[s.party[i]] += prePact[i];
            }
            List<PartyVotes> list = new ArrayList<>();
            List<PartyVotes> listVote = new ArrayList<>();
            for (int p = 0; p < s.parties.length; p++) {
                if (votes[p] <= 0 || nonParty.contains(s.parties[p])) continue;
                list.add(new PartyVotes(s.parties[p], votes[p]));
                long scaled = listScale == null ? votes[p] : Math.round(votes[p] * listScale[p]);
                if (scaled > 0) listVote.add(new PartyVotes(s.parties[p], scaled));
            }
            Map<String, Integer> won = FirstPastThePost.sortedBySeats(fptp);
            Map<String, Integer> amsConstituency = constituencySeats[r] == constituencies[r] ? won : scaled(won, constituencySeats[r]);
            AdditionalMemberSystem.RegionSeats ams = AdditionalMemberSystem.allocate(amsConstituency, listVote, Set.of(), listVote.isEmpty() ? 0 : listSeats[r], lot);
            out.add(new RegionComparison(s.regions[r], constituencies[r], listSeats[r], won,
                    proportional(new DHondt(), list, constituencies[r]), proportional(new SainteLague(), list, constituencies[r]),
                    new AdditionalMemberSystem.RegionSeats(FirstPastThePost.sortedBySeats(ams.constituency()),
                            FirstPastThePost.sortedBySeats(ams.list()), FirstPastThePost.sortedBySeats(ams.total()))));
        }
        return List.copyOf(out);
    }

    private int[] fixedProportion(int[] constituencies) {
        int[] out = new int[constituencies.length];
        for (int r = 0; r < out.length; r++) out[r] = s.scenario.ams().listSeatsFor(constituencies[r]);
        return out;
    }

    /** {@code seats} shared among the regions in proportion to their constituencies (largest remainder). */
    private int[] shareByConstituencies(int[] constituencies, int seats) {
        List<PartyVotes> weights = new ArrayList<>();
        for (int r = 0; r < constituencies.length; r++) weights.add(new PartyVotes(s.regions[r], constituencies[r]));
        Map<String, Integer> shared = HARE.allocate(weights, seats, Threshold.NONE, lot).seats();
        int[] out = new int[constituencies.length];
        for (int r = 0; r < out.length; r++) out[r] = shared.getOrDefault(s.regions[r], 0);
        return out;
    }

    /** A region's constituency wins scaled to its number of AMS constituency seats (largest remainder). */
    private Map<String, Integer> scaled(Map<String, Integer> won, int seats) {
        List<PartyVotes> weights = new ArrayList<>();
        won.forEach((p, n) -> weights.add(new PartyVotes(p, n)));
        return withoutZeros(HARE.allocate(weights, seats, Threshold.NONE, lot).seats());
    }

    /** What each party's vote is multiplied by to give the list vote (its balanced list share over its present share); null when the list vote is the constituency vote. */
    private double[] listScale(long[] prePact) {
        if (s.listShareTarget == null) return null;
        long[] national = new long[s.parties.length];
        long all = 0;
        for (int i = 0; i < prePact.length; i++) {
            if (s.aggregate[i]) continue;
            national[s.party[i]] += prePact[i];
            all += prePact[i];
        }
        long[] balanced = ShareBalance.balance(national, s.listShareTarget);
        double[] scale = new double[national.length];
        for (int p = 0; p < national.length; p++) {
            if (national[p] == 0) {
                if (balanced[p] > 0) throw new ScenarioException("ams.listShares." + s.parties[p], "has no votes, so no list vote can be scaled to a share");
                continue;
            }
            scale[p] = (double) balanced[p] * all / ((double) national[p] * FixedPoint.HUNDRED_MILLION);
        }
        return scale;
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
        int majorityAt = cs / 2 + 1;
        Map<String, Integer> mostSeats = new java.util.TreeMap<>();
        Map<String, Integer> majority = new java.util.TreeMap<>();
        for (int r = 0; r < runs; r++) {
            int top = -1;
            boolean tie = false;
            for (int p = 0; p < parties; p++) {
                int n = totals[r * parties + p];
                if (n >= majorityAt) majority.merge(s.parties[p], 1, Integer::sum);
                if (top < 0 || n > totals[r * parties + top]) {
                    top = p;
                    tie = false;
                } else if (n == totals[r * parties + top]) tie = true;
            }
            if (!tie) mostSeats.merge(s.parties[top], 1, Integer::sum);
        }
        return new MonteCarloResult(runs, seed, seatRanges(totals, runs, parties), List.copyOf(seats),
                FirstPastThePost.sortedBySeats(mostSeats), FirstPastThePost.sortedBySeats(majority), majorityAt);
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
