package org.commonweal.pb.stats;

// Definition: Peters & Skowron, "Proportionality and the Limits of Welfarism" (EC 2020); for participatory budgeting
// Peters, Pierczyński & Skowron, "Proportional Participatory Budgeting with Additive Utilities" (NeurIPS 2021). The
// conditions on the total follow pabutools (analysis/priceability.py): the outcome fits the budget and the voters'
// money together is at least the budget; pabutools' default also asks for exhaustiveness, reported here beside it.

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fraction.BigFraction;
import org.apache.commons.math3.fraction.FractionConversionException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rational;
import org.commonweal.pb.mes.EqualShares;

/**
 * Priceability of an outcome W: there is a money per voter b ≥ 0 and payments p_i(c) ≥ 0 such that a voter pays only
 * for projects they support (positive points), spends at most b, the funded projects are paid exactly and nothing
 * else is paid for, and for every unfunded project the money its supporters have left is at most its cost. As in
 * pabutools, W must also fit the budget L and n·b ≥ L.
 *
 * <p>W is given, so this is a linear feasibility program. Voters with the same support set are one ballot type with
 * one payment per funded project: averaging any price system over the members of a type gives another (every
 * condition is linear in the payments, and sums over a type are unchanged), so nothing is lost. The program solved,
 * in units of the budget, minimises the largest excess s of an unfunded project's supporters' leftover over its cost;
 * s > 0 clearly (more than {@link #INFEASIBLE}) means not priceable. Otherwise the solver's price system is rounded
 * and checked in exact rational arithmetic; if it meets every condition the outcome is priceable, if it misses the
 * leftover condition by at most {@link #TOLERANCE} of the budget it is priceable up to that tolerance ({@code exact}
 * false), and anything else is NOT_CHECKED. Programs larger than the size limit are NOT_CHECKED too.
 *
 * <p><b>Stable</b> priceability (pabutools' {@code stable=True}, approval-like ballots) replaces the leftover
 * condition by a stronger one: for every unfunded project, summed over its supporters, the larger of what each has
 * left and the most they paid for one project is at most its cost (no group could move money to it). That sum is
 * convex in a voter's payments, so averaging over a ballot type still never breaks it, and one bound per type (at
 * least each of its payments and its leftover) keeps the program linear.
 */
public final class Priceability {
    /** Variables times constraints: about a million solves in 1.5–5 s on this project's machine (docs/engines/pb.md). */
    public static final long DEFAULT_SIZE_LIMIT = 1_000_000L;
    /** A least excess above this share of the budget is a robust "no": the program's coefficients are all of order one. */
    static final double INFEASIBLE = 1e-7;
    /** How far, as a share of the budget, a verified price system may miss the leftover condition and still count. */
    static final double TOLERANCE = 1e-9;

    private Priceability() {
    }

    public enum Status { PRICEABLE, NOT_PRICEABLE, NOT_CHECKED }

    /** Why the answer is what it is. */
    public enum Why {
        /** A price system was found and checked. */
        PRICE_SYSTEM,
        /** The program was too large (or uncertain), but the outcome is Equal Shares' and its final pass's payments, checked, are a price system. */
        EQUAL_SHARES_PASS,
        /** The outcome costs more than the budget. */
        OVER_BUDGET,
        /** A funded project that no voter supports: nobody may pay for it. */
        UNSUPPORTED,
        /** Whatever the price system, the supporters of some unfunded project have more left than it costs. */
        LEFT_OVER,
        /** The program is larger than the size limit. */
        TOO_LARGE,
        /** The solver gave up, or its answer was too close to call in floating point. */
        UNCERTAIN,
        /** Stable priceability is asked for points ballots, where pabutools ties it to each voter's points: not checked. */
        POINTS_BALLOTS
    }

    /**
     * @param moneyPerVoter on PRICEABLE, the b of a verified price system, in the instance's scaled cost units
     * @param exact         on PRICEABLE, whether every condition holds exactly (else within {@link #TOLERANCE})
     * @param project       on UNSUPPORTED, the project; on LEFT_OVER, an unfunded project whose supporters have the
     *                      most left over in the best price system the solver found; else -1
     * @param excess        on LEFT_OVER, by how much (scaled cost units) the supporters' leftover exceeds the cost at least,
     *                      as the solver computed it (floating point, rounded down)
     * @param size          variables times constraints of the program (0 when none was needed)
     * @param exhaustive    whether no unfunded project fits the money left (pabutools' default asks for this too)
     */
    public record Result(Status status, Why why, Rational moneyPerVoter, boolean exact, int project, long excess, long size, boolean exhaustive) {
    }

    /**
     * By the linear program; where that is too large or its answer uncertain and the outcome is Equal Shares' own, by the
     * price system of the rule's final pass ({@link EqualSharesPriceSystem}), which needs no program.
     */
    public static Result check(Instance instance, Outcome outcome, long sizeLimit) {
        return check(instance, outcome, Optional.empty(), sizeLimit);
    }

    /** decided: the decision of the Equal Shares rule that chose the outcome, if the caller has it (see {@link Audit}). */
    static Result check(Instance instance, Outcome outcome, Optional<EqualShares.Decision> decided, long sizeLimit) {
        Program program = new Program(instance, outcome, false);
        Result solved = program.solve(sizeLimit);
        if (solved.status() != Status.NOT_CHECKED) return solved;
        return EqualSharesPriceSystem.of(instance, outcome, decided)
                .map(b -> new Result(Status.PRICEABLE, Why.EQUAL_SHARES_PASS, b, true, -1, 0, solved.size(), program.exhaustive))
                .orElse(solved);
    }

    /** Stable priceability, for approval-like ballots; NOT_CHECKED (POINTS_BALLOTS) for cumulative and scoring ones. */
    public static Result checkStable(Instance instance, Outcome outcome, long sizeLimit) {
        Program program = new Program(instance, outcome, true);
        if (!Audit.approvalLike(instance)) return program.answer(Status.NOT_CHECKED, Why.POINTS_BALLOTS, -1, 0, 0);
        return program.solve(sizeLimit);
    }

    /** The ballot types, the funded projects each pays for, and the program's dimensions. */
    private static final class Program {
        final Instance instance;
        final long budget;
        final long voters;
        final boolean[] funded;
        final boolean exhaustive;
        final int[][] types;      // support set per type, ascending project indices
        final long[] weight;      // voters per type
        final int[][] pays;       // per type: variable index of each funded project it supports, parallel to payFor
        final int[][] payFor;     // per type: those funded projects
        final long[] supporters;  // per project: voters supporting it
        final int variables;      // payment variables; then β, then t, then (stable) one bound per type in {@code bound}
        final boolean stable;
        final int[] bound;        // stable: per type, its bound's variable, or -1 when it supports no unfunded project

        Program(Instance instance, Outcome outcome, boolean stable) {
            this.instance = instance;
            this.stable = stable;
            budget = instance.budget();
            voters = instance.ballots().size();
            int projects = instance.projects().size();
            funded = new boolean[projects];
            for (int p : outcome.selected()) funded[p] = true;
            long total = outcome.totalCost();
            boolean fits = true;
            for (int p = 0; p < projects; p++) {
                if (!funded[p] && total + instance.projects().get(p).cost() <= budget) fits = false;
            }
            exhaustive = fits;
            Map<List<Integer>, Integer> index = new HashMap<>();
            List<int[]> sets = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            supporters = new long[projects];
            for (Ballot b : instance.ballots()) {
                int[] set = support(b);
                for (int p : set) supporters[p]++;
                List<Integer> key = Arrays.stream(set).boxed().toList();
                Integer g = index.putIfAbsent(key, sets.size());
                if (g == null) {
                    sets.add(set);
                    counts.add(1L);
                } else {
                    counts.set(g, counts.get(g) + 1);
                }
            }
            types = sets.toArray(new int[0][]);
            weight = counts.stream().mapToLong(Long::longValue).toArray();
            pays = new int[types.length][];
            payFor = new int[types.length][];
            int v = 0;
            for (int g = 0; g < types.length; g++) {
                payFor[g] = Arrays.stream(types[g]).filter(p -> funded[p]).toArray();
                pays[g] = new int[payFor[g].length];
                for (int k = 0; k < pays[g].length; k++) pays[g][k] = v++;
            }
            variables = v;
            bound = new int[types.length];
            int next = v + 2;
            for (int g = 0; g < types.length; g++) {
                bound[g] = stable && Arrays.stream(types[g]).anyMatch(p -> !funded[p]) ? next++ : -1;
            }
        }

        private static int[] support(Ballot b) {
            List<Integer> set = new ArrayList<>();
            for (int i = 0; i < b.size(); i++) if (b.pointsAt(i) > 0) set.add(b.projects()[i]);
            return set.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        }

        Result answer(Status status, Why why, int project, long excess, long size) {
            return new Result(status, why, null, false, project, excess, size, exhaustive);
        }

        Result solve(long sizeLimit) {
            long total = 0;
            for (int p = 0; p < funded.length; p++) if (funded[p]) total += instance.projects().get(p).cost();
            if (total > budget) return answer(Status.NOT_PRICEABLE, Why.OVER_BUDGET, -1, 0, 0);
            for (int p = 0; p < funded.length; p++) {
                if (funded[p] && supporters[p] == 0) return answer(Status.NOT_PRICEABLE, Why.UNSUPPORTED, p, 0, 0);
            }
            if (voters == 0) return answer(Status.NOT_PRICEABLE, Why.LEFT_OVER, -1, 0, 0); // n·b ≥ L > 0 cannot hold
            List<LinearConstraint> constraints = new ArrayList<>();
            int bounds = (int) Arrays.stream(bound).filter(m -> m >= 0).count();
            int columns = variables + 2 + bounds; // payments, then β = n·b/L, then t = s + 1, then the stable bounds
            int beta = variables;
            int t = variables + 1;
            List<Integer> unfunded = new ArrayList<>();
            for (int p = 0; p < funded.length; p++) if (!funded[p] && supporters[p] > 0) unfunded.add(p);
            int rows = (int) Arrays.stream(payFor).filter(f -> f.length > 0).count() + outcomeSize() + unfunded.size() + 1;
            for (int g = 0; g < types.length; g++) if (bound[g] >= 0) rows += payFor[g].length + 1;
            long size = (long) columns * rows;
            if (size > sizeLimit) return answer(Status.NOT_CHECKED, Why.TOO_LARGE, -1, 0, size);

            // Variables y (a type's total payment for a project) and β are in units of the budget, so every coefficient
            // is of order one whatever the currency.
            double[][] fundedRows = new double[funded.length][];
            for (int g = 0; g < types.length; g++) {
                if (payFor[g].length == 0) continue;
                double[] row = new double[columns];
                for (int k = 0; k < payFor[g].length; k++) {
                    row[pays[g][k]] = 1;
                    fundedRows[payFor[g][k]] = fundedRows[payFor[g][k]] == null ? new double[columns] : fundedRows[payFor[g][k]];
                    fundedRows[payFor[g][k]][pays[g][k]] = 1;
                }
                row[beta] = -(double) weight[g] / voters;
                constraints.add(new LinearConstraint(row, Relationship.LEQ, 0));
            }
            for (int p = 0; p < funded.length; p++) {
                if (funded[p]) constraints.add(new LinearConstraint(fundedRows[p], Relationship.EQ, share(instance.projects().get(p).cost())));
            }
            double[] enough = new double[columns];
            enough[beta] = 1;
            constraints.add(new LinearConstraint(enough, Relationship.GEQ, 1));
            for (int g = 0; g < types.length; g++) {
                if (bound[g] < 0) continue;
                // The type's bound (a total, in units of the budget) is at least each of its payments and its leftover.
                for (int v : pays[g]) {
                    double[] row = new double[columns];
                    row[v] = 1;
                    row[bound[g]] = -1;
                    constraints.add(new LinearConstraint(row, Relationship.LEQ, 0));
                }
                double[] row = new double[columns];
                row[beta] = (double) weight[g] / voters;
                for (int v : pays[g]) row[v] = -1;
                row[bound[g]] = -1;
                constraints.add(new LinearConstraint(row, Relationship.LEQ, 0));
            }
            for (int p : unfunded) {
                double[] row = new double[columns];
                if (!stable) row[beta] = (double) supporters[p] / voters;
                for (int g = 0; g < types.length; g++) {
                    if (Arrays.binarySearch(types[g], p) < 0) continue;
                    if (stable) row[bound[g]] = 1;
                    else for (int v : pays[g]) row[v] = -1;
                }
                row[t] = -1;
                constraints.add(new LinearConstraint(row, Relationship.LEQ, share(instance.projects().get(p).cost()) - 1));
            }
            double[] objective = new double[columns];
            objective[t] = 1;
            PointValuePair optimum;
            try {
                optimum = new SimplexSolver().optimize(new MaxIter(Math.max(1000, 50 * rows)), new LinearObjectiveFunction(objective, 0),
                        new LinearConstraintSet(constraints), GoalType.MINIMIZE, new NonNegativeConstraint(true));
            } catch (MathIllegalStateException e) {
                return answer(Status.NOT_CHECKED, Why.UNCERTAIN, -1, 0, size);
            }
            double[] x = optimum.getPoint();
            double least = x[t] - 1;
            if (least > INFEASIBLE) {
                int worst = -1;
                double most = Double.NEGATIVE_INFINITY;
                for (int p : unfunded) {
                    double left = (stable ? 0 : x[beta] * supporters[p] / voters) - share(instance.projects().get(p).cost());
                    for (int g = 0; g < types.length; g++) {
                        if (Arrays.binarySearch(types[g], p) < 0) continue;
                        if (stable) left += x[bound[g]];
                        else for (int v : pays[g]) left -= x[v];
                    }
                    if (left > most) {
                        most = left;
                        worst = p;
                    }
                }
                return answer(Status.NOT_PRICEABLE, Why.LEFT_OVER, worst, (long) Math.floor(least * budget), size);
            }
            return verify(x, beta, unfunded, size);
        }

        private int outcomeSize() {
            int k = 0;
            for (boolean f : funded) if (f) k++;
            return k;
        }

        private double share(long cost) {
            return (double) cost / budget;
        }

        /**
         * The solver's price system checked in exact rationals: each amount first as the simplest fraction near it (a
         * vertex of a small program usually has small denominators, and tight conditions then hold exactly), else as the
         * double it is. Each funded project's payments are made exact by giving the remainder to its largest payer, b is
         * raised to what the heaviest payer spends (and to L/n), and every condition is checked.
         */
        private Result verify(double[] x, int beta, List<Integer> unfunded, long size) {
            Result simple = verify(x, beta, unfunded, size, true);
            return simple.status() == Status.PRICEABLE && simple.exact() ? simple : verify(x, beta, unfunded, size, false);
        }

        private Result verify(double[] x, int beta, List<Integer> unfunded, long size, boolean simplest) {
            Rational[] perVoter = new Rational[variables];
            for (int g = 0; g < types.length; g++) {
                for (int v : pays[g]) perVoter[v] = money(x[v] * budget / weight[g], simplest);
            }
            for (int p = 0; p < funded.length; p++) {
                if (!funded[p]) continue;
                Rational paid = Rational.ZERO;
                int largest = -1;
                int largestType = -1;
                for (int g = 0; g < types.length; g++) {
                    for (int k = 0; k < payFor[g].length; k++) {
                        if (payFor[g][k] != p) continue;
                        int v = pays[g][k];
                        paid = paid.add(perVoter[v].multiply(weight[g]));
                        if (largest < 0 || perVoter[v].multiply(weight[g]).compareTo(perVoter[largest].multiply(weight[largestType])) > 0) {
                            largest = v;
                            largestType = g;
                        }
                    }
                }
                Rational missing = Rational.of(instance.projects().get(p).cost()).subtract(paid);
                perVoter[largest] = perVoter[largest].add(missing.divide(weight[largestType]));
                if (perVoter[largest].signum() < 0) return answer(Status.NOT_CHECKED, Why.UNCERTAIN, -1, 0, size);
            }
            Rational b = money(x[beta] * budget / voters, simplest).max(Rational.of(budget, voters));
            Rational[] spent = new Rational[types.length];
            for (int g = 0; g < types.length; g++) {
                spent[g] = Rational.ZERO;
                for (int v : pays[g]) spent[g] = spent[g].add(perVoter[v]);
                b = b.max(spent[g]);
            }
            Rational[] claim = new Rational[types.length]; // per voter of a type: what it brings to an unfunded project
            for (int g = 0; g < types.length; g++) {
                claim[g] = b.subtract(spent[g]);
                if (stable) for (int v : pays[g]) claim[g] = claim[g].max(perVoter[v]);
            }
            Rational worst = Rational.ZERO;
            for (int p : unfunded) {
                Rational left = Rational.ZERO;
                for (int g = 0; g < types.length; g++) {
                    if (Arrays.binarySearch(types[g], p) >= 0) left = left.add(claim[g].multiply(weight[g]));
                }
                worst = worst.max(left.subtract(Rational.of(instance.projects().get(p).cost())));
            }
            if (worst.signum() <= 0) return new Result(Status.PRICEABLE, Why.PRICE_SYSTEM, b, true, -1, 0, size, exhaustive);
            if (worst.doubleValue() <= TOLERANCE * budget) return new Result(Status.PRICEABLE, Why.PRICE_SYSTEM, b, false, -1, 0, size, exhaustive);
            return answer(Status.NOT_CHECKED, Why.UNCERTAIN, -1, 0, size);
        }

        /** An amount of money (scaled units) as a rational: the simplest fraction within the solver's accuracy, or the double itself. */
        private static Rational money(double value, boolean simplest) {
            double v = Math.max(0, value);
            if (simplest) {
                try {
                    BigFraction f = new BigFraction(v, 1e-9 * (1 + v), 100);
                    return Rational.of(f.getNumerator(), f.getDenominator());
                } catch (FractionConversionException noSimpleFractionNearby) {
                    return asDouble(v);
                }
            }
            return asDouble(v);
        }

        private static Rational asDouble(double v) {
            java.math.BigDecimal exact = new java.math.BigDecimal(v);
            return exact.scale() > 0 ? Rational.of(exact.unscaledValue(), BigInteger.TEN.pow(exact.scale())) : Rational.of(exact.toBigIntegerExact(), BigInteger.ONE);
        }
    }
}
