package org.commonweal.platform.budgets;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ballot rules on their own: what each ballot type accepts and refuses, without a database. */
class BallotValidatorTest {
    private static final long AMOUNT = 10_000;
    private static final List<Long> COSTS = List.of(1_000L, 2_500L, 4_000L, 6_000L, 9_000L, 500L);

    private static Pot pot(BallotType type, int min, Integer max, Integer maxPoints) {
        return new Pot(1, 1, 1, "Riverside", "Pot", AMOUNT, "GBP", type, min, max, maxPoints, "greedy", "cost,votes,lottery", 0, VoterRule.DECLARED);
    }

    private static List<Proposal> ballot() {
        List<Proposal> list = new ArrayList<>();
        for (int i = 0; i < COSTS.size(); i++) {
            list.add(new Proposal(100 + i, 1, 1, "Quayside", null, null, "P" + i, "d", "green", COSTS.get(i), COSTS.get(i), "feasible", null));
        }
        return list;
    }

    @Property
    void aKnapsackBallotIsValidExactlyWhenItsProjectsFitThePot(@ForAll @Size(max = 6) @UniqueElements List<@IntRange(min = 0, max = 5) Integer> picks) {
        List<String> choice = picks.stream().map(i -> String.valueOf(100 + i)).toList();
        BallotValidator.Checked checked = BallotValidator.check(pot(BallotType.KNAPSACK, 0, null, null), ballot(), Map.of("choice", choice));
        long cost = picks.stream().mapToLong(COSTS::get).sum();
        assertThat(checked.valid()).isEqualTo(!picks.isEmpty() && cost <= AMOUNT);
        if (checked.valid()) assertThat(checked.choice().proposalIds()).hasSize(picks.size()).isSorted();
    }

    @Property
    void aCumulativeBallotIsValidExactlyWhenItsPointsAreWithinTheLimit(@ForAll @Size(6) List<@IntRange(min = 0, max = 6) Integer> points) {
        Map<String, List<String>> form = new java.util.HashMap<>();
        for (int i = 0; i < points.size(); i++) form.put("points." + (100 + i), List.of(String.valueOf(points.get(i))));
        BallotValidator.Checked checked = BallotValidator.check(pot(BallotType.CUMULATIVE, 0, null, 10), ballot(), form);
        int total = points.stream().mapToInt(Integer::intValue).sum();
        assertThat(checked.valid()).isEqualTo(total >= 1 && total <= 10);
        if (checked.valid()) assertThat(checked.choice().points().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
    }

    @Test
    void aRankedBallotKeepsThePreferenceOrderAndRefusesGapsAndRepeats() {
        Pot ranked = pot(BallotType.RANKED, 0, 3, null);
        var ok = BallotValidator.check(ranked, ballot(), Map.of("rank.103", List.of("1"), "rank.100", List.of("3"), "rank.105", List.of("2"),
                "rank.101", List.of("")));
        assertThat(ok.choice().proposalIds()).containsExactly(103L, 105L, 100L);
        assertThat(BallotValidator.check(ranked, ballot(), Map.of("rank.103", List.of("2"))).errorKey()).isEqualTo("budgets.vote.error.ranks");
        assertThat(BallotValidator.check(ranked, ballot(), Map.of("rank.103", List.of("1"), "rank.100", List.of("1"))).errorKey())
                .isEqualTo("budgets.vote.error.ranks");
        assertThat(BallotValidator.check(ranked, ballot(), Map.of("rank.103", List.of("0"))).errorKey()).isEqualTo("budgets.vote.error.ranks");
    }

    @Test
    void aFieldNamingAProjectOffTheBallotRefusesTheWholeBallot() {
        assertThat(BallotValidator.check(pot(BallotType.CUMULATIVE, 0, null, 10), ballot(), Map.of("points.999", List.of("1"))).errorKey())
                .isEqualTo("budgets.vote.error.unknown");
        assertThat(BallotValidator.check(pot(BallotType.APPROVAL, 0, null, null), ballot(), Map.of("choice", List.of("100", "999"))).errorKey())
                .isEqualTo("budgets.vote.error.unknown");
    }

    @Test
    void moneyIsParsedExactlyInMinorUnitsAndRefusedWhenItHasTooManyDecimals() {
        assertThat(Money.parse("25,000.50", "GBP")).contains(2_500_050L);
        assertThat(Money.parse("£1,200", "GBP")).contains(120_000L);
        assertThat(Money.parse("1.005", "GBP")).isEmpty();
        assertThat(Money.parse("0", "GBP")).isEmpty();
        assertThat(Money.parse("-5", "GBP")).isEmpty();
        assertThat(Money.parse("500", "JPY")).contains(500L);
        assertThat(Money.format(2_500_050L, "GBP")).isEqualTo("£25,000.50");
    }
}
