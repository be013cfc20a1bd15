package org.commonweal.pb.maximin;

// Maximin support: Sánchez-Fernández, Fernández-García, Fisteus & Brill, "The maximin support method" (AAAI 2021);
// for PB, the generalised sequential Phragmén of Aziz, Lee & Talmon (2018), as pabutools' maximin_support.

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        return Ballots.of(instance).classes(projects, instance).network().heaviest(null).load();
    }

    private static void requireApproval(Instance instance) {
        VoteType type = instance.voteType();
        if (type != VoteType.APPROVAL && type != VoteType.CHOOSE_1) {
            throw new IllegalArgumentException("maximin support is defined for approval ballots (as in pabutools), but this file has "
                    + type.pabulibName() + " ballots; use greedy, mes or max-welfare");
        }
    }

    @Override
    public Outcome outcome(Instance instance, TieBreak tieBreak) {
        requireApproval(instance);
        int m = instance.projects().size();
        int[] tieRank = TieOrder.ranks(instance, tieBreak);
        Ballots ballots = Ballots.of(instance);
        long[] support = ballots.support(m);
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
            candidates.sort(Comparator.<Integer, Rational>comparing(p -> bound[p]).thenComparingInt(p -> tieRank[p]));
            Classes classes = ballots.classes(chosen, instance);
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
                LoadNetwork.Group group = network.heaviest(null);
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
            left -= instance.projects().get(best).cost();
            current = bestLoad;
            List<Integer> heaviest = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) if (bestGroup.projects()[i]) heaviest.add(chosen.get(i));
            reasons[best] = new Funded(round, bestLoad.divide(instance.unit()), heaviest, bestGroup.cost(), bestGroup.voters(), support[best]);
        }
        List<Outcome.Verdict> verdicts = new ArrayList<>();
        for (int p = 0; p < m; p++) {
            if (funded[p]) verdicts.add(new Outcome.Verdict(p, true, fundedRound[p], reasons[p]));
            else if (reasons[p] != null) verdicts.add(new Outcome.Verdict(p, false, 0, reasons[p]));
            else verdicts.add(new Outcome.Verdict(p, false, lostRound[p], new NotFunded(support[p], leftWhenLost[p], lostRound[p])));
        }
        return new Outcome(name(), chosen, instance.budget() - left, verdicts, tieBreak);
    }

    /** Voters with the same approvals as one weighted group; the projects each group approves. */
    private record Ballots(List<int[]> sets, long[] counts, List<List<Integer>> groupsOf) {
        static Ballots of(Instance instance) {
            Map<List<Integer>, Integer> index = new HashMap<>();
            List<int[]> sets = new ArrayList<>();
            List<long[]> counts = new ArrayList<>();
            for (Ballot b : instance.ballots()) {
                int[] approved = Arrays.stream(b.projects()).distinct().sorted().toArray();
                List<Integer> key = Arrays.stream(approved).boxed().toList();
                Integer g = index.get(key);
                if (g == null) {
                    index.put(key, sets.size());
                    sets.add(approved);
                    counts.add(new long[]{1});
                } else {
                    counts.get(g)[0]++;
                }
            }
            List<List<Integer>> groupsOf = new ArrayList<>();
            for (int p = 0; p < instance.projects().size(); p++) groupsOf.add(new ArrayList<>());
            for (int g = 0; g < sets.size(); g++) for (int p : sets.get(g)) groupsOf.get(p).add(g);
            return new Ballots(sets, counts.stream().mapToLong(c -> c[0]).toArray(), groupsOf);
        }

        long[] support(int m) {
            long[] support = new long[m];
            for (int p = 0; p < m; p++) for (int g : groupsOf.get(p)) support[p] += counts[g];
            return support;
        }

        /** The voters approving something in {@code projects}, merged by what they approve there. */
        Classes classes(List<Integer> projects, Instance instance) {
            int[] position = new int[instance.projects().size()];
            Arrays.fill(position, -1);
            for (int i = 0; i < projects.size(); i++) position[projects.get(i)] = i;
            int[] classOf = new int[counts.length];
            Arrays.fill(classOf, -1);
            Map<List<Integer>, Integer> index = new HashMap<>();
            List<int[]> members = new ArrayList<>();
            List<long[]> voters = new ArrayList<>();
            for (int p : projects) {
                for (int g : groupsOf.get(p)) {
                    if (classOf[g] >= 0) continue;
                    List<Integer> within = new ArrayList<>();
                    for (int q : sets.get(g)) if (position[q] >= 0) within.add(position[q]);
                    Integer k = index.get(within);
                    if (k == null) {
                        k = members.size();
                        index.put(within, k);
                        members.add(within.stream().mapToInt(Integer::intValue).toArray());
                        voters.add(new long[]{0});
                    }
                    classOf[g] = k;
                    voters.get(k)[0] += counts[g];
                }
            }
            long[] costs = projects.stream().mapToLong(p -> instance.projects().get(p).cost()).toArray();
            return new Classes(this, costs, classOf, members.toArray(int[][]::new), voters.stream().mapToLong(v -> v[0]).toArray());
        }
    }

    /** The funded set W: every ballot group's class (by its approvals within W, -1 for none) and each class's voters. */
    private record Classes(Ballots ballots, long[] costs, int[] classOf, int[][] members, long[] voters) {
        LoadNetwork network() {
            return new LoadNetwork(costs, voters, members);
        }

        /** W with one more project: each class splits into those who approve it and those who do not. */
        LoadNetwork with(int project, long cost) {
            int w = costs.length;
            long[] approving = new long[voters.length];
            long fresh = 0;
            for (int g : ballots.groupsOf().get(project)) {
                int k = classOf[g];
                if (k < 0) fresh += ballots.counts()[g];
                else approving[k] += ballots.counts()[g];
            }
            List<int[]> nodeMembers = new ArrayList<>();
            List<Long> nodeVoters = new ArrayList<>();
            for (int k = 0; k < voters.length; k++) {
                if (approving[k] > 0) {
                    int[] plus = Arrays.copyOf(members[k], members[k].length + 1);
                    plus[members[k].length] = w;
                    nodeMembers.add(plus);
                    nodeVoters.add(approving[k]);
                }
                if (voters[k] > approving[k]) {
                    nodeMembers.add(members[k]);
                    nodeVoters.add(voters[k] - approving[k]);
                }
            }
            if (fresh > 0) {
                nodeMembers.add(new int[]{w});
                nodeVoters.add(fresh);
            }
            long[] allCosts = Arrays.copyOf(costs, w + 1);
            allCosts[w] = cost;
            return new LoadNetwork(allCosts, nodeVoters.stream().mapToLong(Long::longValue).toArray(), nodeMembers.toArray(int[][]::new));
        }
    }
}
