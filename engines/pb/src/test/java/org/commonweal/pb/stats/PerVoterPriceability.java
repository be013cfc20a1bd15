package org.commonweal.pb.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;

/**
 * An independent formulation of priceability for tests: one payment variable per voter and funded project they
 * support (no ballot types), money in currency units as the file gives them, and plain feasibility (the solver's
 * first phase) instead of the engine's least-excess objective. Conditions as pabutools states them: W fits the
 * budget, n·b ≥ L, payments only to supported funded projects, at most b each, exact per funded project, and every
 * unfunded project's supporters have at most its cost left.
 */
final class PerVoterPriceability {
    private PerVoterPriceability() {
    }

    static boolean priceable(Instance instance, Outcome outcome) {
        return priceable(instance, outcome, false);
    }

    /**
     * Stable: every voter supporting an unfunded project gets a bound M_i at least each of their payments and their
     * leftover, and each unfunded project's supporters' bounds sum to at most its cost (pabutools' S5, approval).
     */
    static boolean priceable(Instance instance, Outcome outcome, boolean stable) {
        if (outcome.totalCost() > instance.budget()) return false;
        int projects = instance.projects().size();
        boolean[] funded = new boolean[projects];
        for (int p : outcome.selected()) funded[p] = true;
        List<Ballot> ballots = instance.ballots();
        int n = ballots.size();
        // variable index per (voter, project), -1 when the voter may not pay for it
        int[][] var = new int[n][projects];
        boolean[][] supports = new boolean[n][projects];
        int vars = 0;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(var[i], -1);
            Ballot b = ballots.get(i);
            for (int k = 0; k < b.size(); k++) if (b.pointsAt(k) > 0) supports[i][b.projects()[k]] = true;
            for (int c = 0; c < projects; c++) if (supports[i][c] && funded[c]) var[i][c] = vars++;
        }
        int money = vars;
        int columns = vars + 1 + (stable ? n : 0);
        int bounds = vars + 1;
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int c = 0; c < projects; c++) {
            if (!funded[c]) continue;
            double[] row = new double[columns];
            for (int i = 0; i < n; i++) if (var[i][c] >= 0) row[var[i][c]] = 1;
            constraints.add(new LinearConstraint(row, Relationship.EQ, instance.projects().get(c).cost()));
        }
        for (int i = 0; i < n; i++) {
            double[] row = new double[columns];
            for (int c = 0; c < projects; c++) if (var[i][c] >= 0) row[var[i][c]] = 1;
            row[money] = -1;
            constraints.add(new LinearConstraint(row, Relationship.LEQ, 0));
        }
        double[] enough = new double[columns];
        enough[money] = n;
        constraints.add(new LinearConstraint(enough, Relationship.GEQ, instance.budget()));
        if (stable) {
            for (int i = 0; i < n; i++) {
                double[] left = new double[columns];
                left[money] = 1;
                left[bounds + i] = -1;
                for (int d = 0; d < projects; d++) {
                    if (var[i][d] < 0) continue;
                    left[var[i][d]] = -1;
                    double[] row = new double[columns];
                    row[var[i][d]] = 1;
                    row[bounds + i] = -1;
                    constraints.add(new LinearConstraint(row, Relationship.LEQ, 0));
                }
                constraints.add(new LinearConstraint(left, Relationship.LEQ, 0));
            }
        }
        for (int c = 0; c < projects; c++) {
            if (funded[c]) continue;
            double[] row = new double[columns];
            for (int i = 0; i < n; i++) {
                if (!supports[i][c]) continue;
                if (stable) {
                    row[bounds + i] = 1;
                    continue;
                }
                row[money] += 1;
                for (int d = 0; d < projects; d++) if (var[i][d] >= 0) row[var[i][d]] -= 1;
            }
            constraints.add(new LinearConstraint(row, Relationship.LEQ, instance.projects().get(c).cost()));
        }
        try {
            new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(new double[columns], 0),
                    new LinearConstraintSet(constraints), GoalType.MINIMIZE, new NonNegativeConstraint(true));
            return true;
        } catch (NoFeasibleSolutionException e) {
            return false;
        }
    }
}
