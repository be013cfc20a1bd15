package org.commonweal.pb.stats;

// Definitions: Peters, Pierczyński & Skowron, "Proportional Participatory Budgeting with Additive Utilities"
// (NeurIPS 2021) for EJR and EJR up to one; Aziz, Lee & Talmon, "Proportionally Representative Participatory
// Budgeting" (AAMAS 2018) for PJR. Approval ballots, cost or cardinality utilities.

import java.util.ArrayList;
import java.util.List;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.mes.Utility;

/**
 * Exact checks of the justified-representation axioms for approval ballots. A group S of voters is
 * T-cohesive when every member approves every project of T and |S|/n ≥ cost(T)/budget. The outcome W
 * violates
 * <ul>
 *   <li><b>EJR</b> when some T-cohesive S has u_i(W) &lt; u(T) for every member i;</li>
 *   <li><b>EJR up to one</b> when, moreover, adding any one project a of T \ W leaves every member at
 *       u_i(W ∪ {a}) ≤ u(T);</li>
 *   <li><b>PJR</b> when some T-cohesive S has u(W ∩ (A_1 ∪ … ∪ A_|S|)) &lt; u(T): the funded projects that
 *       any member approves are worth less, together, than T.</li>
 * </ul>
 * Deciding these is coNP-hard in general. The check tries every T that enough voters approve to be entitled to
 * it, growing T one project at a time and stopping as soon as its approvers are too few (they only get fewer while
 * the cost rises), so it visits only the entitled sets. For EJR the largest group for T is every voter who approves
 * T and falls short; for PJR the search also runs over the funded sets W' with u(W') &lt; u(T) that the group's
 * members may share. Both are exact; the work is capped, and beyond the cap the result says NOT_CHECKED rather
 * than guessing.
 */
public final class JustifiedRepresentation {
    /** Sets tried plus voter groups scanned for them: a few seconds at most (Warszawa 2026 under Equal Shares needs less). */
    public static final long DEFAULT_WORK_LIMIT = 100_000_000L;

    private JustifiedRepresentation() {
    }

    public enum Axiom { EJR, EJR_UP_TO_ONE, PJR }

    public enum Status { SATISFIED, VIOLATED, NOT_CHECKED }

    /**
     * On VIOLATED, {@code projects} is a T and {@code groupSize} the number of voters in a T-cohesive group whose
     * claim the outcome does not meet, and {@code fundedForGroup} (PJR only) the funded projects they approve.
     */
    public record Result(Axiom axiom, Status status, Utility utility, List<Integer> projects, long groupSize, List<Integer> fundedForGroup) {
        static Result of(Axiom axiom, Status status, Utility utility) {
            return new Result(axiom, status, utility, List.of(), 0, List.of());
        }
    }

    public static Result check(Axiom axiom, Instance instance, Outcome outcome, Utility utility, long workLimit) {
        return check(axiom, new ApprovalProfile(instance, outcome, utility), workLimit);
    }

    static Result check(Axiom axiom, ApprovalProfile profile, long workLimit) {
        Search search = new Search(axiom, profile, workLimit);
        Result r = search.grow(0, new ArrayList<>(), 0, 0, null);
        if (r != null) return r;
        return Result.of(axiom, search.work[0] > workLimit ? Status.NOT_CHECKED : Status.SATISFIED, profile.utility);
    }

    /**
     * Every T that some group could be entitled to, each once: T grows by projects in index order, carrying the
     * ballot groups that approve all of it. Those only shrink as T grows while its cost only rises, so once they
     * are too few to be entitled to T, no larger T needs trying (the itemset search of data mining, with
     * entitlement in place of a support threshold).
     */
    private record Search(Axiom axiom, ApprovalProfile profile, long workLimit, long[] work) {
        Search(Axiom axiom, ApprovalProfile profile, long workLimit) {
            this(axiom, profile, workLimit, new long[1]);
        }

        /** @param approving the groups approving all of t, ascending; null for every voter (t empty) */
        Result grow(int from, List<Integer> t, long value, long cost, int[] approving) {
            for (int p = from; p < profile.projects; p++) {
                if (++work[0] > workLimit) return null;
                int[] still = approving == null ? profile.supporters[p] : intersect(approving, profile.supporters[p]);
                long mass = 0;
                for (int h : still) mass += profile.mass[h];
                work[0] += still.length;
                long c = cost + profile.cost[p];
                if (still.length == 0 || !profile.cohesive(mass, c)) continue;
                t.add(p);
                Result r = judge(new Subset(profile, List.copyOf(t), value + profile.value[p], c), still);
                if (r == null && work[0] <= workLimit) r = grow(p + 1, t, value + profile.value[p], c, still);
                t.removeLast();
                if (r != null || work[0] > workLimit) return r;
            }
            return null;
        }

        private int[] intersect(int[] a, int[] b) {
            work[0] += Math.min(a.length, b.length);
            int[] out = new int[Math.min(a.length, b.length)];
            int n = 0;
            for (int i = 0, j = 0; i < a.length && j < b.length; ) {
                if (a[i] < b[j]) i++;
                else if (a[i] > b[j]) j++;
                else {
                    out[n++] = a[i];
                    i++;
                    j++;
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }

        private Result judge(Subset t, int[] approving) {
            if (t.maxOutside < 0) return null; // T ⊆ W: every voter approving T has at least u(T)
            long needed = axiom == Axiom.EJR_UP_TO_ONE ? Math.max(t.maxOutside, 1) : 1;
            return axiom == Axiom.PJR ? pjrGroup(profile, t, approving, work, workLimit) : ejrGroup(axiom, profile, t, needed, approving, work);
        }
    }

    /** A candidate T: its projects, value and cost, and the largest value of a project of T outside W (-1: none). */
    private record Subset(List<Integer> projects, long value, long cost, long maxOutside) {
        Subset(ApprovalProfile profile, List<Integer> projects, long value, long cost) {
            this(projects, value, cost, projects.stream().filter(p -> !profile.funded[p]).mapToLong(p -> profile.value[p]).max().orElse(-1));
        }
    }

    /** EJR and EJR up to one: everyone who approves T and falls short of it (by {@code needed}) is the group. */
    private static Result ejrGroup(Axiom axiom, ApprovalProfile profile, Subset t, long needed, int[] approving, long[] work) {
        long size = 0;
        for (int h : approving) {
            work[0]++;
            if (profile.satisfaction[h] + needed <= t.value) size += profile.mass[h];
        }
        return profile.cohesive(size, t.cost) ? new Result(axiom, Status.VIOLATED, profile.utility, t.projects, size, List.of()) : null;
    }

    /**
     * PJR: among the voters who approve T and whose own funded projects are worth less than T, find funded sets
     * W' worth less than T such that the voters whose funded projects all lie in W' are many enough for T.
     */
    private static Result pjrGroup(ApprovalProfile profile, Subset t, int[] approving, long[] work, long workLimit) {
        List<Integer> members = new ArrayList<>();
        long possible = 0;
        for (int h : approving) {
            work[0]++;
            if (profile.satisfaction[h] < t.value) {
                members.add(h);
                possible += profile.mass[h];
            }
        }
        if (!profile.cohesive(possible, t.cost)) return null;
        List<Integer> shared = new ArrayList<>(); // funded projects some member approves
        boolean[] seen = new boolean[profile.projects];
        for (int h : members) {
            for (int p : profile.sets[h]) {
                if (profile.funded[p] && !seen[p]) {
                    seen[p] = true;
                    shared.add(p);
                }
            }
        }
        int[] position = new int[profile.projects];
        for (int k = 0; k < shared.size(); k++) position[shared.get(k)] = k;
        return new PjrSearch(profile, t, members, shared, position, new boolean[profile.projects], work, workLimit).search(0, 0);
    }

    /** Depth-first over the shared funded projects: each is in W' or not, while W' stays worth less than T. */
    private record PjrSearch(ApprovalProfile profile, Subset t, List<Integer> members, List<Integer> shared, int[] position, boolean[] allowed,
                             long[] work, long workLimit) {
        Result search(int next, long value) {
            if (work[0] > workLimit) return null;
            long size = 0, reachable = 0;
            for (int h : members) {
                work[0]++;
                boolean inside = true, canBeInside = true;
                for (int p : profile.sets[h]) {
                    if (!profile.funded[p] || allowed[p]) continue;
                    inside = false;
                    if (position[p] < next) canBeInside = false; // already left out of W'
                }
                if (inside) size += profile.mass[h];
                if (canBeInside) reachable += profile.mass[h];
            }
            if (profile.cohesive(size, t.cost)) {
                List<Integer> wPrime = new ArrayList<>();
                for (int p : shared) if (allowed[p]) wPrime.add(p);
                return new Result(Axiom.PJR, Status.VIOLATED, profile.utility, t.projects, size, wPrime);
            }
            if (next == shared.size() || !profile.cohesive(reachable, t.cost)) return null;
            int p = shared.get(next);
            if (value + profile.value[p] < t.value) {
                allowed[p] = true;
                Result r = search(next + 1, value + profile.value[p]);
                allowed[p] = false;
                if (r != null) return r;
            }
            return search(next + 1, value);
        }
    }
}
