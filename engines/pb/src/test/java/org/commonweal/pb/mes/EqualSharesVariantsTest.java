package org.commonweal.pb.mes;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Rational;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.PabulibReader;
import org.commonweal.pb.pabulib.SharedPabulib;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Completion by plain greedy and a configurable add1 increment. */
class EqualSharesVariantsTest {
    /** EqualSharesTest's split example: plain MES funds p2; p0 becomes affordable once each voter holds 32.5. */
    private static final Instance SPLIT = Instances.approval(100, new long[]{60, 40, 50},
            new int[]{0, 2}, new int[]{0, 2}, new int[]{0, 2}, new int[]{1, 2});

    @Test
    void anIncrementOfTwoRaisesTheMoneyInStepsOfTwoAndStopsBeforeOverspending() {
        EqualShares.Decision d = new EqualShares(Utility.COST, Completion.ADD1, false, false, new BigDecimal("2")).decide(SPLIT, TieBreak.DEFAULT);
        // 25 + 2k per voter: at k = 4 (33) p0 joins and the outcome costs 110, so k = 3 (31) is kept.
        assertThat(d.increments()).isEqualTo(3);
        assertThat(d.finalPerVoterBudget()).isEqualTo(Rational.of(31));
        assertThat(d.outcome().rule()).isEqualTo("equalshares/add1+increment=2[cost]");
    }

    @Test
    void theIncrementIsAnOptionAndRoundTripsThroughTheRuleName() {
        EqualShares rule = (EqualShares) Rules.build("mes", Map.of("increment", "0.5"));
        assertThat(rule.increment()).isEqualByComparingTo("0.5");
        assertThat(EqualShares.parse(rule.name())).isEqualTo(rule);
        assertThatThrownBy(() -> Rules.build("mes", Map.of("increment", "0"))).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> rule.outcome(SPLIT, TieBreak.DEFAULT)).as("costs in whole units: half a unit cannot be added")
                .hasMessageContaining("more decimals than the file's amounts");
    }

    @Test
    void completionByGreedyFillsWhatPlainEqualSharesLeftByVotes() {
        EqualShares rule = (EqualShares) Rules.build("mes", Map.of("completion", "greedy"));
        assertThat(rule.name()).isEqualTo("equalshares/greedy");
        assertThat(Instances.ids(SPLIT, rule.outcome(SPLIT, TieBreak.DEFAULT))).containsExactly("p2", "p1");
    }

    /** On Wieliczka: the plain Equal Shares outcome comes first, then greedy by votes until nothing more fits. */
    @Test
    void onWieliczkaCompletionByGreedyExtendsPlainEqualSharesAndLeavesNothingThatFits() throws Exception {
        Instance instance = PabulibReader.read(SharedPabulib.file("Poland_Wieliczka_2023_Green_Budget.pb"));
        List<Integer> plain = new EqualShares(null, Completion.NONE, false, false).outcome(instance, TieBreak.DEFAULT).selected();
        var outcome = new EqualShares(null, Completion.GREEDY, false, false).outcome(instance, TieBreak.DEFAULT);
        assertThat(outcome.selected().subList(0, plain.size())).isEqualTo(plain);
        assertThat(outcome.selected().size()).isGreaterThan(plain.size());
        long[] votes = instance.supportCounts();
        for (int p = 0; p < instance.projects().size(); p++) {
            if (votes[p] > 0 && !outcome.selected().contains(p)) {
                assertThat(outcome.totalCost() + instance.projects().get(p).cost()).isGreaterThan(instance.budget());
            }
        }
        EqualShares.Decision tens = new EqualShares(null, Completion.ADD1, false, false, BigDecimal.TEN).decide(instance, TieBreak.DEFAULT);
        assertThat(tens.finalPerVoterBudget()).isEqualTo(Rational.of(instance.budget() + 10L * tens.increments() * instance.ballots().size(),
                instance.ballots().size()));
        assertThat(tens.outcome().totalCost()).isLessThanOrEqualTo(instance.budget());
    }
}
