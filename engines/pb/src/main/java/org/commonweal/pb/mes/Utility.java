package org.commonweal.pb.mes;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;

/**
 * How much a voter gains from a funded project, the "satisfaction function" of the MES papers and pabutools.
 * COST: the project's cost for every supporter (approval ballots; equalshares.net default); CARDINALITY: 1 per funded
 * approved project; POINTS: the points the voter gave (cumulative/scoring, additive). Beyond these, as pabutools
 * defines them (a ballot with points counts as approval of its projects):
 * <ul>
 *   <li>SQRT: √cost; LOG: ln(1 + cost in currency units);</li>
 *   <li>RELATIVE_COST: cost divided by the most the voter's own projects could cost together within the budget (the
 *       largest affordable subset, found exactly), so that every voter's full satisfaction is 1;</li>
 *   <li>EFFORT: the project's cost divided by the number of voters who list it, the same for each of them. It is exact
 *       without rounding: a project's supporters all have the same utility, so Equal Shares prices in "money per
 *       supporter" x (its {@link #on valuation} is 1 per listed project) and ranks by ρ = x·supporters/cost
 *       ({@link #effortScale}); see {@link VoterComparison} for the comparison step.</li>
 * </ul>
 * The engine's utilities are whole numbers (its arithmetic is exact), so these three are fixed-point: √cost to 10⁻⁶
 * (floor(10⁶·√cost), with the integer square root), ln(1 + c) to 10⁻⁹ (rounded, with {@link StrictMath} so that every
 * machine gets the same numbers) and the relative cost to 10⁻¹² (floor). Decisions are exact for these numbers;
 * where the real numbers would tie or differ by less than the rounding, the outcome may differ from a computation in
 * reals.
 */
public enum Utility {
    COST("cost"), CARDINALITY("cardinality"), POINTS("points"), SQRT("sqrt"), LOG("log"), RELATIVE_COST("relative-cost"), EFFORT("effort");

    private static final BigInteger SQRT_SCALE = BigInteger.TEN.pow(12);
    private static final double LOG_SCALE = 1e9;
    private static final BigInteger RELATIVE_SCALE = BigInteger.TEN.pow(12);
    /** Search steps allowed when finding a ballot's largest affordable subset, before refusing. */
    private static final long BEST_FIT_STEPS = 20_000_000L;

    private final String cliName;

    Utility(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Utility fromCliName(String name) {
        for (Utility u : values()) if (u.cliName.equals(name)) return u;
        throw new IllegalArgumentException("unknown utility '" + name + "' (expected cost, cardinality, points, sqrt, log, relative-cost or effort)");
    }

    /** Every voter's utility for each project they listed, on one instance. */
    public interface Valuation {
        /** The utility for the voter of {@code ballot} of the project listed at position {@code i}. */
        long of(Ballot ballot, int i);
    }

    /** The valuation of this utility on {@code instance}, with what it needs (per-project values, per-ballot normalisers) worked out once. */
    public Valuation on(Instance instance) {
        int m = instance.projects().size();
        long[] cost = new long[m];
        for (int p = 0; p < m; p++) cost[p] = instance.projects().get(p).cost();
        return switch (this) {
            case COST -> (b, i) -> cost[b.projects()[i]];
            case CARDINALITY -> (b, i) -> 1;
            case POINTS -> Ballot::pointsAt;
            case SQRT -> perProject(cost, c -> BigInteger.valueOf(c).multiply(SQRT_SCALE).sqrt().longValueExact());
            case LOG -> perProject(cost, c -> Math.round(StrictMath.log1p(instance.toCurrency(c).doubleValue()) * LOG_SCALE));
            case RELATIVE_COST -> relativeCost(instance, cost);
            case EFFORT -> perProject(cost, c -> c > 0 ? 1 : 0);
        };
    }

    /**
     * For EFFORT, per project {supporters, cost}: ρ is the price per unit of the valuation times supporters/cost
     * (a project's every supporter gains cost/supporters, so paying x each is ρ = x·supporters/cost); null otherwise.
     */
    long[][] effortScale(Instance instance, long[] supporters) {
        if (this != EFFORT) return null;
        int m = instance.projects().size();
        long[][] scale = new long[m][];
        for (int p = 0; p < m; p++) {
            long cost = instance.projects().get(p).cost();
            scale[p] = cost > 0 && supporters[p] > 0 ? new long[]{supporters[p], cost} : new long[]{1, 1};
        }
        return scale;
    }

    private static Valuation perProject(long[] cost, java.util.function.LongUnaryOperator f) {
        long[] value = new long[cost.length];
        for (int p = 0; p < cost.length; p++) value[p] = f.applyAsLong(cost[p]);
        return (b, i) -> value[b.projects()[i]];
    }

    private static Valuation relativeCost(Instance instance, long[] cost) {
        Map<Ballot, Long> normaliser = new java.util.IdentityHashMap<>();
        Map<String, Long> bySet = new HashMap<>();
        return (b, i) -> {
            long n = normaliser.computeIfAbsent(b, ballot -> {
                long[] own = Arrays.stream(ballot.projects()).distinct().mapToLong(p -> cost[p]).sorted().toArray();
                return bySet.computeIfAbsent(Arrays.toString(own), k -> bestFit(own, instance.budget(), ballot.voterId()));
            });
            if (n == 0) return 0;
            return BigInteger.valueOf(cost[b.projects()[i]]).multiply(RELATIVE_SCALE).divide(BigInteger.valueOf(n)).longValueExact();
        };
    }

    /** The largest total of a subset of {@code costs} (ascending) within {@code budget}: exact, by a pruned search. */
    static long bestFit(long[] costs, long budget, String voter) {
        long total = 0;
        for (long c : costs) total += c;
        if (total <= budget) return total;
        long[] desc = new long[costs.length];
        for (int k = 0; k < costs.length; k++) desc[k] = costs[costs.length - 1 - k];
        long[] suffix = new long[desc.length + 1];
        for (int k = desc.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + desc[k];
        long[] best = {0};
        long[] steps = {0};
        search(desc, suffix, 0, 0, budget, best, steps);
        if (steps[0] > BEST_FIT_STEPS) {
            throw new IllegalArgumentException("relative-cost satisfaction: the most that voter '" + voter + "''s " + costs.length
                    + " projects could cost within the budget takes too long to find exactly");
        }
        return best[0];
    }

    private static void search(long[] desc, long[] suffix, int k, long sum, long budget, long[] best, long[] steps) {
        if (++steps[0] > BEST_FIT_STEPS || best[0] == budget) return;
        if (sum > best[0]) best[0] = sum;
        if (k == desc.length || sum + suffix[k] <= best[0]) return;
        if (sum + desc[k] <= budget) search(desc, suffix, k + 1, sum + desc[k], budget, best, steps);
        search(desc, suffix, k + 1, sum, budget, best, steps);
    }

    /** Points for ballots that carry them, cost utilities otherwise (the equalshares.net defaults). */
    public static Utility defaultFor(Instance instance) {
        return instance.voteType().hasPoints() ? POINTS : COST;
    }
}
