package org.commonweal.pb.mes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rational;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.welfare.MaxWelfare;
import org.junit.jupiter.api.Test;

/** Effort satisfaction (cost / number of supporters, as pabutools defines it), computed by hand. */
class EffortSatisfactionTest {
    // Budget 12, four voters with 3 each. p0 (6): voters 0 and 1; p1 (4): voters 2 and 3; p2 (5): voters 0, 2 and 3.
    private final Instance instance = Instances.approval(12, new long[]{6, 4, 5}, new int[]{0, 2}, new int[]{0}, new int[]{1, 2}, new int[]{1, 2});
    private final EqualShares effort = new EqualShares(Utility.EFFORT, Completion.NONE, false, false);

    @Test
    void everyProjectNobodyIsCappedForCostsExactlyOneAndTheTieBreakOrdersThem() {
        // Effort: each supporter of p gains cost/supporters, so paying x each is ρ = x·supporters/cost; with everyone able to
        // pay an equal share, ρ = 1 for all three. The tie goes to the cheaper p1: voters 2 and 3 pay 2 each and keep 1.
        // Then p0 still costs 1 (voters 0 and 1 pay 3 each) while p2 needs 3 + 1 + 1, everything voter 0 has: x = 3, ρ = 3·3/5.
        // p0 is funded; afterwards p2's supporters hold 0 + 1 + 1 < 5.
        EqualShares.Decision decision = effort.decide(instance, TieBreak.DEFAULT);
        assertThat(Instances.ids(instance, decision.outcome())).containsExactly("p1", "p0");
        assertThat(payment(decision.outcome(), 1).rho()).isEqualByComparingTo("1");
        assertThat(payment(decision.outcome(), 0).rho()).isEqualByComparingTo("1");
        assertThat(((MesLoss) decision.outcome().verdicts().get(2).reason()).round()).isEqualTo(3);
        VoterShares shares = VoterShares.of(instance, effort, decision);
        assertThat(shares.paid().get(0)).containsExactly(Rational.ZERO, Rational.of(3)); // voter 0: nothing to p1, 3 to p0
        assertThat(shares.paid().get(2)).containsExactly(Rational.of(2), Rational.ZERO);
    }

    @Test
    void theDearerFirstTieBreakFundsTheSharedProjectFirst() {
        // cost-desc: p0 (6) first, voters 0 and 1 pay 3 each. Then p1 (voters 2 and 3, 2 each: ρ = 1) beats p2 (0 + 3 + 3
        // for 5: x = 5/2, ρ = 5/2·3/5 = 3/2); afterwards p2's supporters hold 0 + 1 + 1.
        Outcome outcome = effort.outcome(instance, TieBreak.parse("cost-desc,id", 0));
        assertThat(Instances.ids(instance, outcome)).containsExactly("p0", "p1");
    }

    @Test
    void costAndCardinalitySatisfactionFundTheProjectOfThreeInstead() {
        // Cost: ρ = 1/supporters, so p2 (1/3) first; cardinality: ρ = cost/supporters, p2 (5/3) first. Each supporter pays 5/3,
        // and neither p0 (4/3 + 3 < 6) nor p1 (4/3 + 4/3 < 4) can be paid for afterwards.
        for (Utility u : List.of(Utility.COST, Utility.CARDINALITY)) {
            assertThat(Instances.ids(instance, new EqualShares(u, Completion.NONE, false, false).outcome(instance, TieBreak.DEFAULT))).containsExactly("p2");
        }
    }

    @Test
    void theRuleTakesTheOptionAndSaysSoInItsName() {
        var rule = Rules.build("mes", Map.of("utility", "effort", "completion", "add1"));
        assertThat(rule.name()).isEqualTo("equalshares/add1[effort]");
        assertThat(Instances.ids(instance, rule.outcome(instance, TieBreak.DEFAULT))).containsExactlyInAnyOrder("p0", "p1");
    }

    @Test
    void theComparisonStepCountsEffortExactly() {
        // MES {p1, p0} against greedy by votes {p2, p0} (p2 has 3 votes; then p0 fits, p1 no longer does). Effort: voter 0
        // gains 3 from p0 under both and 5/3 more from p2 under greedy: prefers greedy; voter 1 is indifferent; voters 2 and 3
        // gain 4/2 = 2 from p1 under MES against 5/3 from p2 under greedy: prefer MES. (By cardinality those two would be indifferent.)
        long[] tally = VoterComparison.tally(instance, Utility.EFFORT, List.of(1, 0), List.of(2, 0));
        assertThat(tally).containsExactly(1, 2);
    }

    @Test
    void maxWelfareUnderEffortSpendsAsMuchAsPossibleOnSupportedProjects() {
        // Every supporter of p gains cost/supporters, so p's welfare is its cost: the most that fits is p0 + p2 = 11.
        Outcome outcome = new MaxWelfare(Utility.EFFORT).outcome(instance, TieBreak.DEFAULT);
        assertThat(Instances.ids(instance, outcome)).containsExactlyInAnyOrder("p0", "p2");
    }

    private static MesPayment payment(Outcome outcome, int project) {
        return (MesPayment) outcome.verdicts().get(project).reason();
    }
}
