package org.commonweal.pb.stats;

import java.util.ArrayList;
import java.util.List;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.mes.Utility;

/**
 * Pareto efficiency for approval ballots: the outcome W is dominated when another affordable set W' gives every
 * voter at least as much (u_i(W') ≥ u_i(W)) and some voter more. Finding W' is NP-hard in general (it contains
 * knapsack), so the check first tries the quick witness (a supported project that still fits the money left),
 * then an exact depth-first search over the supported projects, pruned by cost and by every ballot group that
 * could no longer reach what W gives it. The search is capped; beyond the cap the status is NOT_CHECKED.
 */
public final class Pareto {
    /** Search nodes times voter groups examined: about a second of work. */
    public static final long DEFAULT_WORK_LIMIT = 20_000_000L;

    private Pareto() {
    }

    public enum Status { EFFICIENT, DOMINATED, NOT_CHECKED }

    /** On DOMINATED, {@code better} is a dominating affordable set of projects. */
    public record Result(Status status, Utility utility, List<Integer> better) {
    }

    public static Result check(Instance instance, Outcome outcome, Utility utility, long workLimit) {
        ApprovalProfile profile = new ApprovalProfile(instance, outcome, utility);
        long left = instance.budget() - outcome.totalCost();
        for (int p = 0; p < profile.projects; p++) {
            if (!profile.funded[p] && profile.supporters[p].length > 0 && profile.cost[p] <= left) {
                List<Integer> better = new ArrayList<>(outcome.selected());
                better.add(p);
                return new Result(Status.DOMINATED, utility, better);
            }
        }
        return new Search(profile, workLimit).run();
    }

    private static final class Search {
        private final ApprovalProfile profile;
        private final long workLimit;
        private final int[] order;
        private final long[] reach; // per group: what it gains from the chosen projects plus those still undecided
        private final long[] gain;  // per group: what it gains from the chosen projects
        private final boolean[] chosen;
        private long work;
        private long budgetLeft;

        Search(ApprovalProfile profile, long workLimit) {
            this.profile = profile;
            this.workLimit = workLimit;
            // Most-supported first: the groups' bounds bite early.
            order = java.util.stream.IntStream.range(0, profile.projects).filter(p -> profile.supporters[p].length > 0).boxed()
                    .sorted((a, b) -> Integer.compare(profile.supporters[b].length, profile.supporters[a].length))
                    .mapToInt(Integer::intValue).toArray();
            reach = new long[profile.groups()];
            gain = new long[profile.groups()];
            for (int p : order) for (int g : profile.supporters[p]) reach[g] += profile.value[p];
            chosen = new boolean[profile.projects];
            budgetLeft = profile.instance.budget();
        }

        Result run() {
            for (int g = 0; g < profile.groups(); g++) {
                if (reach[g] < profile.satisfaction[g]) throw new IllegalStateException("a group gains more from W than from every project");
            }
            Boolean found = search(0);
            if (found == null) return new Result(Status.NOT_CHECKED, profile.utility, List.of());
            if (!found) return new Result(Status.EFFICIENT, profile.utility, List.of());
            List<Integer> better = new ArrayList<>();
            for (int p : order) if (chosen[p]) better.add(p);
            return new Result(Status.DOMINATED, profile.utility, better);
        }

        /** true: a dominating set is in {@code chosen}; false: none below this node; null: out of work. */
        private Boolean search(int next) {
            if (++work > workLimit) return null;
            if (next == order.length) {
                boolean someoneBetter = false;
                for (int g = 0; g < profile.groups(); g++) someoneBetter |= gain[g] > profile.satisfaction[g];
                work += profile.groups();
                return someoneBetter;
            }
            int p = order[next];
            if (profile.cost[p] <= budgetLeft) {
                chosen[p] = true;
                budgetLeft -= profile.cost[p];
                for (int g : profile.supporters[p]) gain[g] += profile.value[p];
                Boolean r = search(next + 1);
                if (r == null || r) return r;
                for (int g : profile.supporters[p]) gain[g] -= profile.value[p];
                budgetLeft += profile.cost[p];
                chosen[p] = false;
            }
            // Leave p out: every group approving p must still be able to reach what W gives it.
            boolean feasible = true;
            for (int g : profile.supporters[p]) {
                reach[g] -= profile.value[p];
                if (reach[g] < profile.satisfaction[g]) feasible = false;
            }
            work += profile.supporters[p].length;
            Boolean r = feasible ? search(next + 1) : Boolean.FALSE;
            if (r != null && r) return r;
            for (int g : profile.supporters[p]) reach[g] += profile.value[p];
            return r;
        }
    }
}
