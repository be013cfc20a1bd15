package org.commonweal.pb.maximin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.RandomInstances;
import org.commonweal.pb.Rational;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.junit.jupiter.api.Test;

class MaximinSupportTest {
    private static final TieBreak BY_ID = TieBreak.parse("id", 0);

    /*
     * Budget 100. p0 costs 40 (voters 0, 1, 2), p1 costs 30 (voter 3), p2 costs 30 (voters 0, 1).
     * Round 1: loads p0 40/3, p1 30/1, p2 30/2 = 15 → p0 (40/3).
     * Round 2, with p0: + p1 → max(40/3, 30/1) = 30; + p2 → {p0, p2} 70 over voters 0-2 = 70/3, {p2} alone 15 → 70/3 → p2.
     * Round 3: + p1: {p1} 30/1 = 30 → p1; 100 spent.
     */
    @Test
    void fundsTheProjectThatKeepsTheHeaviestShareLowest() {
        Instance i = Instances.approval(100, new long[]{40, 30, 30}, new int[]{0, 2}, new int[]{0, 2}, new int[]{0}, new int[]{1});
        Outcome o = MaximinSupport.INSTANCE.outcome(i, BY_ID);
        assertThat(Instances.ids(i, o)).containsExactly("p0", "p2", "p1");
        assertThat(o.totalCost()).isEqualTo(100);
        assertThat(((MaximinSupport.Funded) o.verdicts().get(0).reason()).load()).isEqualTo(Rational.of(40, 3));
        MaximinSupport.Funded p2 = (MaximinSupport.Funded) o.verdicts().get(2).reason();
        assertThat(p2.load()).isEqualTo(Rational.of(70, 3));
        assertThat(p2.group()).containsExactlyInAnyOrder(0, 2);
        assertThat(p2.groupVoters()).isEqualTo(3);
        assertThat(((MaximinSupport.Funded) o.verdicts().get(1).reason()).load()).isEqualTo(Rational.of(30));
    }

    /*
     * Phragmén and maximin support part ways: sequential Phragmén fixes earlier loads, maximin support may
     * redistribute them. Budget 5; p0 costs 2 (voters 0, 1), p1 costs 2 (voter 1), p2 costs 3 (voters 0, 2).
     * Round 1: p0 1, p1 2, p2 1.5 → p0. Round 2: + p1 → {p0, p1} 4 over voters 0-1 = 2 (voter 0 takes all of p0);
     * + p2 → {p0, p2} 5 over voters 0-2 = 5/3, {p2} 3/2 → 5/3 → p2, where Phragmén would say (3 + 1)/2 = 2.
     */
    @Test
    void earlierCostsAreSharedAfreshEachRound() {
        Instance i = Instances.approval(5, new long[]{2, 2, 3}, new int[]{0, 2}, new int[]{0, 1}, new int[]{2});
        Outcome o = MaximinSupport.INSTANCE.outcome(i, BY_ID);
        assertThat(Instances.ids(i, o)).containsExactly("p0", "p2");
        assertThat(((MaximinSupport.Funded) o.verdicts().get(2).reason()).load()).isEqualTo(Rational.of(5, 3));
        MaximinSupport.NotFunded p1 = (MaximinSupport.NotFunded) o.verdicts().get(1).reason();
        assertThat(p1.round()).isEqualTo(3);
        assertThat(p1.budgetLeft()).isZero();
    }

    /** Exact ties go to the tie-break: p0 and p1 both give load 5, and by id p0 wins. */
    @Test
    void exactTiesGoToTheTieBreak() {
        Instance i = Instances.approval(10, new long[]{10, 10}, new int[]{0}, new int[]{0}, new int[]{1}, new int[]{1});
        assertThat(Instances.ids(i, MaximinSupport.INSTANCE.outcome(i, BY_ID))).containsExactly("p0");
        // p0 has 2 votes, p1 3: with votes first p1 wins; its load 10/3 is lower anyway.
        Instance j = Instances.approval(10, new long[]{10, 10}, new int[]{0}, new int[]{0}, new int[]{1}, new int[]{1}, new int[]{1});
        assertThat(Instances.ids(j, MaximinSupport.INSTANCE.outcome(j, BY_ID))).containsExactly("p1");
    }

    /** Nobody approves p1 (cost 3): it is never funded; p2 is free and unapproved: it adds no load and is funded. p3 is dearer than the budget. */
    @Test
    void projectsNobodyApprovesAreLeftOutUnlessFree() {
        Instance i = Instances.approval(10, new long[]{4, 3, 0, 20}, new int[]{0}, new int[]{0, 3});
        Outcome o = MaximinSupport.INSTANCE.outcome(i, BY_ID);
        assertThat(Instances.ids(i, o)).containsExactly("p2", "p0");
        assertThat(o.verdicts().get(1).reason()).isEqualTo(new MaximinSupport.Unsupported());
        assertThat(o.verdicts().get(3).reason()).isEqualTo(new MaximinSupport.NotFunded(1, 10, 1));
    }

    @Test
    void refusesBallotsWithPoints() {
        Instance i = Instances.cumulative(10, new long[]{4}, new int[][]{{0}}, new long[][]{{3}});
        assertThatThrownBy(() -> MaximinSupport.INSTANCE.outcome(i, BY_ID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("approval ballots").hasMessageContaining("cumulative");
    }

    @Test
    void theRegistrySaysWhichBallotsItCounts() {
        assertThat(Rules.accepts("maximin-support", org.commonweal.pb.VoteType.APPROVAL)).isTrue();
        assertThat(Rules.accepts("maximin-support", org.commonweal.pb.VoteType.CHOOSE_1)).isTrue();
        assertThat(Rules.accepts("maximin-support", org.commonweal.pb.VoteType.ORDINAL)).isFalse();
        assertThat(Rules.accepts("maximin-support", org.commonweal.pb.VoteType.CUMULATIVE)).isFalse();
        assertThat(Rules.accepts("mes", org.commonweal.pb.VoteType.CUMULATIVE)).isTrue();
    }

    @Test
    void isBuiltByNameAndTakesNoOptions() {
        assertThat(Rules.build("maximin-support", java.util.Map.of())).isEqualTo(MaximinSupport.INSTANCE);
        assertThatThrownBy(() -> Rules.build("maximin-support", java.util.Map.of("utility", "cost"))).hasMessageContaining("takes no options");
    }

    /** The exact load of a set equals max over its subsets S of cost(S)/N(S), by brute force. */
    @Property(tries = 300)
    void loadEqualsTheHeaviestSubsetByBruteForce(@ForAll("instances") Instance instance) {
        List<Integer> supported = supported(instance);
        for (int mask = 0; mask < (1 << supported.size()); mask++) {
            List<Integer> set = new ArrayList<>();
            for (int b = 0; b < supported.size(); b++) if ((mask >> b & 1) != 0) set.add(supported.get(b));
            assertThat(MaximinSupport.load(instance, set)).isEqualTo(bruteLoad(instance, set));
        }
    }

    /** The whole rule against a plain implementation that evaluates every candidate by brute force. */
    @Property(tries = 300)
    void ruleEqualsTheRuleWithBruteForceLoads(@ForAll("instances") Instance instance) {
        TieBreak tieBreak = TieBreak.parse("cost,votes,lottery", 7);
        int[] rank = org.commonweal.pb.TieOrder.ranks(instance, tieBreak);
        List<Integer> supported = supported(instance);
        List<Integer> chosen = new ArrayList<>();
        long left = instance.budget();
        while (true) {
            int best = -1;
            Rational bestLoad = null;
            for (int c : supported) {
                if (chosen.contains(c) || instance.projects().get(c).cost() > left) continue;
                List<Integer> with = new ArrayList<>(chosen);
                with.add(c);
                Rational load = bruteLoad(instance, with);
                int cmp = bestLoad == null ? -1 : load.compareTo(bestLoad);
                if (cmp < 0 || (cmp == 0 && rank[c] < rank[best])) {
                    best = c;
                    bestLoad = load;
                }
            }
            if (best < 0) break;
            chosen.add(best);
            left -= instance.projects().get(best).cost();
        }
        assertThat(MaximinSupport.INSTANCE.outcome(instance, tieBreak).selected()).isEqualTo(chosen);
    }

    @Provide
    Arbitrary<Instance> instances() {
        return RandomInstances.approval();
    }

    private static List<Integer> supported(Instance instance) {
        long[] support = instance.supportCounts();
        List<Integer> supported = new ArrayList<>();
        for (int p = 0; p < support.length; p++) if (support[p] > 0) supported.add(p);
        return supported;
    }

    static Rational bruteLoad(Instance instance, List<Integer> set) {
        Rational worst = Rational.ZERO;
        for (int mask = 1; mask < (1 << set.size()); mask++) {
            long cost = 0, voters = 0;
            for (int b = 0; b < set.size(); b++) if ((mask >> b & 1) != 0) cost += instance.projects().get(set.get(b)).cost();
            for (Ballot ballot : instance.ballots()) {
                boolean approves = false;
                for (int p : ballot.projects()) for (int b = 0; b < set.size(); b++) approves |= (mask >> b & 1) != 0 && set.get(b) == p;
                if (approves) voters++;
            }
            worst = worst.max(Rational.of(cost, voters));
        }
        return worst;
    }
}
