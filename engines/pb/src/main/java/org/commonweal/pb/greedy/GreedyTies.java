package org.commonweal.pb.greedy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rule;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.TiedOutcomes;

/**
 * Every outcome of a greedy rule under every order its ties allow: the walk of the rule (its own order, limits,
 * skip or stop) with the projects of equal standing taken in any order. Depth first over the tie classes: at a class
 * whose remaining projects do not all get funded, each of them in turn is tried as the next one. What follows a point
 * of the walk depends only on the class reached, the projects of it still to come and the projects funded so far
 * (they fix the money left, the caps left and the exclusions), so a point met again is not explored again; and a class
 * whose remaining projects are all funded in one order is funded whole in every order, so it is not branched on.
 * Each step is the rule's own walk ({@link GreedyWalk}) run on the order built so far, so enumerating can never
 * decide a step differently from the rule.
 */
public final class GreedyTies {
    private final String name;
    private final Instance instance;
    private final TieBreak tieBreak;
    private final GreedyWalk walk;
    private final List<List<Integer>> classes = new ArrayList<>();
    private final boolean perCost;
    private final TiedOutcomes.Budget budget;
    private final Set<List<Object>> seen = new HashSet<>();
    private final Map<BitSet, TiedOutcomes.Tied> found = new LinkedHashMap<>();

    private GreedyTies(String name, Instance instance, TieBreak tieBreak, GreedyWalk walk, boolean perCost, TiedOutcomes.Limits limits) {
        this.name = name;
        this.instance = instance;
        this.tieBreak = tieBreak;
        this.walk = walk;
        this.perCost = perCost;
        this.budget = new TiedOutcomes.Budget(limits);
        List<Integer> ranking = walk.ranking(instance, tieBreak);
        ranking.removeAll(walk.limits().initial()); // funded before the walk, whatever the order
        for (int p : ranking) {
            List<Integer> last = classes.isEmpty() ? null : classes.get(classes.size() - 1);
            if (last != null && walk.order().compare(last.get(0), p) == 0) last.add(p);
            else classes.add(new ArrayList<>(List.of(p)));
        }
    }

    /** Whether {@link #of} takes this rule: every greedy rule, with or without an initial allocation. */
    public static boolean enumerates(Rule rule) {
        return rule instanceof GreedyRule || rule instanceof InitialAllocation;
    }

    public static TiedOutcomes of(Rule rule, Instance instance, TieBreak tieBreak, TiedOutcomes.Limits limits) {
        GreedyRule greedy;
        GreedyLimits own;
        if (rule instanceof InitialAllocation initial) {
            greedy = (GreedyRule) initial.rule();
            own = initial.limits(instance);
        } else if (rule instanceof GreedyRule g) {
            greedy = g;
            own = GreedyLimits.of(instance);
        } else {
            throw new IllegalArgumentException("rule " + rule.name() + " is not a greedy rule");
        }
        GreedyTies ties = new GreedyTies(rule.name(), instance, tieBreak, greedy.walk(instance, own), greedy instanceof GreedyPerCost, limits);
        ties.explore(0, List.copyOf(ties.classes.isEmpty() ? List.of() : ties.classes.get(0)), new ArrayList<>(), new ArrayList<>());
        return new TiedOutcomes(rule.name(), TiedOutcomes.sorted(instance, List.copyOf(ties.found.values())), ties.budget.explored());
    }

    /** @param remaining the projects of class c still to come, in tie-break order; order the walk so far; choices the ties broken on the way */
    private void explore(int c, List<Integer> remaining, List<Integer> order, List<TiedOutcomes.Choice> choices) {
        budget.explore(found.size());
        while (c < classes.size()) {
            if (remaining.size() > 1) {
                // the walk so far is needed only where a tie may branch (walking it at every class would be quadratic)
                if (stopped(walk.run(name, instance, tieBreak, order))) break;
                // A project the walk would pass over if it came next is passed over whenever it comes: below the
                // threshold, excluded, or (when the walk skips) too dear, all only more so later. Its place cannot matter.
                List<Integer> live = new ArrayList<>();
                order = new ArrayList<>(order);
                for (int p : remaining) {
                    if (matters(order, p)) live.add(p);
                    else order.add(p);
                }
                remaining = live;
            }
            if (remaining.size() > 1 && !allFunded(order, remaining)) {
                List<Object> point = List.of(c, Set.copyOf(remaining), Set.copyOf(walk.run(name, instance, tieBreak, order).selected()));
                if (!seen.add(point)) return;
                for (int next : remaining) {
                    List<Integer> rest = new ArrayList<>(remaining);
                    rest.remove(Integer.valueOf(next));
                    List<Integer> longer = new ArrayList<>(order);
                    longer.add(next);
                    List<TiedOutcomes.Choice> made = new ArrayList<>(choices);
                    made.add(new TiedOutcomes.Choice(order.size() + walk.limits().initial().size() + 1, remaining, next, level(next)));
                    explore(c, rest, longer, made);
                }
                return;
            }
            order = new ArrayList<>(order);
            order.addAll(remaining);
            c++;
            remaining = c < classes.size() ? classes.get(c) : List.of();
        }
        // The rest of the walk decides nothing more (stopped, or no classes left): walk it whole for the outcome.
        List<Integer> full = new ArrayList<>(order);
        full.addAll(remaining);
        for (int k = c + 1; k < classes.size(); k++) full.addAll(classes.get(k));
        Outcome outcome = walk.run(name, instance, tieBreak, full);
        BitSet set = new BitSet();
        outcome.selected().forEach(set::set);
        if (found.containsKey(set)) return;
        found.put(set, new TiedOutcomes.Tied(outcome.selected(), outcome.totalCost(), choices, 0));
        budget.found(found.size());
    }

    /** Whether p, taken next, is funded or stops the walk. */
    private boolean matters(List<Integer> order, int p) {
        List<Integer> longer = new ArrayList<>(order);
        longer.add(p);
        Outcome next = walk.run(name, instance, tieBreak, longer);
        return next.selected().contains(p) || stopped(next);
    }

    /** Whether taking the remaining projects next, in any order, funds them all (then their order cannot matter). */
    private boolean allFunded(List<Integer> order, List<Integer> remaining) {
        List<Integer> longer = new ArrayList<>(order);
        longer.addAll(remaining);
        return walk.run(name, instance, tieBreak, longer).selected().containsAll(remaining);
    }

    /** The no-skip walk has met a project that does not fit: nothing after it is funded, whatever the order. */
    private boolean stopped(Outcome sofar) {
        if (walk.skip()) return false;
        for (Outcome.Verdict v : sofar.verdicts()) {
            if (v.reason() instanceof GreedyReason.DidNotFit || v.reason() instanceof GreedyReason.OverLimit) return true;
        }
        return false;
    }

    /** The standing the tied projects share: the score, or for greedy-cost the score per currency unit of cost. */
    private BigDecimal level(int p) {
        int pointScale = instance.voteType().hasPoints() ? instance.pointScale() : 0;
        BigDecimal score = BigDecimal.valueOf(walk.scores()[p], pointScale);
        if (!perCost) return score;
        long cost = instance.projects().get(p).cost();
        if (cost == 0) return null;
        return score.divide(BigDecimal.valueOf(cost, instance.costScale()), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
