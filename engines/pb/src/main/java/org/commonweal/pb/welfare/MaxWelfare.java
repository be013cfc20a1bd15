package org.commonweal.pb.welfare;

// Utilitarian welfare maximisation: the 0/1 knapsack formulation of PB, e.g. Talmon & Faliszewski,
// "A Framework for Approval-Based Budgeting Methods" (AAAI 2019), rule "max-welfare".

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rule;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.TieOrder;
import org.commonweal.pb.mes.Utility;

/**
 * The set of projects of greatest total utility within the budget (exact 0/1 knapsack). Utility per project:
 * votes (CARDINALITY, approval and choose-1), points (POINTS), or votes·cost (COST). Solved by dynamic
 * programming over total utility when that is small (at most {@value #DP_LIMIT} after dividing by the common factor, table ≤ 50 MB),
 * else over cost when the budget is, else by branch and bound with exact integer bounds. Among optimal sets
 * the cheaper one wins, and then the one found first when projects are taken in tie-break order.
 */
public record MaxWelfare(Utility utility) implements Rule {
    static final int DP_LIMIT = 20_000_000;
    static final long DP_CELLS = 400_000_000L; // table bits, about 50 MB
    static final long NODE_LIMIT = 200_000_000L;

    public MaxWelfare {
        if (utility == null) throw new IllegalArgumentException("utility is required");
    }

    @Override
    public String name() {
        return "max-welfare" + (utility == Utility.CARDINALITY ? "" : "[" + utility.cliName() + "]");
    }

    /** A project's total utility and whether the optimum includes it. */
    public record Welfare(long utility, long optimalTotal) implements Outcome.Reason {
    }

    @Override
    public Outcome outcome(Instance instance, TieBreak tieBreak) {
        if (utility == Utility.POINTS && !instance.voteType().hasPoints()) {
            throw new IllegalArgumentException("points utilities need cumulative or scoring ballots, but vote_type is " + instance.voteType().pabulibName());
        }
        int m = instance.projects().size();
        long[] value = new long[m];
        long[] points = instance.pointTotals();
        long[] votes = instance.supportCounts();
        for (int p = 0; p < m; p++) {
            long cost = instance.projects().get(p).cost();
            value[p] = switch (utility) {
                case CARDINALITY -> votes[p];
                case POINTS -> points[p];
                case COST -> Math.multiplyExact(votes[p], cost);
                case EFFORT -> votes[p] > 0 ? cost : 0; // every supporter gains cost/supporters: the project's welfare is its cost
                case SQRT, LOG, RELATIVE_COST -> throw new IllegalArgumentException("max-welfare takes the utilities cost, cardinality, points or effort, not "
                        + utility.cliName() + " (whose fixed-point values would make the exact search too large)");
            };
        }
        int[] rank = TieOrder.ranks(instance, tieBreak);
        int[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingInt(p -> rank[p])).mapToInt(Integer::intValue)
                .filter(p -> value[p] > 0 && instance.projects().get(p).cost() <= instance.budget()).toArray();
        long[] cost = new long[order.length];
        long[] val = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            cost[i] = instance.projects().get(order[i]).cost();
            val[i] = value[order[i]];
        }
        boolean[] take = Knapsack.solve(val, cost, instance.budget());
        List<Integer> selected = new ArrayList<>();
        long total = 0, welfare = 0;
        for (int i = 0; i < order.length; i++) {
            if (take[i]) {
                selected.add(order[i]);
                total += cost[i];
                welfare += val[i];
            }
        }
        boolean[] in = new boolean[m];
        for (int p : selected) in[p] = true;
        List<Outcome.Verdict> verdicts = new ArrayList<>();
        for (int p = 0; p < m; p++) verdicts.add(new Outcome.Verdict(p, in[p], in[p] ? selected.indexOf(p) + 1 : 0, new Welfare(value[p], welfare)));
        return new Outcome(name(), selected, total, verdicts, tieBreak);
    }

    /** Exact 0/1 knapsack on longs; items are in preference order for ties. */
    static final class Knapsack {
        private Knapsack() {
        }

        static boolean[] solve(long[] value, long[] cost, long capacity) {
            int n = value.length;
            if (n == 0) return new boolean[0];
            long g = 0;
            long sum = 0;
            for (long v : value) {
                g = gcd(g, v);
                sum = Math.addExact(sum, v);
            }
            if (sum / g <= DP_LIMIT && (sum / g) * n <= DP_CELLS) return overValue(value, cost, capacity, g, (int) (sum / g));
            long cg = capacity;
            for (long c : cost) cg = gcd(cg, c);
            if (cg > 0 && capacity / cg <= DP_LIMIT && (capacity / cg) * n <= DP_CELLS) return overCost(value, cost, capacity, cg);
            return branchAndBound(value, cost, capacity);
        }

        /** minCost[v] = cheapest way to reach total utility exactly v·g. */
        private static boolean[] overValue(long[] value, long[] cost, long capacity, long g, int total) {
            int n = value.length;
            long[] minCost = new long[total + 1];
            Arrays.fill(minCost, Long.MAX_VALUE);
            minCost[0] = 0;
            BitSet[] took = new BitSet[n];
            int reach = 0;
            for (int i = 0; i < n; i++) {
                int v = (int) (value[i] / g);
                took[i] = new BitSet();
                for (int t = reach; t >= 0; t--) {
                    if (minCost[t] == Long.MAX_VALUE) continue;
                    long c = minCost[t] + cost[i];
                    if (c <= capacity && c < minCost[t + v]) {
                        minCost[t + v] = c;
                        took[i].set(t + v);
                    }
                }
                reach += v;
            }
            int best = 0;
            for (int t = total; t >= 0; t--) {
                if (minCost[t] != Long.MAX_VALUE) {
                    best = t;
                    break;
                }
            }
            boolean[] take = new boolean[n];
            for (int i = n - 1, t = best; i >= 0; i--) {
                if (took[i].get(t)) {
                    take[i] = true;
                    t -= (int) (value[i] / g);
                }
            }
            return take;
        }

        /** best[c] = greatest utility within cost c·g, ties to the cheaper (smaller c) state. */
        private static boolean[] overCost(long[] value, long[] cost, long capacity, long g) {
            int n = value.length;
            int cap = (int) (capacity / g);
            long[] best = new long[cap + 1];
            long[] spent = new long[cap + 1];
            BitSet[] took = new BitSet[n];
            for (int i = 0; i < n; i++) {
                int w = (int) (cost[i] / g);
                took[i] = new BitSet();
                for (int c = cap; c >= w; c--) {
                    long v = best[c - w] + value[i];
                    long s = spent[c - w] + cost[i];
                    if (v > best[c] || (v == best[c] && s < spent[c])) {
                        best[c] = v;
                        spent[c] = s;
                        took[i].set(c);
                    }
                }
            }
            boolean[] take = new boolean[n];
            for (int i = n - 1, c = cap; i >= 0; i--) {
                if (took[i].get(c)) {
                    take[i] = true;
                    c -= (int) (cost[i] / g);
                }
            }
            return take;
        }

        /** Depth-first over items by utility density, pruned by the fractional (LP) bound compared in 128-bit integers. */
        private static boolean[] branchAndBound(long[] value, long[] cost, long capacity) {
            int n = value.length;
            Integer[] byDensity = IntStream.range(0, n).boxed().sorted((a, b) -> {
                int c = Long.compare(Math.multiplyHigh(value[b], cost[a]), Math.multiplyHigh(value[a], cost[b]));
                if (c != 0) return c;
                c = Long.compareUnsigned(value[b] * cost[a], value[a] * cost[b]);
                return c != 0 ? c : Integer.compare(a, b);
            }).toArray(Integer[]::new);
            Search s = new Search(value, cost, byDensity);
            s.explore(0, capacity, 0, 0);
            boolean[] take = new boolean[n];
            for (int k = 0; k < n; k++) if (s.bestChoice[k]) take[byDensity[k]] = true;
            return take;
        }

        private static final class Search {
            final long[] value, cost;
            final Integer[] order;
            final boolean[] choice, bestChoice;
            long bestValue = -1, bestCost;
            long nodes;

            Search(long[] value, long[] cost, Integer[] order) {
                this.value = value;
                this.cost = cost;
                this.order = order;
                this.choice = new boolean[order.length];
                this.bestChoice = new boolean[order.length];
            }

            void explore(int k, long room, long v, long spent) {
                if (++nodes > NODE_LIMIT) {
                    throw new IllegalStateException("max-welfare: no exact optimum within " + NODE_LIMIT + " search nodes for this instance");
                }
                if (v > bestValue || (v == bestValue && spent < bestCost)) {
                    bestValue = v;
                    bestCost = spent;
                    System.arraycopy(choice, 0, bestChoice, 0, choice.length);
                }
                if (k == order.length || !canBeat(k, room, v)) return;
                int i = order[k];
                if (cost[i] <= room) {
                    choice[k] = true;
                    explore(k + 1, room - cost[i], v + value[i], spent + cost[i]);
                    choice[k] = false;
                }
                explore(k + 1, room, v, spent);
            }

            /** Whether the fractional relaxation from item k on can reach at least bestValue (ties may still be cheaper). */
            private boolean canBeat(int k, long room, long v) {
                java.math.BigInteger bound = java.math.BigInteger.valueOf(v);
                long r = room;
                for (int j = k; j < order.length; j++) {
                    int i = order[j];
                    if (cost[i] <= r) {
                        r -= cost[i];
                        bound = bound.add(java.math.BigInteger.valueOf(value[i]));
                    } else {
                        // value + r·value_i/cost_i ≥ best  ⇔  value·cost_i + r·value_i ≥ best·cost_i
                        java.math.BigInteger lhs = bound.multiply(java.math.BigInteger.valueOf(cost[i]))
                                .add(java.math.BigInteger.valueOf(r).multiply(java.math.BigInteger.valueOf(value[i])));
                        return lhs.compareTo(java.math.BigInteger.valueOf(bestValue).multiply(java.math.BigInteger.valueOf(cost[i]))) >= 0;
                    }
                }
                return bound.compareTo(java.math.BigInteger.valueOf(bestValue)) >= 0;
            }
        }

        private static long gcd(long a, long b) {
            while (b != 0) {
                long t = a % b;
                a = b;
                b = t;
            }
            return a;
        }
    }
}
