package org.commonweal.pb.greedy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Project;
import org.commonweal.pb.Rule;
import org.commonweal.pb.TieBreak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class GreedyPropertiesTest {
    private static final List<Rule> RULES = List.of(new Greedy(), new GreedyNoSkip(), new GreedyThreshold(), new GreedyPerCost());

    @Provide
    Arbitrary<Instance> instances() {
        Arbitrary<List<Long>> costs = Arbitraries.longs().between(0, 100).list().ofMinSize(1).ofMaxSize(8);
        return costs.flatMap(c -> Combinators.combine(
                        Arbitraries.longs().between(0, 300),
                        Arbitraries.integers().between(0, (1 << c.size()) - 1).list().ofMaxSize(25),
                        Arbitraries.longs().between(0, 6))
                .as((budget, masks, threshold) -> instance(c, budget, masks, threshold)));
    }

    private static Instance instance(List<Long> costs, long budget, List<Integer> masks, long threshold) {
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < costs.size(); i++) projects.add(new Project("p" + i, costs.get(i), Map.of("project_id", "p" + i)));
        List<Ballot> ballots = new ArrayList<>();
        for (int v = 0; v < masks.size(); v++) ballots.add(ballot("v" + v, masks.get(v), costs.size()));
        return new Instance(Map.of("budget", String.valueOf(budget), "min_project_score_threshold", String.valueOf(threshold)),
                projects, ballots, List.of("project_id", "cost"), List.of("voter_id", "vote"), 0, budget);
    }

    private static Ballot ballot(String id, int mask, int projectCount) {
        int[] approved = IntStream.range(0, projectCount).filter(p -> (mask >> p & 1) == 1).toArray();
        return new Ballot(id, approved, null, Map.of("voter_id", id));
    }

    @Property(tries = 300)
    void noRuleEverSpendsMoreThanTheBudget(@ForAll("instances") Instance instance, @ForAll long seed) {
        for (Rule rule : RULES) {
            Outcome o = rule.outcome(instance, new TieBreak(TieBreak.DEFAULT.criteria(), seed));
            long spent = o.selected().stream().mapToLong(p -> instance.projects().get(p).cost()).sum();
            assertThat(spent).as(rule.name()).isEqualTo(o.totalCost()).isLessThanOrEqualTo(instance.budget());
            assertThat(o.verdicts()).as(rule.name() + ": one verdict per project").hasSize(instance.projects().size());
        }
    }

    @Property(tries = 300)
    void greedyIsExhaustiveNoUnfundedProjectWithTheMinimumScoreFitsInTheMoneyLeft(@ForAll("instances") Instance instance) {
        Outcome o = new Greedy().outcome(instance, TieBreak.DEFAULT);
        long left = instance.budget() - o.totalCost();
        long[] scores = ProjectScores.of(instance);
        long threshold = GreedyLimits.threshold(instance);
        for (int p = 0; p < instance.projects().size(); p++) {
            if (o.selected().contains(p)) assertThat(scores[p]).as("funded at or above the minimum").isGreaterThanOrEqualTo(threshold);
            else if (scores[p] >= threshold) assertThat(instance.projects().get(p).cost()).isGreaterThan(left);
        }
    }

    @Property(tries = 300)
    void greedyExclusiveNeverFundsTwoProjectsOfAGroupAndOtherwiseFundsWhatGreedyDoes(@ForAll("instances") Instance instance) {
        if (instance.projects().size() < 2) return;
        Outcome exclusive = GreedyExclusive.parse("p0,p1").outcome(instance, TieBreak.DEFAULT);
        assertThat(exclusive.selected().containsAll(List.of(0, 1))).isFalse();
        Outcome greedy = new Greedy().outcome(instance, TieBreak.DEFAULT);
        if (!greedy.selected().containsAll(List.of(0, 1))) assertThat(exclusive.selected()).isEqualTo(greedy.selected());
    }

    @Property(tries = 300)
    void aVoterApprovingOnlyFundedProjectsNeverUnfundsThem(@ForAll("instances") Instance instance, @ForAll int subsetMask) {
        Outcome before = new Greedy().outcome(instance, TieBreak.DEFAULT);
        int mask = 0;
        for (int i = 0; i < before.selected().size(); i++) {
            if ((subsetMask >> i & 1) == 1) mask |= 1 << before.selected().get(i);
        }
        List<Ballot> more = new ArrayList<>(instance.ballots());
        more.add(ballot("new", mask, instance.projects().size()));
        Instance after = new Instance(instance.meta(), instance.projects(), more, instance.projectColumns(), instance.voteColumns(),
                instance.costScale(), instance.budget());
        assertThat(new Greedy().outcome(after, TieBreak.DEFAULT).selected()).containsAll(Set.copyOf(before.selected()));
    }
}
