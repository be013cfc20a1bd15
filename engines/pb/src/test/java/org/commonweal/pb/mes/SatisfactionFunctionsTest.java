package org.commonweal.pb.mes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Rational;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.junit.jupiter.api.Test;

class SatisfactionFunctionsTest {
    @Test
    void valuesAreTheFixedPointNumbersOfTheirDefinitions() {
        // budget 10; voter 0 lists 6, 5, 4 (15 together, at most 10 within the budget: 6 + 4); voter 1 lists 2.
        Instance i = Instances.approval(10, new long[]{6, 5, 4, 2, 1}, new int[]{0, 1, 2}, new int[]{3}, new int[]{4});
        var v0 = i.ballots().get(0);
        var v1 = i.ballots().get(1);
        assertThat(Utility.SQRT.on(i).of(v1, 0)).isEqualTo(1_414_213); // floor(10^6·√2)
        assertThat(Utility.SQRT.on(i).of(v0, 2)).isEqualTo(2_000_000); // √4 = 2 exactly
        assertThat(Utility.LOG.on(i).of(i.ballots().get(2), 0)).isEqualTo(693_147_181); // round(10^9·ln 2)
        Utility.Valuation relative = Utility.RELATIVE_COST.on(i);
        assertThat(relative.of(v0, 0)).isEqualTo(600_000_000_000L); // 6 / 10
        assertThat(relative.of(v0, 1)).isEqualTo(500_000_000_000L); // 5 / 10
        assertThat(relative.of(v1, 0)).isEqualTo(1_000_000_000_000L); // 2 / 2: everything the voter wanted
    }

    @Test
    void theLargestAffordableSubsetIsFoundExactly() {
        assertThat(Utility.bestFit(new long[]{3, 5, 7, 9}, 15, "v")).isEqualTo(15); // 3 + 5 + 7
        assertThat(Utility.bestFit(new long[]{6, 7, 8}, 12, "v")).isEqualTo(8);
        assertThat(Utility.bestFit(new long[]{2, 2}, 10, "v")).isEqualTo(4);
    }

    @Test
    void squareRootSatisfactionFavoursCheapProjectsOverTheSharedDearOne() {
        // Budget 10, two voters with 5 each. Both want a (9); voter 0 also b (1), voter 1 also c (1).
        // Cost: ρ(a) = 9/18 = 0.5 beats ρ(b) = ρ(c) = 1, so a is funded and 0.5 each is too little for b or c.
        // √cost: u(a) = 3, u(b) = u(c) = 1, so ρ(a) = 9/6 = 1.5 loses to ρ(b) = ρ(c) = 1: b and c, then 4 + 4 < 9 for a.
        Instance i = Instances.approval(10, new long[]{9, 1, 1}, new int[]{0, 1}, new int[]{0, 2});
        assertThat(Instances.ids(i, new EqualShares(Utility.COST, Completion.NONE, false, false).outcome(i, TieBreak.DEFAULT))).containsExactly("p0");
        assertThat(Instances.ids(i, new EqualShares(Utility.SQRT, Completion.NONE, false, false).outcome(i, TieBreak.DEFAULT)))
                .containsExactlyInAnyOrder("p1", "p2");
        assertThat(Instances.ids(i, Rules.build("mes", Map.of("utility", "sqrt", "completion", "none")).outcome(i, TieBreak.DEFAULT)))
                .containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void relativeCostSharesTheCostInProportionToEachVotersRelativeSatisfaction() {
        // Budget 10, 5 each. Voter 0 wants a (6) and b (4): full satisfaction 10, so b is worth 0.4 to them; voter 1 wants
        // only b, worth 1. Paying ρ·u: 0.4ρ + ρ = 4, ρ = 20/7: voter 0 pays 8/7, voter 1 20/7. Then voter 0 has 27/7 < 6 for a.
        Instance i = Instances.approval(10, new long[]{6, 4}, new int[]{0, 1}, new int[]{1});
        EqualShares rule = new EqualShares(Utility.RELATIVE_COST, Completion.NONE, false, false);
        EqualShares.Decision decision = rule.decide(i, TieBreak.DEFAULT);
        assertThat(Instances.ids(i, decision.outcome())).containsExactly("p1");
        VoterShares shares = VoterShares.of(i, rule, decision);
        assertThat(shares.paid().get(0)[0]).isEqualTo(Rational.of(8, 7));
        assertThat(shares.paid().get(1)[0]).isEqualTo(Rational.of(20, 7));
        // Under cost utilities both pay 2.
        EqualShares cost = new EqualShares(Utility.COST, Completion.NONE, false, false);
        assertThat(VoterShares.of(i, cost, cost.decide(i, TieBreak.DEFAULT)).paid().get(0)[0]).isEqualTo(Rational.of(2));
    }

    @Test
    void logSatisfactionCountsInCurrencyUnitsAndMaxWelfareRefusesTheFixedPointOnes() {
        // ln(1 + 9) = 2.302…, ln(1 + 1) = 0.693…: ρ(a) = 9/(2·2.302) = 1.95 loses to ρ(b) = 1/0.693 = 1.44, as with √cost.
        Instance i = Instances.approval(10, new long[]{9, 1, 1}, new int[]{0, 1}, new int[]{0, 2});
        assertThat(Instances.ids(i, new EqualShares(Utility.LOG, Completion.NONE, false, false).outcome(i, TieBreak.DEFAULT)))
                .containsExactlyInAnyOrder("p1", "p2");
        assertThatThrownBy(() -> Rules.build("max-welfare", Map.of("utility", "log")).outcome(i, TieBreak.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-welfare takes the utilities cost, cardinality, points or effort, not log");
        assertThatThrownBy(() -> Utility.fromCliName("borda")).hasMessageContaining("expected cost, cardinality, points, sqrt, log, relative-cost or effort");
    }
}
