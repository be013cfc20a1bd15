package org.commonweal.pb.mes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Rational;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.TieOrder;
import org.commonweal.pb.TiedOutcomes;

/**
 * Every outcome of the Method of Equal Shares when each exact tie in ρ at the front of a pass may be broken either
 * way, as pabutools' irresolute MES branches on every tied project. The passes are the rule's own
 * ({@link EqualSharesRun}, certified arithmetic, so ties are exact): a tie hook replays a recorded list of choices,
 * takes the tie-break's choice at every new tie and leaves the other choices to be replayed later, depth first.
 * What follows a tie depends only on the projects funded so far and every voter's money, compared exactly, so a
 * tie met again in the same state is not explored again.
 *
 * <p>add1 and add1-max: the ties of each pass are broken independently, and the completion is followed along every
 * path: an outcome that stops the completion (exhaustive, or with add1-max every supported project funded) is final;
 * one that does not goes on to the next increment, and when some outcome of the next increment costs more than the
 * budget, every outcome still going on is final. This contains the outcome of every strict tie-break order, which
 * breaks the ties of all passes alike. pabutools steps the whole family of outcomes together instead (it stops all of
 * them at the first increment where any is exhaustive, or goes back one increment as soon as any is infeasible), which
 * can leave out the outcome of some tie-break order.
 */
public final class EqualSharesTies {
    private final Instance instance;
    private final long[] cost;
    private final boolean[] supported;
    private final long voters;
    private final EqualSharesRun<CertifiedArithmetic.Value> run;
    private final TiedOutcomes.Budget budget;
    private final TiedOutcomes.Limits limits;

    /** One distinct outcome of a pass, with the ties broken to reach it. */
    private record Pass(EqualSharesRun.Result result, List<TiedOutcomes.Choice> choices) {
    }

    private EqualSharesTies(EqualShares rule, Instance instance, TieBreak tieBreak, TiedOutcomes.Limits limits) {
        this.instance = instance;
        this.limits = limits;
        this.budget = new TiedOutcomes.Budget(limits);
        Utility u = rule.utility() == null ? Utility.defaultFor(instance) : rule.utility();
        if (u == Utility.POINTS && !instance.voteType().hasPoints()) {
            throw new IllegalArgumentException("points utilities need cumulative or scoring ballots, but vote_type is " + instance.voteType().pabulibName());
        }
        int m = instance.projects().size();
        cost = instance.projects().stream().mapToLong(p -> p.cost()).toArray();
        boolean[] candidate = rule.eligibilityFilter() ? Eligibility.mask(instance) : EqualShares.allTrue(m);
        VoterGroups groups = VoterGroups.of(instance, u, candidate);
        run = new EqualSharesRun<>(groups, cost, TieOrder.ranks(instance, tieBreak), CertifiedArithmetic.INSTANCE,
                u.effortScale(instance, groups.supportMass));
        voters = Math.max(1, groups.voters);
        supported = new boolean[m];
        for (int p = 0; p < m; p++) supported[p] = candidate[p] && groups.supporters[p].length > 0;
    }

    /**
     * @throws IllegalArgumentException for the completions that fill greedily (add1u, greedy) and the comparison with
     *                                  greedy, whose own ties by votes are not enumerated
     * @throws TiedOutcomes.LimitReached past the limits
     */
    public static TiedOutcomes of(EqualShares rule, Instance instance, TieBreak tieBreak, TiedOutcomes.Limits limits) {
        if (rule.comparison() || rule.completion() == Completion.ADD1U || rule.completion() == Completion.GREEDY) {
            throw new IllegalArgumentException("all tied outcomes are enumerated for Equal Shares with completion none, add1 or add1-max"
                    + " and without comparison, not " + rule.name() + " (its greedy step has ties of its own that are not enumerated)");
        }
        EqualSharesTies ties = new EqualSharesTies(rule, instance, tieBreak, limits);
        List<TiedOutcomes.Tied> found = rule.completion() == Completion.NONE
                ? ties.explore(instance.budget()).stream().map(p -> tied(p, 0)).toList()
                : ties.completed(rule.completion() == Completion.ADD1_MAX, rule.incrementScaled(instance));
        return new TiedOutcomes(rule.name(), TiedOutcomes.sorted(instance, found), ties.budget.explored());
    }

    private static TiedOutcomes.Tied tied(Pass pass, long increments) {
        return new TiedOutcomes.Tied(pass.result().selected(), pass.result().totalCost(), pass.choices(), increments);
    }

    /** The add1 completions, followed along every outcome of every pass (see the class comment). */
    private List<TiedOutcomes.Tied> completed(boolean untilAllFunded, long increment) {
        long limit = instance.budget();
        long step = Math.multiplyExact(voters, increment);
        Map<BitSet, TiedOutcomes.Tied> finals = new LinkedHashMap<>();
        List<Pass> going = new ArrayList<>();
        for (Pass pass : explore(limit)) {
            if (stops(pass, untilAllFunded)) finals.putIfAbsent(set(pass), tied(pass, 0));
            else going.add(pass);
        }
        for (long k = 1; !going.isEmpty(); k++) {
            List<Pass> next = new ArrayList<>();
            boolean overBudget = false;
            for (Pass pass : explore(Math.addExact(limit, Math.multiplyExact(k, step)))) {
                if (pass.result().totalCost() > limit) overBudget = true;
                else if (stops(pass, untilAllFunded)) finals.putIfAbsent(set(pass), tied(pass, k));
                else next.add(pass);
            }
            if (overBudget) for (Pass pass : going) finals.putIfAbsent(set(pass), tied(pass, k - 1));
            going = next;
            budget.found(finals.size());
        }
        return List.copyOf(finals.values());
    }

    private boolean stops(Pass pass, boolean untilAllFunded) {
        return untilAllFunded ? EqualShares.containsAll(pass.result(), supported)
                : EqualShares.exhaustive(pass.result(), cost, supported, instance.budget());
    }

    private static BitSet set(Pass pass) {
        BitSet set = new BitSet();
        pass.result().selected().forEach(set::set);
        return set;
    }

    /** Every distinct outcome of the pass at budgetNumerator/voters per voter, depth first from the tie-break's own. */
    private List<Pass> explore(long budgetNumerator) {
        Map<BitSet, Pass> outcomes = new LinkedHashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        Deque<List<Integer>> pending = new ArrayDeque<>();
        pending.push(List.of());
        while (!pending.isEmpty()) {
            budget.explore(outcomes.size());
            Replay replay = new Replay(pending.pop(), seen, pending);
            run.tieHook(replay);
            EqualSharesRun.Result result = run.run(budgetNumerator, voters, supported, false);
            if (replay.ended) continue;
            Pass pass = new Pass(result, replay.choices);
            outcomes.putIfAbsent(set(pass), pass);
            if (outcomes.size() > limits.outcomes()) budget.found(outcomes.size());
        }
        run.tieHook(null);
        return List.copyOf(outcomes.values());
    }

    /** Replays {@code forced} at the first ties, then takes the tie-break's choice and leaves the others pending. */
    private static final class Replay implements EqualSharesRun.TieHook<CertifiedArithmetic.Value> {
        private final List<Integer> forced;
        private final Set<List<Object>> seen;
        private final Deque<List<Integer>> pending;
        private final List<Integer> path = new ArrayList<>();
        final List<TiedOutcomes.Choice> choices = new ArrayList<>();
        boolean ended;

        Replay(List<Integer> forced, Set<List<Object>> seen, Deque<List<Integer>> pending) {
            this.forced = forced;
            this.seen = seen;
            this.pending = pending;
        }

        @Override
        public int choose(int round, int[] tied, CertifiedArithmetic.Value rho, List<Integer> funded,
                          EqualSharesRun<CertifiedArithmetic.Value> run) {
            int chosen;
            if (path.size() < forced.size()) {
                chosen = forced.get(path.size());
            } else {
                if (!seen.add(List.of(Set.copyOf(funded), exactMoney(run)))) {
                    ended = true; // this state's continuations are explored from where it was first met
                    return -1;
                }
                for (int i = tied.length - 1; i >= 1; i--) {
                    List<Integer> other = new ArrayList<>(path);
                    other.add(tied[i]);
                    pending.push(other);
                }
                chosen = tied[0];
            }
            path.add(chosen);
            choices.add(new TiedOutcomes.Choice(round, Arrays.stream(tied).boxed().toList(), chosen, CertifiedArithmetic.INSTANCE.display(rho)));
            return chosen;
        }

        private static List<Rational> exactMoney(EqualSharesRun<CertifiedArithmetic.Value> run) {
            List<Rational> money = new ArrayList<>();
            for (Object v : run.moneyPerGroup()) money.add(((CertifiedArithmetic.Value) v).exact());
            return money;
        }
    }
}
