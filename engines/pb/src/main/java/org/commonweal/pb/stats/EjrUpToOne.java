package org.commonweal.pb.stats;

// Extended justified representation up to one project: Peters, Pierczyński & Skowron, "Proportional
// Participatory Budgeting with Additive Utilities" (NeurIPS 2021), Definition of EJR up to one.

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.mes.Utility;

/**
 * Exact check of EJR up to one for approval ballots. A group S is T-cohesive when every member approves all
 * of T and |S|/n ≥ cost(T)/budget; the outcome W violates the axiom when some T-cohesive S has, for every
 * member i, u_i(W) &lt; u(T) and u_i(W ∪ {a}) ≤ u(T) for every a ∈ T \ W. Utilities are cost (u(c) = cost)
 * or cardinality (u(c) = 1).
 *
 * <p>Checking is coNP-hard in general, but any violating T lies inside the ballot of one of the group's
 * members, so it suffices to try the subsets of each distinct ballot (skipping those its own voters would
 * not complain about) and, for each, gather every voter who approves T and would complain. That is exact and
 * fast for the short ballots of real elections (at most ~10 projects); the work is capped, and beyond the cap
 * the result says NOT_CHECKED rather than guessing.
 */
public final class EjrUpToOne {
    /** Subsets enumerated plus voter groups scanned for them: well under a second of work. */
    public static final long DEFAULT_WORK_LIMIT = 1_000_000L;
    private static final int MAX_BALLOT = 20;

    private EjrUpToOne() {
    }

    public enum Status { SATISFIED, VIOLATED, NOT_CHECKED }

    /** On VIOLATED, {@code projects} is a T and {@code groupSize} the size of a T-cohesive group that complains. */
    public record Result(Status status, Utility utility, List<Integer> projects, long groupSize, long subsetsTried) {
    }

    public static Result check(Instance instance, Outcome outcome, long workLimit) {
        return check(instance, outcome, Utility.COST, workLimit);
    }

    public static Result check(Instance instance, Outcome outcome, Utility utility, long workLimit) {
        if (utility == Utility.POINTS) throw new IllegalArgumentException("EJR up to one is checked for cost or cardinality utilities");
        int m = instance.projects().size();
        long[] u = new long[m];
        long[] cost = new long[m];
        for (int p = 0; p < m; p++) {
            cost[p] = instance.projects().get(p).cost();
            u[p] = utility == Utility.COST ? cost[p] : 1;
        }
        boolean[] won = new boolean[m];
        for (int p : outcome.selected()) won[p] = true;

        Map<List<Integer>, Integer> index = new HashMap<>();
        List<int[]> sets = new ArrayList<>();
        List<Long> mass = new ArrayList<>();
        for (Ballot b : instance.ballots()) {
            int[] set = Arrays.stream(b.projects()).distinct().sorted().toArray();
            List<Integer> key = Arrays.stream(set).boxed().toList();
            Integer g = index.putIfAbsent(key, sets.size());
            if (g == null) {
                sets.add(set);
                mass.add(1L);
            } else {
                mass.set(g, mass.get(g) + 1);
            }
        }
        int groups = sets.size();
        long n = instance.ballots().size();
        int words = (m + 63) / 64;
        long[][] bits = new long[groups][words];
        long[] satisfaction = new long[groups];
        List<List<Integer>> supporters = new ArrayList<>();
        for (int p = 0; p < m; p++) supporters.add(new ArrayList<>());
        for (int g = 0; g < groups; g++) {
            for (int p : sets.get(g)) {
                bits[g][p >> 6] |= 1L << p;
                supporters.get(p).add(g);
                if (won[p]) satisfaction[g] += u[p];
            }
        }
        for (int[] set : sets) if (set.length > MAX_BALLOT) return new Result(Status.NOT_CHECKED, utility, List.of(), 0, 0);
        Set<List<Integer>> tried = new HashSet<>();
        long work = 0;
        for (int g = 0; g < groups; g++) {
            int[] set = sets.get(g);
            for (int mask = 1; mask < (1 << set.length); mask++) {
                if (++work > workLimit) return new Result(Status.NOT_CHECKED, utility, List.of(), 0, tried.size());
                long uT = 0, costT = 0, maxOutside = -1;
                int rarest = -1;
                for (int k = 0; k < set.length; k++) {
                    if ((mask & (1 << k)) == 0) continue;
                    int p = set[k];
                    uT += u[p];
                    costT += cost[p];
                    if (!won[p]) {
                        maxOutside = Math.max(maxOutside, u[p]);
                        if (rarest < 0 || supporters.get(p).size() < supporters.get(rarest).size()) rarest = p;
                    }
                }
                long needed = Math.max(maxOutside, 1); // complaining needs u_i(W) < u(T) too, which matters for free projects
                if (rarest < 0 || satisfaction[g] + needed > uT) continue; // T ⊆ W, or this ballot's voters are content
                List<Integer> key = new ArrayList<>();
                for (int k = 0; k < set.length; k++) if ((mask & (1 << k)) != 0) key.add(set[k]);
                if (!tried.add(key)) continue;
                long group = 0;
                for (int h : supporters.get(rarest)) {
                    work++;
                    if (satisfaction[h] + needed > uT) continue;
                    boolean containsT = true;
                    for (int p : key) containsT &= (bits[h][p >> 6] & (1L << p)) != 0;
                    if (containsT) group += mass.get(h);
                }
                // cohesive: group/n ≥ cost(T)/budget
                if (java.math.BigInteger.valueOf(group).multiply(java.math.BigInteger.valueOf(instance.budget()))
                        .compareTo(java.math.BigInteger.valueOf(costT).multiply(java.math.BigInteger.valueOf(n))) >= 0) {
                    return new Result(Status.VIOLATED, utility, key, group, tried.size());
                }
                if (work > workLimit) return new Result(Status.NOT_CHECKED, utility, List.of(), 0, tried.size());
            }
        }
        return new Result(Status.SATISFIED, utility, List.of(), 0, tried.size());
    }
}
