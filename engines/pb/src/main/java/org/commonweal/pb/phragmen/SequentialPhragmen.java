package org.commonweal.pb.phragmen;

// Sequential Phragmén: Phragmén (1894); Brill, Freeman, Janson & Lackner, "Phragmén's Voting Methods and
// Justified Representation" (AAAI 2017); budgeted for PB as in Los, Christoff & Grossi (2022) and pabutools.

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rational;
import org.commonweal.pb.Rule;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.TieOrder;

/**
 * Approval-based load balancing: funding a project puts its cost as load on its supporters, spread so that
 * they all end at the same load. Each round funds the project whose supporters would end at the lowest maximal
 * load, (cost + their current loads) / supporters. Loads are exact rationals. A ballot approves every project
 * it lists with positive points.
 *
 * <p>Two variants differ when that project no longer fits in the money left. {@code skip} (rule "phragmen")
 * passes over projects that no longer fit and carries on among those that do, so the outcome is exhaustive.
 * Without it (rule "phragmen-no-skip", pabutools' {@code sequential_phragmen}) the rule stops there; as in
 * pabutools it also stops when any project tied at the lowest load does not fit, and never considers a
 * project dearer than the whole budget.
 *
 * <p>{@code fundUnsupported}: a project nobody approves has an infinite load; once only such projects are
 * left they all tie, and pabutools funds them in tie-break order while they fit (the default of
 * phragmen-no-skip). Otherwise they are never funded (the default of phragmen).
 */
public record SequentialPhragmen(boolean skip, boolean fundUnsupported) implements Rule {
    public static final SequentialPhragmen INSTANCE = new SequentialPhragmen(true, false);
    /** pabutools' sequential_phragmen. */
    public static final SequentialPhragmen NO_SKIP = new SequentialPhragmen(false, true);
    private static final double RELATIVE_ERROR = 1e-9;

    @Override
    public String name() {
        String base = skip ? "phragmen" : "phragmen-no-skip";
        boolean usual = fundUnsupported != skip;
        return usual ? base : base + (fundUnsupported ? "+unsupported" : "+supported-only");
    }

    /**
     * The variant named "phragmen" or "phragmen-no-skip" with option {@code unsupported} (fund or leave).
     * @throws IllegalArgumentException naming an unknown option or value
     */
    public static SequentialPhragmen fromOptions(boolean skip, java.util.Map<String, String> options) {
        boolean fund = !skip;
        for (var option : options.entrySet()) {
            if (!option.getKey().equals("unsupported")) {
                throw new IllegalArgumentException("rule " + (skip ? "phragmen" : "phragmen-no-skip") + " takes only the option unsupported, but got " + option.getKey());
            }
            fund = switch (option.getValue().strip()) {
                case "fund" -> true;
                case "leave" -> false;
                default -> throw new IllegalArgumentException("option unsupported is fund or leave, not '" + option.getValue() + "'");
            };
        }
        return new SequentialPhragmen(skip, fund);
    }

    /** The load the supporters of a project ended with when it was funded, in currency units per voter. */
    public record Load(int round, Rational load, long supporters) implements Outcome.Reason {
    }

    /** Unfunded: nobody approves it, or it no longer fitted in what was left of the budget from {@code round} on. */
    public record NotFunded(long supporters, long budgetLeft, int round) implements Outcome.Reason {
    }

    /** Unfunded because the rule stopped in {@code round}: project {@code stoppedAt} came next but did not fit in {@code budgetLeft}. */
    public record Stopped(long supporters, int stoppedAt, long budgetLeft, int round) implements Outcome.Reason {
    }

    /** Funded although nobody approves it: only unsupported projects were left, all tied, and it fitted. */
    public record Unsupported(int round) implements Outcome.Reason {
    }

    @Override
    public Outcome outcome(Instance instance, TieBreak tieBreak) {
        int m = instance.projects().size();
        int[] tieRank = TieOrder.ranks(instance, tieBreak);
        // Voters with the same approval set always carry the same load: keep one load per distinct set.
        Map<List<Integer>, Integer> index = new HashMap<>();
        List<int[]> sets = new ArrayList<>();
        List<long[]> masses = new ArrayList<>();
        for (Ballot b : instance.ballots()) {
            List<Integer> key = new ArrayList<>();
            for (int i = 0; i < b.size(); i++) if (b.pointsAt(i) > 0 && !key.contains(b.projects()[i])) key.add(b.projects()[i]);
            key.sort(null);
            Integer g = index.get(key);
            if (g == null) {
                index.put(key, sets.size());
                sets.add(key.stream().mapToInt(Integer::intValue).toArray());
                masses.add(new long[]{1});
            } else {
                masses.get(g)[0]++;
            }
        }
        int n = sets.size();
        long[] support = new long[m];
        List<List<Integer>> groupsOf = new ArrayList<>();
        for (int p = 0; p < m; p++) groupsOf.add(new ArrayList<>());
        for (int g = 0; g < n; g++) {
            for (int p : sets.get(g)) {
                support[p] += masses.get(g)[0];
                groupsOf.get(p).add(g);
            }
        }
        // Funding a project sets all its supporters to one common load, so loads take at most rounds + 1 values:
        // loads[r] is the load set in round r (loads[0] = 0), loadOf[g] the round of a group's current load, and
        // carrying[p][r] how many of p's supporters carry loads[r]. A candidate's load is then a short sum.
        List<Rational> loads = new ArrayList<>(List.of(Rational.ZERO));
        int[] loadOf = new int[n];
        List<long[]> carrying = new ArrayList<>();
        for (int p = 0; p < m; p++) {
            long[] c = new long[m + 2];
            c[0] = support[p];
            carrying.add(c);
        }
        boolean[] funded = new boolean[m];
        int[] fundedRound = new int[m];
        int[] lostRound = new int[m];
        Rational[] fundedLoad = new Rational[m];
        List<Integer> selected = new ArrayList<>();
        long left = instance.budget();
        long[] leftWhenLost = new long[m];
        List<Double> approxLoads = new ArrayList<>(List.of(0.0));
        double[] approx = new double[m];
        boolean[] unsupportedFunded = new boolean[m];
        int stoppedAt = -1, stopRound = 0;
        long leftAtStop = 0;
        if (!skip) {
            // pabutools never considers a project dearer than the whole budget, so it cannot stop the rule.
            for (int p = 0; p < m; p++) {
                if (instance.projects().get(p).cost() > left) {
                    lostRound[p] = 1;
                    leftWhenLost[p] = left;
                }
            }
        }
        for (int round = 1; ; round++) {
            // Doubles first: every term is non-negative, so each estimate is within a relative 1e-9 of the truth
            // (far more than the rounding of a few hundred terms); only projects that close to the best are
            // compared exactly.
            double bestApprox = Double.POSITIVE_INFINITY;
            for (int p = 0; p < m; p++) {
                approx[p] = Double.NaN;
                if (funded[p] || support[p] == 0 || lostRound[p] > 0) continue;
                long cost = instance.projects().get(p).cost();
                if (skip && cost > left) {
                    lostRound[p] = round;
                    leftWhenLost[p] = left;
                    continue;
                }
                double total = cost;
                long[] c = carrying.get(p);
                for (int r = 1; r < loads.size(); r++) if (c[r] != 0) total += approxLoads.get(r) * c[r];
                approx[p] = total / support[p];
                bestApprox = Math.min(bestApprox, approx[p]);
            }
            int best = -1;
            Rational bestLoad = null;
            Rational[] exact = new Rational[m];
            for (int p = 0; p < m; p++) {
                if (Double.isNaN(approx[p]) || approx[p] * (1 - RELATIVE_ERROR) > bestApprox * (1 + RELATIVE_ERROR)) continue;
                Rational total = Rational.of(instance.projects().get(p).cost());
                long[] c = carrying.get(p);
                for (int r = 1; r < loads.size(); r++) if (c[r] != 0) total = total.add(loads.get(r).multiply(c[r]));
                Rational candidate = total.divide(support[p]);
                exact[p] = candidate;
                int cmp = bestLoad == null ? -1 : candidate.compareTo(bestLoad);
                if (cmp < 0 || (cmp == 0 && tieRank[p] < tieRank[best])) {
                    best = p;
                    bestLoad = candidate;
                }
            }
            if (best < 0) {
                int unsupported = fundUnsupported ? nextUnsupported(instance, funded, support, lostRound, tieRank, left) : -1;
                if (unsupported == -1) break;
                if (unsupported < -1) {
                    stoppedAt = -unsupported - 2;
                    stopRound = round;
                    leftAtStop = left;
                    break;
                }
                funded[unsupported] = true;
                unsupportedFunded[unsupported] = true;
                fundedRound[unsupported] = round;
                selected.add(unsupported);
                left -= instance.projects().get(unsupported).cost();
                continue;
            }
            if (!skip) {
                // Stop when the winner, or any project tied with it, does not fit (as pabutools does).
                int misfit = instance.projects().get(best).cost() > left ? best : -1;
                for (int p = 0; p < m && misfit < 0; p++) {
                    if (exact[p] != null && exact[p].compareTo(bestLoad) == 0 && instance.projects().get(p).cost() > left) misfit = p;
                }
                if (misfit >= 0) {
                    stoppedAt = misfit;
                    stopRound = round;
                    leftAtStop = left;
                    break;
                }
            }
            funded[best] = true;
            fundedRound[best] = round;
            fundedLoad[best] = bestLoad;
            selected.add(best);
            left -= instance.projects().get(best).cost();
            loads.add(bestLoad);
            approxLoads.add(bestLoad.doubleValue());
            int now = loads.size() - 1;
            for (int g : groupsOf.get(best)) {
                long mass = masses.get(g)[0];
                for (int q : sets.get(g)) {
                    long[] c = carrying.get(q);
                    c[loadOf[g]] -= mass;
                    c[now] += mass;
                }
                loadOf[g] = now;
            }
        }
        List<Outcome.Verdict> verdicts = new ArrayList<>();
        for (int p = 0; p < m; p++) {
            if (unsupportedFunded[p]) {
                verdicts.add(new Outcome.Verdict(p, true, fundedRound[p], new Unsupported(fundedRound[p])));
                continue;
            }
            if (!funded[p] && stoppedAt >= 0 && lostRound[p] == 0) {
                verdicts.add(new Outcome.Verdict(p, false, stopRound, new Stopped(support[p], stoppedAt, leftAtStop, stopRound)));
                continue;
            }
            verdicts.add(funded[p]
                    ? new Outcome.Verdict(p, true, fundedRound[p], new Load(fundedRound[p], fundedLoad[p].divide(instance.unit()), support[p]))
                    : new Outcome.Verdict(p, false, lostRound[p], new NotFunded(support[p], support[p] == 0 ? instance.budget() : leftWhenLost[p], lostRound[p])));
        }
        return new Outcome(name(), selected, instance.budget() - left, verdicts, tieBreak);
    }

    /**
     * Among projects nobody approves (all tied at an infinite load), the tie-break's first, or -1 when none is
     * left; in the no-skip variant, -2 - p when some such project p does not fit (the rule stops there), and in
     * the skip variant only those that fit take part.
     */
    private int nextUnsupported(Instance instance, boolean[] funded, long[] support, int[] lostRound, int[] tieRank, long left) {
        int first = -1;
        for (int p = 0; p < support.length; p++) {
            if (funded[p] || support[p] > 0 || lostRound[p] > 0) continue;
            if (instance.projects().get(p).cost() > left) {
                if (!skip) return -2 - p;
                continue;
            }
            if (first < 0 || tieRank[p] < tieRank[first]) first = p;
        }
        return first;
    }
}
