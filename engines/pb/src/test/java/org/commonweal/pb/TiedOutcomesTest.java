package org.commonweal.pb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-made tie structures, greedy and Equal Shares: how many tied outcomes, which, and the ties broken to reach each. */
class TiedOutcomesTest {
    private static final TiedOutcomes.Limits LIMITS = TiedOutcomes.Limits.DEFAULT;

    private static List<List<String>> sets(Instance instance, TiedOutcomes ties) {
        return ties.outcomes().stream().map(t -> t.selected().stream().map(p -> instance.projects().get(p).id()).sorted().toList()).toList();
    }

    private static TiedOutcomes ties(String rule, Map<String, String> options, Instance instance) {
        return TiedOutcomes.of(Rules.build(rule, options), instance, TieBreak.DEFAULT, LIMITS);
    }

    @Test
    void greedyTwoWayTieGivesTwoOutcomesEachNamingTheTieItBroke() {
        // p0 and p1 both have one vote and cost 6; 10 pays for one of them
        Instance instance = Instances.approval(10, new long[]{6, 6}, new int[]{0, 1});
        TiedOutcomes ties = ties("greedy", Map.of(), instance);
        assertThat(sets(instance, ties)).containsExactly(List.of("p0"), List.of("p1"));
        for (TiedOutcomes.Tied t : ties.outcomes()) {
            assertThat(t.choices()).hasSize(1);
            assertThat(t.choices().get(0).tied()).containsExactlyInAnyOrder(0, 1);
            assertThat(t.choices().get(0).chosen()).isEqualTo(t.selected().get(0));
            assertThat(t.choices().get(0).level()).isEqualByComparingTo("1");
            assertThat(t.totalCost()).isEqualTo(6);
        }
    }

    @Test
    void greedyTieThatFitsWholeIsNotBranchedOn() {
        Instance instance = Instances.approval(20, new long[]{6, 6}, new int[]{0, 1});
        TiedOutcomes ties = ties("greedy", Map.of(), instance);
        assertThat(sets(instance, ties)).containsExactly(List.of("p0", "p1"));
        assertThat(ties.outcomes().get(0).choices()).isEmpty();
    }

    @Test
    void greedyOrdersReachingTheSameSetCountOnce() {
        // three tied projects of 5, money for two: six orders, three sets
        Instance instance = Instances.approval(10, new long[]{5, 5, 5}, new int[]{0, 1, 2});
        assertThat(sets(instance, ties("greedy", Map.of(), instance)))
                .containsExactly(List.of("p0", "p1"), List.of("p0", "p2"), List.of("p1", "p2"));
    }

    @Test
    void greedyNestedTies() {
        // p0, p1 (two votes, cost 6) tie, one fits; then p2, p3 (one vote, cost 3) tie, one fits in the 4 left
        Instance instance = Instances.approval(10, new long[]{6, 6, 3, 3}, new int[]{0, 1, 2, 3}, new int[]{0, 1});
        TiedOutcomes ties = ties("greedy", Map.of(), instance);
        assertThat(sets(instance, ties)).containsExactly(List.of("p0", "p2"), List.of("p0", "p3"), List.of("p1", "p2"), List.of("p1", "p3"));
        assertThat(ties.outcomes()).allSatisfy(t -> assertThat(t.choices()).hasSize(2));
    }

    @Test
    void greedyNoSkipStopsInOneBranchAndNotTheOther() {
        // p0 (cost 8) and p1 (cost 3) tie; p2 (cost 3) comes after. p0 first: 2 left, p1 does not fit, stop. p1 first: 7 left, p0 does not fit, stop.
        Instance instance = Instances.approval(10, new long[]{8, 3, 3}, new int[]{0, 1, 2}, new int[]{0, 1});
        assertThat(sets(instance, ties("greedy-no-skip", Map.of(), instance))).containsExactly(List.of("p0"), List.of("p1"));
        assertThat(sets(instance, ties("greedy", Map.of(), instance))).containsExactly(List.of("p0"), List.of("p1", "p2"));
    }

    @Test
    void greedyCostTiesOnScorePerCost() {
        // p0: 2 votes / cost 4, p1: 1 vote / cost 2, the same ratio; 5 pays for one
        Instance instance = Instances.approval(5, new long[]{4, 2}, new int[]{0, 1}, new int[]{0});
        TiedOutcomes ties = ties("greedy-cost", Map.of(), instance);
        assertThat(sets(instance, ties)).containsExactly(List.of("p0"), List.of("p1"));
        assertThat(ties.outcomes().get(0).choices().get(0).level()).isEqualByComparingTo("0.5");
        // plain greedy puts p0 first (more votes): no tie
        assertThat(sets(instance, ties("greedy", Map.of(), instance))).containsExactly(List.of("p0"));
    }

    @Test
    void greedyInitialAllocationIsFundedInEveryOutcome() {
        Instance instance = Instances.approval(16, new long[]{6, 6, 6}, new int[]{0, 1}, new int[]{2});
        TiedOutcomes ties = ties("greedy", Map.of("initial", "p2"), instance);
        assertThat(sets(instance, ties)).containsExactly(List.of("p0", "p2"), List.of("p1", "p2"));
    }

    @Test
    void greedyExclusiveTieDecidesWhichRivalIsFunded() {
        // p0 and p1 tie and both fit, but at most one of them may be funded
        Instance instance = Instances.approval(20, new long[]{6, 6}, new int[]{0, 1});
        assertThat(sets(instance, ties("greedy-exclusive", Map.of("exclusive", "p0,p1"), instance))).containsExactly(List.of("p0"), List.of("p1"));
        assertThat(sets(instance, ties("greedy", Map.of(), instance))).containsExactly(List.of("p0", "p1"));
    }

    @Test
    void krakowCzyzynysOfficialOutcomeIsOneOfTheTwoTiedOnes() throws Exception {
        // projects 24 and 26 both have 40 points; the default tie-break funds the cheaper 24, Kraków funded 26 (more first choices)
        Instance instance = org.commonweal.pb.pabulib.PabulibReader.read(SharedData.pabulib("Poland_Krakow_2022_Czyzyny.pb"));
        TiedOutcomes ties = ties("greedy", Map.of(), instance);
        List<String> official = org.commonweal.pb.pabulib.OfficialOutcome.fundedByRule(instance).orElseThrow().stream()
                .map(p -> instance.projects().get(p).id()).sorted().toList();
        assertThat(sets(instance, ties)).hasSize(2).contains(official);
        assertThat(ties.outcomes()).allSatisfy(t -> assertThat(t.choices()).singleElement()
                .satisfies(c -> assertThat(c.tied().stream().map(p -> instance.projects().get(p).id())).containsExactlyInAnyOrder("24", "26")));
        assertThat(Instances.ids(instance, Rules.build("greedy", Map.of()).outcome(instance, TieBreak.DEFAULT))).contains("24").doesNotContain("26");
    }

    @Test
    void equalSharesTwoWayTie() {
        // both voters approve both projects of 10; each holds 5, so ρ is 1/2 for both and funding one leaves nothing
        Instance instance = Instances.approval(10, new long[]{10, 10}, new int[]{0, 1}, new int[]{0, 1});
        for (String completion : List.of("none", "add1", "add1-max")) {
            TiedOutcomes ties = ties("mes", Map.of("completion", completion), instance);
            assertThat(sets(instance, ties)).as(completion).containsExactly(List.of("p0"), List.of("p1"));
            assertThat(ties.outcomes().get(0).choices().get(0).level()).isEqualByComparingTo("0.5");
        }
    }

    @Test
    void equalSharesTieWhoseBranchesFundTheSameSetIsOneOutcome() {
        // p0 and p1 each paid by their own voter at the same ρ: either order funds both
        Instance instance = Instances.approval(10, new long[]{5, 5}, new int[]{0}, new int[]{1});
        TiedOutcomes ties = ties("mes", Map.of("completion", "none"), instance);
        assertThat(sets(instance, ties)).containsExactly(List.of("p0", "p1"));
        assertThat(ties.outcomes().get(0).choices()).hasSize(1);
        assertThat(ties.explored()).isEqualTo(2);
    }

    @Test
    void equalSharesNestedTies() {
        // two separate pairs of voters, each pair's two projects tied: one of each pair, four ways
        Instance instance = Instances.approval(20, new long[]{10, 10, 10, 10},
                new int[]{0, 1}, new int[]{0, 1}, new int[]{2, 3}, new int[]{2, 3});
        for (String completion : List.of("none", "add1")) {
            assertThat(sets(instance, ties("mes", Map.of("completion", completion), instance))).as(completion)
                    .containsExactly(List.of("p0", "p2"), List.of("p0", "p3"), List.of("p1", "p2"), List.of("p1", "p3"));
        }
    }

    @Test
    void equalSharesAdd1FollowsEachTiedOutcomeToWhereItsCompletionStops() {
        // Four voters with 10 each. Plain MES funds one of the tied p0, p1 (cost 20, voters v0 and v1) and cannot pay
        // for p2 (cost 19, voter v2 alone), which would still fit; add1 raises the money until v2 holds 19, in either branch
        Instance instance = Instances.approval(40, new long[]{20, 20, 19}, new int[]{0, 1}, new int[]{0, 1}, new int[]{2}, new int[]{});
        TiedOutcomes plain = ties("mes", Map.of("completion", "none"), instance);
        TiedOutcomes add1 = ties("mes", Map.of("completion", "add1"), instance);
        assertThat(sets(instance, add1)).containsExactly(List.of("p0", "p2"), List.of("p1", "p2"));
        assertThat(add1.outcomes()).allSatisfy(t -> assertThat(t.increments()).isEqualTo(9));
        assertThat(sets(instance, plain)).containsExactly(List.of("p0"), List.of("p1"));
    }

    @Test
    void limitsStopWithAMessageNamingThemAndWhatWasFound() {
        // twelve tied projects of 1, money for six: 924 sets
        long[] costs = new long[12];
        java.util.Arrays.fill(costs, 1);
        Instance instance = Instances.approval(6, costs, new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        Rule greedy = Rules.build("greedy", Map.of());
        assertThat(TiedOutcomes.of(greedy, instance, TieBreak.DEFAULT, LIMITS).outcomes()).hasSize(924);
        assertThatThrownBy(() -> TiedOutcomes.of(greedy, instance, TieBreak.DEFAULT, new TiedOutcomes.Limits(100, 1_000_000)))
                .isInstanceOf(TiedOutcomes.LimitReached.class)
                .hasMessage("stopped at more than 100 distinct tied outcomes (the limit): 101 were found, so none are reported");
        assertThatThrownBy(() -> TiedOutcomes.of(greedy, instance, TieBreak.DEFAULT, new TiedOutcomes.Limits(1000, 50)))
                .isInstanceOf(TiedOutcomes.LimitReached.class)
                .hasMessageStartingWith("stopped after exploring 50 tie branches (the limit), with ").hasMessageContaining("distinct outcomes found so far");
    }

    @Test
    void rulesWhoseTiesAreNotEnumeratedAreRefused() {
        Instance instance = Instances.approval(10, new long[]{6, 6}, new int[]{0, 1});
        assertThatThrownBy(() -> ties("phragmen", Map.of(), instance)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule phragmen does not enumerate its tied outcomes");
        assertThatThrownBy(() -> ties("mes", Map.of("completion", "add1u"), instance)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("completion none, add1 or add1-max");
        assertThatThrownBy(() -> ties("mes", Map.of("comparison", "true"), instance)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without comparison");
    }
}
