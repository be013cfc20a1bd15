package org.commonweal.pb;

import org.commonweal.pb.greedy.Greedy;
import org.commonweal.pb.mes.Completion;
import org.commonweal.pb.mes.EqualShares;
import org.commonweal.pb.mes.MesPayment;
import org.commonweal.pb.mes.Utility;
import org.commonweal.pb.pabulib.PabulibReader;
import org.commonweal.pb.pabulib.SharedPabulib;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoundsTest {
    /** Budget 10; approvals a=5, b=4, c=3, d=1; costs 6, 5, 4, 1: greedy funds a, passes over b, funds c, passes over d. */
    @Test
    void greedyRoundsSayWhatWasLeftAndWhatWasPassedOverOnTheWay() {
        Instance instance = Instances.approval(10, new long[]{6, 5, 4, 1},
                new int[]{0, 1, 2, 3}, new int[]{0, 1, 2}, new int[]{0, 1, 2}, new int[]{0, 1}, new int[]{0});
        Rounds rounds = Rounds.of(instance, new Greedy().outcome(instance, TieBreak.DEFAULT));
        assertThat(rounds.rounds()).extracting(Rounds.Round::project).containsExactly(0, 2);
        assertThat(rounds.rounds()).extracting(Rounds.Round::budgetLeft).containsExactly(4L, 0L);
        assertThat(rounds.rounds().get(1).passedOver()).containsExactly(1);
        assertThat(rounds.rounds().get(0).rho()).isNull();
        assertThat(rounds.afterwards()).containsExactly(3);
    }

    /** The split example of EqualSharesTest: p2 at ρ = 1/4, four voters paying 12.5 each, prices p0 out; p1 was never affordable. */
    @Test
    void equalSharesRoundsCarryThePriceThePayersAndWhatTheyPricedOut() {
        Instance split = Instances.approval(100, new long[]{60, 40, 50}, new int[]{0, 2}, new int[]{0, 2}, new int[]{0, 2}, new int[]{1, 2});
        Rounds rounds = Rounds.of(split, new EqualShares(Utility.COST, Completion.NONE, false, false).outcome(split, TieBreak.DEFAULT));
        Rounds.Round first = rounds.rounds().get(0);
        assertThat(first.project()).isEqualTo(2);
        assertThat(first.rho()).isEqualByComparingTo("0.25");
        assertThat(first.paid()).containsExactly(new MesPayment.Share(4, new BigDecimal("12.5")));
        assertThat(first.passedOver()).containsExactly(0);
        assertThat(first.budgetLeft()).isEqualTo(50);
        assertThat(rounds.afterwards()).containsExactly(1);
    }

    @Test
    void onWieliczkaEveryProjectIsToldOnceAndThePaymentsOfEachRoundAddUpToItsCost() throws Exception {
        Instance instance = PabulibReader.read(SharedPabulib.file("Poland_Wieliczka_2023_Green_Budget.pb"));
        Outcome outcome = EqualShares.ADD1.outcome(instance, TieBreak.DEFAULT);
        Rounds rounds = Rounds.of(instance, outcome);
        List<Integer> told = new java.util.ArrayList<>(rounds.afterwards());
        for (Rounds.Round r : rounds.rounds()) {
            told.add(r.project());
            told.addAll(r.passedOver());
            BigDecimal paid = r.paid().stream().map(s -> s.amountEach().multiply(BigDecimal.valueOf(s.voters()))).reduce(BigDecimal.ZERO, BigDecimal::add);
            // shares are shown to 6 decimals, so the sum is within a millionth per payer of the cost
            long payers = r.paid().stream().mapToLong(MesPayment.Share::voters).sum();
            assertThat(paid.subtract(instance.toCurrency(r.cost())).abs()).isLessThanOrEqualTo(new BigDecimal("0.000001").multiply(BigDecimal.valueOf(payers)));
        }
        assertThat(told).doesNotHaveDuplicates().hasSize(instance.projects().size());
        assertThat(rounds.rounds().get(rounds.rounds().size() - 1).budgetLeft()).isEqualTo(instance.budget() - outcome.totalCost());
    }
}
