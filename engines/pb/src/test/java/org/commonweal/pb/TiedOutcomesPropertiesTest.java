package org.commonweal.pb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever tie-break order --tie-break and --seed give, its single outcome is among the enumerated tied outcomes. */
class TiedOutcomesPropertiesTest {
    private static final List<String> TIE_BREAKS = List.of("cost,votes,lottery", "lottery", "id", "cost-desc,lottery", "votes,id", "name,lottery");
    private static final List<Rule> RULES = List.of(
            Rules.build("greedy", Map.of()), Rules.build("greedy-no-skip", Map.of()), Rules.build("greedy-cost", Map.of()),
            Rules.build("mes", Map.of("completion", "none")), Rules.build("mes", Map.of()), Rules.build("mes", Map.of("completion", "add1-max")),
            Rules.build("mes", Map.of("utility", "cardinality")), Rules.build("mes", Map.of("increment", "3")));

    /** Few distinct costs and small electorates, so that exact ties are frequent. */
    @Provide
    Arbitrary<Instance> tieProne() {
        Arbitrary<long[]> costs = Arbitraries.of(10L, 20L, 30L).array(long[].class).ofMinSize(1).ofMaxSize(6);
        return costs.flatMap(c -> {
            Arbitrary<int[]> ballot = Arbitraries.integers().between(0, c.length - 1).set().ofMaxSize(c.length)
                    .map(s -> s.stream().mapToInt(Integer::intValue).toArray());
            return Combinators.combine(Arbitraries.longs().between(10, 90), ballot.array(int[][].class).ofMinSize(1).ofMaxSize(6))
                    .as((budget, ballots) -> Instances.approval(budget, c, ballots));
        });
    }

    @Provide
    Arbitrary<Instance> anyApproval() {
        return RandomInstances.approval();
    }

    @Property(tries = 250)
    void everyTieBreakOrdersOutcomeIsEnumerated(@ForAll("tieProne") Instance instance, @ForAll long seed) {
        check(instance, seed);
    }

    @Property(tries = 150)
    void everyTieBreakOrdersOutcomeIsEnumeratedOnRandomElections(@ForAll("anyApproval") Instance instance, @ForAll long seed) {
        check(instance, seed);
    }

    private static void check(Instance instance, long seed) {
        for (Rule rule : RULES) {
            TiedOutcomes ties = TiedOutcomes.of(rule, instance, TieBreak.DEFAULT, TiedOutcomes.Limits.DEFAULT);
            List<Set<Integer>> sets = ties.outcomes().stream().map(t -> (Set<Integer>) new TreeSet<>(t.selected())).toList();
            assertThat(new HashSet<>(sets)).as(rule.name() + ": distinct").hasSize(sets.size());
            assertThat(ties.outcomes()).as(rule.name() + ": within the budget")
                    .allSatisfy(t -> assertThat(t.totalCost()).isLessThanOrEqualTo(instance.budget()));
            assertThat(ties.outcomes()).isEqualTo(TiedOutcomes.sorted(instance, ties.outcomes()));
            for (String spec : TIE_BREAKS) {
                Outcome single = rule.outcome(instance, TieBreak.parse(spec, seed));
                assertThat(sets).as(rule.name() + " under " + spec + " seed " + seed).contains(new TreeSet<>(single.selected()));
            }
        }
    }
}
