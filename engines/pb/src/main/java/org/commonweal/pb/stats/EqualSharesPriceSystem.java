package org.commonweal.pb.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rational;
import org.commonweal.pb.mes.EqualShares;
import org.commonweal.pb.mes.MesPayment;
import org.commonweal.pb.mes.VoterShares;

/**
 * A price system for an outcome Equal Shares chose, read off the rule's own final pass and checked exactly: every voter
 * starts with that pass's money per voter b and pays what {@link VoterShares} replays in rationals. The pass stopped
 * because no project left could be paid for, so its supporters' money left is below its cost: the outcome is priceable
 * whatever its size, with no linear program. The conditions are checked again here rather than trusted, on the
 * audit's own notion of support (positive points), and anything that does not hold gives no answer.
 */
final class EqualSharesPriceSystem {
    private EqualSharesPriceSystem() {
    }

    /**
     * b of the checked price system, when the outcome is the final pass of the Equal Shares rule its name gives. decided:
     * the rule's decision, if the caller has it; used only when its outcome is this very outcome, else the rule runs again.
     */
    static Optional<Rational> of(Instance instance, Outcome outcome, Optional<EqualShares.Decision> decided) {
        Optional<EqualShares> rule = ruleOf(outcome);
        if (rule.isEmpty() || instance.ballots().isEmpty()) return Optional.empty();
        EqualShares.Decision decision = decided.filter(d -> d.outcome() == outcome)
                .orElseGet(() -> rule.get().decide(instance, outcome.tieBreak()));
        List<Integer> chosen = decision.outcome().selected();
        boolean allPaidByShares = decision.outcome().verdicts().stream().filter(Outcome.Verdict::funded).allMatch(v -> v.reason() instanceof MesPayment);
        if (!allPaidByShares || !sameSet(chosen, outcome.selected())) return Optional.empty();
        VoterShares shares = VoterShares.of(instance, rule.get(), decision);
        return holds(instance, shares) ? Optional.of(shares.start()) : Optional.empty();
    }

    private static Optional<EqualShares> ruleOf(Outcome outcome) {
        if (outcome.rule() == null || !outcome.rule().startsWith("equalshares") || outcome.tieBreak() == null) return Optional.empty();
        try {
            return Optional.of(EqualShares.parse(outcome.rule()));
        } catch (IllegalArgumentException notEqualShares) {
            return Optional.empty();
        }
    }

    private static boolean sameSet(List<Integer> a, List<Integer> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }

    /**
     * Every condition of priceability, in exact rationals, for the replayed payments. Voters who held the same money pay
     * and keep the very same Rational objects (as {@link VoterShares} computes them once per class), so sums are taken
     * over those objects with their counts: a few thousand exact additions instead of one per voter and project.
     */
    private static boolean holds(Instance instance, VoterShares shares) {
        int projects = instance.projects().size();
        int voters = instance.ballots().size();
        if (shares.start().compareTo(Rational.of(instance.budget(), voters)) < 0) return false; // n·b ≥ L
        int funded = shares.projects().size();
        int[] column = new int[projects];
        Arrays.fill(column, -1);
        for (int k = 0; k < funded; k++) column[shares.projects().get(k)] = k;
        List<Map<Rational, long[]>> paidFor = new ArrayList<>();
        for (int k = 0; k < funded; k++) paidFor.add(new IdentityHashMap<>());
        List<Map<Rational, long[]>> leftBySupporters = new ArrayList<>();
        for (int p = 0; p < projects; p++) leftBySupporters.add(column[p] < 0 ? new IdentityHashMap<>() : null);
        boolean[] supports = new boolean[funded];
        for (int v = 0; v < voters; v++) {
            Ballot ballot = instance.ballots().get(v);
            Rational left = shares.left().get(v);
            java.util.Arrays.fill(supports, false);
            for (int i = 0; i < ballot.size(); i++) {
                if (ballot.pointsAt(i) <= 0) continue;
                int p = ballot.projects()[i];
                if (column[p] >= 0) supports[column[p]] = true;
                else leftBySupporters.get(p).computeIfAbsent(left, x -> new long[1])[0]++;
            }
            Rational[] row = shares.paid().get(v);
            for (int k = 0; k < funded; k++) {
                if (row[k].signum() < 0 || (row[k].signum() > 0 && !supports[k])) return false;
                if (row[k].signum() > 0) paidFor.get(k).computeIfAbsent(row[k], x -> new long[1])[0]++;
            }
            // The replay leaves each voter b minus their payments, in exact arithmetic, so a voter spends at most b
            // exactly when what they keep is not negative.
            if (left.signum() < 0) return false;
        }
        for (int k = 0; k < funded; k++) {
            if (total(paidFor.get(k)).compareTo(Rational.of(instance.projects().get(shares.projects().get(k)).cost())) != 0) return false;
        }
        for (int p = 0; p < projects; p++) {
            if (column[p] < 0 && !totalAtMost(leftBySupporters.get(p), instance.projects().get(p).cost())) return false;
        }
        return true;
    }

    /**
     * Whether Σ value·count ≤ bound, for values that are not negative: in doubles where their error cannot decide it (each
     * term within 2·10⁻¹⁵ of its value, relatively, and the sum's rounding within n·1.2·10⁻¹⁶; both taken twice over),
     * else exactly. The exact sum of thousands of fractions of hundreds of digits was most of an audit's time.
     */
    static boolean totalAtMost(Map<Rational, long[]> counted, long bound) {
        if (bound < 1L << 53) {
            double sum = 0;
            for (Map.Entry<Rational, long[]> e : counted.entrySet()) sum += e.getKey().doubleValue() * e.getValue()[0];
            double slack = sum * (4e-15 + counted.size() * 2.4e-16);
            if (sum + slack < bound) return true;
            if (sum - slack > bound) return false;
        }
        return total(counted).compareTo(Rational.of(bound)) <= 0;
    }

    /**
     * Σ value·count, added in pairs, then pairs of pairs: the fractions have hundreds of digits and denominators of their
     * own, so a running sum grows with every term and one term at a time costs the square of the number of terms.
     */
    private static Rational total(Map<Rational, long[]> counted) {
        List<Rational> terms = new ArrayList<>();
        for (Map.Entry<Rational, long[]> e : counted.entrySet()) terms.add(e.getKey().multiply(e.getValue()[0]));
        if (terms.isEmpty()) return Rational.ZERO;
        while (terms.size() > 1) {
            List<Rational> sums = new ArrayList<>((terms.size() + 1) / 2);
            for (int i = 0; i + 1 < terms.size(); i += 2) sums.add(terms.get(i).add(terms.get(i + 1)));
            if (terms.size() % 2 == 1) sums.add(terms.getLast());
            terms = sums;
        }
        return terms.getFirst();
    }
}
