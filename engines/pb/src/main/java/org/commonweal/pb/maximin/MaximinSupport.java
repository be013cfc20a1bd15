package org.commonweal.pb.maximin;

// Maximin support: Sánchez-Fernández, Fernández-García, Fisteus & Brill, "The maximin support method" (AAAI 2021);
// for PB, the generalised sequential Phragmén of Aziz, Lee & Talmon (2018), as pabutools' maximin_support.

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rational;
import org.commonweal.pb.Rule;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.TieOrder;
import org.commonweal.pb.VoteType;

/**
 * Each round, among the projects that still fit in the money left, fund the one after which the funded
 * projects' costs can be shared among their approvers most evenly: the lowest possible heaviest share
 * (pabutools' "max load"; its reciprocal is the maximin support, voters per unit of money). The load of a set
 * is computed exactly ({@link LoadNetwork}), so ties are real ties and go to the tie-break. The rule stops when
 * no project fits. As in pabutools, a project dearer than the whole budget is never considered, and ballots are
 * approval ballots (choose-1 is approval of one project); other ballot types are refused.
 *
 * <p>A project nobody approves cannot be paid for by anyone: in pabutools its linear program has no solution
 * and the rule fails. Here it is never funded (a free one, costing 0, is funded like any other: it adds no load).
 *
 * <p>Speed: a candidate's load can only rise as more projects are funded, and any group of projects including it
 * keeps its cost and approvers, so the heaviest group found for it in an earlier round is a lower bound now.
 * Candidates are tried in order of that bound, each first with one flow asking only whether it beats the best so
 * far (which also finds a heavier group when it does not); the exact value is computed only for those that do.
 */
public record MaximinSupport() implements Rule {
    public static final MaximinSupport INSTANCE = new MaximinSupport();

    @Override
    public String name() {
        return "maximin-support";
    }

    /**
     * Funded in {@code round}: with it, the funded projects' costs can be shared so that no voter carries more
     * than {@code load} (currency units per voter), the least any project allowed. The heaviest group is the
     * {@code groupVoters} voters approving some of {@code group}, whose cost {@code groupCost} they carry evenly.
     */
    public record Funded(int round, Rational load, List<Integer> group, long groupCost, long groupVoters, long supporters) implements Outcome.Reason {
        public Funded {
            group = List.copyOf(group);
        }
    }

    /** Not funded: from {@code round} on it no longer fitted in {@code budgetLeft} (round 1: dearer than the budget). */
    public record NotFunded(long supporters, long budgetLeft, int round) implements Outcome.Reason {
    }

    /** Not funded: nobody approves it, so nobody can carry its cost. */
    public record Unsupported() implements Outcome.Reason {
    }

    /** The least heaviest share at which the given projects can be paid for, in money units per voter (the engine's scaled units). */
    public static Rational load(Instance instance, List<Integer> projects) {
        requireApproval(instance);
        FundedClasses classes = new FundedClasses(ApprovalGroups.of(instance));
        for (int p : projects) classes.add(p, instance.projects().get(p).cost());
        return classes.network().heaviest(null).load();
    }

    /** Approval ballots, and choose-1 ballots (approval of one project); pabutools defines the rule for approval profiles. */
    public static boolean accepts(VoteType type) {
        return type == VoteType.APPROVAL || type == VoteType.CHOOSE_1;
    }

    private static void requireApproval(Instance instance) {
        VoteType type = instance.voteType();
        if (!accepts(type)) {
            throw new IllegalArgumentException("maximin support is defined for approval ballots (as in pabutools), but this file has "
                    + type.pabulibName() + " ballots; use greedy, mes or max-welfare");
        }
    }

    @Override
    public Outcome outcome(Instance instance, TieBreak tieBreak) {
        requireApproval(instance);
        int m = instance.projects().size();
        int[] tieRank = TieOrder.ranks(instance, tieBreak);
        ApprovalGroups ballots = ApprovalGroups.of(instance);
        long[] support = ballots.support();
        FundedClasses classes = new FundedClasses(ballots);
        long left = instance.budget();
        boolean[] funded = new boolean[m];
        int[] lostRound = new int[m];
        long[] leftWhenLost = new long[m];
        Outcome.Reason[] reasons = new Outcome.Reason[m];
        int[] fundedRound = new int[m];
        // Lower bounds on each candidate's load: the loads of groups of projects including it seen so far.
        Rational[] bound = new Rational[m];
        List<Integer> chosen = new ArrayList<>();
        Rational current = Rational.ZERO;
        List<Integer> heaviestNow = List.of();
        long heaviestCost = 0, heaviestVoters = 0;
        for (int p = 0; p < m; p++) {
            long cost = instance.projects().get(p).cost();
            bound[p] = support[p] == 0 ? Rational.ZERO : Rational.of(cost, support[p]);
            if (support[p] == 0 && cost > 0) reasons[p] = new Unsupported();
        }
        for (int round = 1; ; round++) {
            List<Integer> candidates = new ArrayList<>();
            for (int p = 0; p < m; p++) {
                if (funded[p] || reasons[p] != null || lostRound[p] > 0) continue;
                if (instance.projects().get(p).cost() > left) {
                    lostRound[p] = round;
                    leftWhenLost[p] = left;
                    continue;
                }
                bound[p] = bound[p].max(current);
                candidates.add(p);
            }
            if (candidates.isEmpty()) break;
            // The heaviest group H of the funded set, plus c, is a group of W + c: (cost(H) + cost(c)) / N(H + c) bounds
            // c's load from below at the price of counting c's approvers outside N(H).
            boolean[] inHeaviest = ballots.approvingAny(heaviestNow);
            for (int c : candidates) {
                long fresh = 0;
                for (int g : ballots.groupsOf()[c]) if (!inHeaviest[g]) fresh += ballots.counts()[g];
                long voters = heaviestVoters + fresh;
                if (voters > 0) bound[c] = bound[c].max(Rational.of(heaviestCost + instance.projects().get(c).cost(), voters));
            }
            candidates.sort(Comparator.<Integer, Rational>comparing(p -> bound[p]).thenComparingInt(p -> tieRank[p]));
            int best = -1;
            LoadNetwork.Group bestGroup = null;
            Rational bestLoad = null;
            for (int c : candidates) {
                if (bestLoad != null) {
                    if (bound[c].compareTo(bestLoad) > 0) break; // sorted: no later candidate can win or tie
                }
                LoadNetwork network = classes.with(c, instance.projects().get(c).cost());
                if (bestLoad != null) {
                    LoadNetwork.Group heavier = network.heavierThan(bestLoad.numerator().longValueExact(), bestLoad.denominator().longValueExact());
                    if (heavier != null) {
                        // The group found keeps its cost and approvers whatever else is funded: its load bounds c from now on.
                        bound[c] = heavier.load();
                        continue;
                    }
                }
                boolean[] withHeaviest = new boolean[chosen.size() + 1];
                for (int i = 0; i < chosen.size(); i++) withHeaviest[i] = heaviestNow.contains(chosen.get(i));
                withHeaviest[chosen.size()] = true;
                LoadNetwork.Group start = network.group(withHeaviest), whole = network.all();
                LoadNetwork.Group group = network.heaviest(whole.load().compareTo(start.load()) > 0 ? whole : start);
                Rational load = group.load();
                bound[c] = load;
                int cmp = bestLoad == null ? -1 : load.compareTo(bestLoad);
                if (cmp < 0 || (cmp == 0 && tieRank[c] < tieRank[best])) {
                    best = c;
                    bestLoad = load;
                    bestGroup = group;
                }
            }
            funded[best] = true;
            fundedRound[best] = round;
            chosen.add(best);
            classes.add(best, instance.projects().get(best).cost());
            left -= instance.projects().get(best).cost();
            current = bestLoad;
            heaviestNow = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) if (bestGroup.projects()[i]) heaviestNow.add(chosen.get(i));
            heaviestCost = bestGroup.cost();
            heaviestVoters = bestGroup.voters();
            reasons[best] = new Funded(round, bestLoad.divide(instance.unit()), heaviestNow, bestGroup.cost(), bestGroup.voters(), support[best]);
        }
        List<Outcome.Verdict> verdicts = new ArrayList<>();
        for (int p = 0; p < m; p++) {
            if (funded[p]) verdicts.add(new Outcome.Verdict(p, true, fundedRound[p], reasons[p]));
            else if (reasons[p] != null) verdicts.add(new Outcome.Verdict(p, false, 0, reasons[p]));
            else verdicts.add(new Outcome.Verdict(p, false, lostRound[p], new NotFunded(support[p], leftWhenLost[p], lostRound[p])));
        }
        return new Outcome(name(), chosen, instance.budget() - left, verdicts, tieBreak);
    }
}
