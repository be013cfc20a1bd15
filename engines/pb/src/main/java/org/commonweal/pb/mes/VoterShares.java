package org.commonweal.pb.mes;

import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rational;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each voter's equal share was spent: every voter starts with the money per voter of the final Equal Shares
 * pass (after any add1 increments) and pays, for each project Equal Shares funded, min(what they hold, ρ·their
 * satisfaction). The payments are recomputed exactly, in rationals, by replaying the funded projects in their
 * order, so they add up to each project's cost to the last unit. Projects a completion added (add1u's greedy
 * fill) or the greedy outcome a comparison preferred were not paid from voters' shares and do not appear.
 *
 * @param start    what each voter started with, in scaled money units
 * @param projects the projects paid from voters' shares, in the order funded
 * @param paid     per ballot (in the instance's order), what it paid toward each of {@code projects}
 * @param left     per ballot, what it had left at the end
 */
public record VoterShares(Rational start, List<Integer> projects, List<Rational[]> paid, List<Rational> left) {
    public VoterShares {
        projects = List.copyOf(projects);
        paid = List.copyOf(paid);
        left = List.copyOf(left);
    }

    /** The shares behind {@code decision}, which {@code rule} took on {@code instance}. */
    public static VoterShares of(Instance instance, EqualShares rule, EqualShares.Decision decision) {
        Utility u = rule.utility() == null ? Utility.defaultFor(instance) : rule.utility();
        List<Outcome.Verdict> funded = new ArrayList<>();
        for (Outcome.Verdict v : decision.outcome().verdicts()) if (v.funded() && v.reason() instanceof MesPayment) funded.add(v);
        funded.sort(Comparator.comparingInt(Outcome.Verdict::round));
        List<Integer> projects = funded.stream().map(Outcome.Verdict::project).toList();
        int n = instance.ballots().size();
        int[] column = new int[instance.projects().size()];
        java.util.Arrays.fill(column, -1);
        for (int k = 0; k < projects.size(); k++) column[projects.get(k)] = k;
        // supporters of each funded project: (voter, satisfaction), satisfaction > 0
        List<List<long[]>> supporters = new ArrayList<>();
        for (int k = 0; k < projects.size(); k++) supporters.add(new ArrayList<>());
        Utility.Valuation value = u.on(instance);
        for (int v = 0; v < n; v++) {
            Ballot b = instance.ballots().get(v);
            for (int i = 0; i < b.size(); i++) {
                int k = column[b.projects()[i]];
                long utility = value.of(b, i);
                if (k >= 0 && utility > 0) supporters.get(k).add(new long[]{v, utility});
            }
        }
        Rational[] money = new Rational[n];
        java.util.Arrays.fill(money, decision.finalPerVoterBudget());
        List<Rational[]> paid = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            Rational[] row = new Rational[projects.size()];
            java.util.Arrays.fill(row, Rational.ZERO);
            paid.add(row);
        }
        for (int k = 0; k < projects.size(); k++) {
            long cost = instance.projects().get(projects.get(k)).cost();
            Rational rho = price(supporters.get(k), money, cost);
            // Voters who held the same money and have the same satisfaction pay the same and again hold the same
            // (the very same object), so each payment is computed once per such class, as in the engine.
            Map<Rational, Map<Long, Rational[]>> outcome = new IdentityHashMap<>();
            for (long[] s : supporters.get(k)) {
                int v = (int) s[0];
                Rational held = money[v];
                Rational[] result = outcome.computeIfAbsent(held, m -> new HashMap<>()).computeIfAbsent(s[1], utility -> {
                    Rational due = rho.multiply(utility);
                    Rational pays = held.compareTo(due) <= 0 ? held : due;
                    return new Rational[]{pays, held.subtract(pays)};
                });
                paid.get(v)[k] = result[0];
                money[v] = result[1];
            }
        }
        return new VoterShares(decision.finalPerVoterBudget(), projects, paid, List.of(money));
    }

    /**
     * The least ρ with Σ min(money, ρ·u) = cost: supporters in order of money/u pay all they hold while that is
     * less than the even price of what remains. Supporters with the same money and satisfaction are taken together.
     */
    private static Rational price(List<long[]> supporters, Rational[] money, long cost) {
        Map<Rational, Map<Long, long[]>> classes = new IdentityHashMap<>();
        for (long[] s : supporters) classes.computeIfAbsent(money[(int) s[0]], m -> new HashMap<>()).computeIfAbsent(s[1], x -> new long[1])[0]++;
        record Group(Rational money, long utility, long count, double perUtility) {
            /**
             * By money/u: in doubles where they differ by more than their error could (under 10⁻¹⁵ relative), else
             * exactly. Late in a long pass the money is a fraction of hundreds of digits, and the exact products of
             * a sort's comparisons took most of an audit's time.
             */
            int compareTo(Group o) {
                double a = perUtility, b = o.perUtility;
                if (Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b))) return Double.compare(a, b);
                return money.multiply(o.utility).compareTo(o.money.multiply(utility));
            }
        }
        List<Group> groups = new ArrayList<>();
        classes.forEach((m, byUtility) -> byUtility.forEach((utility, count) ->
                groups.add(new Group(m, utility, count[0], m.doubleValue() / utility))));
        groups.sort(Group::compareTo);
        Rational remaining = Rational.of(cost);
        long weight = 0;
        for (Group g : groups) weight += g.utility() * g.count();
        for (Group g : groups) {
            // pays everything when money/u < remaining/weight, i.e. money·weight < remaining·u
            if (g.money().multiply(weight).compareTo(remaining.multiply(g.utility())) >= 0) break;
            remaining = remaining.subtractProduct(g.money(), g.count());
            weight -= g.utility() * g.count();
        }
        return weight == 0 ? Rational.ZERO : remaining.divide(weight);
    }

    /** A scaled amount in currency units, to {@code decimals} places (half even), for display. */
    public static BigDecimal currency(Rational scaled, Instance instance, int decimals) {
        return new BigDecimal(scaled.numerator()).divide(new BigDecimal(scaled.denominator()), decimals + instance.costScale(), RoundingMode.HALF_EVEN)
                .movePointLeft(instance.costScale()).setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
