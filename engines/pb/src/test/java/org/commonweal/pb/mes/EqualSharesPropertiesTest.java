package org.commonweal.pb.mes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Project;
import org.commonweal.pb.RandomInstances;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.TieOrder;
import org.commonweal.pb.stats.JustifiedRepresentation;

class EqualSharesPropertiesTest {
    @Provide
    Arbitrary<Instance> instances() {
        return RandomInstances.approval();
    }

    @Property(tries = 300)
    void everyVariantStaysWithinTheBudget(@ForAll("instances") Instance instance) {
        for (Completion c : Completion.values()) {
            for (boolean comparison : new boolean[]{false, true}) {
                for (Utility u : new Utility[]{Utility.COST, Utility.CARDINALITY}) {
                    Outcome o = new EqualShares(u, c, comparison, false).outcome(instance, TieBreak.DEFAULT);
                    assertThat(o.totalCost()).isLessThanOrEqualTo(instance.budget());
                    assertThat(o.totalCost()).isEqualTo(o.selected().stream().mapToLong(p -> instance.projects().get(p).cost()).sum());
                    assertThat(o.verdicts()).hasSize(instance.projects().size());
                }
            }
        }
    }

    @Property(tries = 200)
    void outcomeDoesNotDependOnTheOrderOfProjectsOrVoters(@ForAll("instances") Instance instance, @ForAll long seed) {
        Instance shuffled = shuffle(instance, new Random(seed));
        for (Completion c : new Completion[]{Completion.NONE, Completion.ADD1}) {
            EqualShares rule = new EqualShares(Utility.COST, c, false, false);
            assertThat(new TreeSet<>(Instances.ids(shuffled, rule.outcome(shuffled, TieBreak.DEFAULT))))
                    .isEqualTo(new TreeSet<>(Instances.ids(instance, rule.outcome(instance, TieBreak.DEFAULT))));
        }
    }

    @Property(tries = 300)
    void certifiedFloatingPointPassDecidesExactlyAsThePureRationalPass(@ForAll("instances") Instance instance) {
        boolean[] all = new boolean[instance.projects().size()];
        java.util.Arrays.fill(all, true);
        for (Utility u : new Utility[]{Utility.COST, Utility.CARDINALITY}) {
            VoterGroups groups = VoterGroups.of(instance, u, all);
            long[] cost = instance.projects().stream().mapToLong(Project::cost).toArray();
            int[] rank = TieOrder.ranks(instance, TieBreak.DEFAULT);
            for (int extra = 0; extra < 3; extra++) {
                long numerator = instance.budget() + extra * (long) instance.ballots().size();
                var exact = new EqualSharesRun<>(groups, cost, rank, ExactArithmetic.INSTANCE).run(numerator, instance.ballots().size(), all, true);
                var fast = new EqualSharesRun<>(groups, cost, rank, CertifiedArithmetic.INSTANCE).run(numerator, instance.ballots().size(), all, true);
                assertThat(fast.selected()).isEqualTo(exact.selected());
                assertThat(fast.lostRound()).isEqualTo(exact.lostRound());
                assertThat(fast.overtakenBy()).isEqualTo(exact.overtakenBy());
            }
        }
    }

    @Property(tries = 300)
    void mesWithAndWithoutAdd1SatisfiesEjrUpToOne(@ForAll("instances") Instance instance) {
        // Peters, Pierczyński & Skowron 2021: MES satisfies EJR up to one; add1 is MES on a larger budget,
        // for which every group cohesive under the real budget is cohesive as well.
        for (Utility u : new Utility[]{Utility.COST, Utility.CARDINALITY}) {
            for (Completion c : new Completion[]{Completion.NONE, Completion.ADD1, Completion.ADD1_MAX}) {
                Outcome o = new EqualShares(u, c, false, false).outcome(instance, TieBreak.DEFAULT);
                assertThat(JustifiedRepresentation.check(JustifiedRepresentation.Axiom.EJR_UP_TO_ONE, instance, o, u, JustifiedRepresentation.DEFAULT_WORK_LIMIT).status())
                        .isEqualTo(JustifiedRepresentation.Status.SATISFIED);
            }
        }
    }

    /** The same election with projects and voters listed in another order (ids unchanged, voters renamed). */
    static Instance shuffle(Instance instance, Random random) {
        int m = instance.projects().size();
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < m; p++) order.add(p);
        Collections.shuffle(order, random);
        int[] newIndex = new int[m];
        List<Project> projects = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            newIndex[order.get(k)] = k;
            projects.add(instance.projects().get(order.get(k)));
        }
        List<Ballot> ballots = new ArrayList<>();
        for (Ballot b : instance.ballots()) {
            int[] listed = new int[b.size()];
            for (int i = 0; i < b.size(); i++) listed[i] = newIndex[b.projects()[i]];
            ballots.add(new Ballot("renamed-" + random.nextInt(1_000_000) + "-" + ballots.size(), listed, b.points(), b.columns()));
        }
        Collections.shuffle(ballots, random);
        return new Instance(instance.meta(), projects, ballots, instance.projectColumns(), instance.voteColumns(), instance.costScale(), instance.budget());
    }
}
