package org.commonweal.pb.mes;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rational;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.PabulibReader;
import org.commonweal.pb.pabulib.SharedPabulib;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class VoterSharesTest {
    /** EqualSharesTest's split example under add1: everyone starts with 32, p2 (cost 50, all four) takes 12.5 from each. */
    @Test
    void everyVoterPaysTheirShareOfEachFundedProjectAndKeepsTheRest() {
        Instance split = Instances.approval(100, new long[]{60, 40, 50}, new int[]{0, 2}, new int[]{0, 2}, new int[]{0, 2}, new int[]{1, 2});
        EqualShares rule = new EqualShares(Utility.COST, Completion.ADD1, false, false);
        VoterShares shares = VoterShares.of(split, rule, rule.decide(split, TieBreak.DEFAULT));
        assertThat(shares.start()).isEqualTo(Rational.of(32));
        assertThat(shares.projects()).containsExactly(2);
        assertThat(shares.paid()).allSatisfy(row -> assertThat(row).containsExactly(Rational.of(25, 2)));
        assertThat(shares.left()).containsOnly(Rational.of(39, 2));
    }

    /** Greedy's fill under add1u is not paid from voters' shares, so only the projects Equal Shares itself funded appear. */
    @Test
    void projectsACompletionAddedAreNotChargedToVoters() {
        Instance split = Instances.approval(100, new long[]{60, 40, 50}, new int[]{0, 2}, new int[]{0, 2}, new int[]{0, 2}, new int[]{1, 2});
        EqualShares rule = new EqualShares(Utility.COST, Completion.ADD1U, false, false);
        EqualShares.Decision decision = rule.decide(split, TieBreak.DEFAULT);
        assertThat(decision.outcome().selected()).containsExactly(2, 1);
        assertThat(VoterShares.of(split, rule, decision).projects()).containsExactly(2);
    }

    /** The exact replay agrees with the engine: each project's payments add up to its cost, grouped as the engine reports them. */
    @Test
    void onWieliczkaThePaymentsAddUpToEachCostAndMatchTheEnginesPayers() throws Exception {
        Instance instance = PabulibReader.read(SharedPabulib.file("Poland_Wieliczka_2023_Green_Budget.pb"));
        EqualShares rule = EqualShares.ADD1;
        EqualShares.Decision decision = rule.decide(instance, TieBreak.DEFAULT);
        VoterShares shares = VoterShares.of(instance, rule, decision);
        assertThat(shares.projects()).hasSize(decision.outcome().selected().size());
        for (int k = 0; k < shares.projects().size(); k++) {
            int p = shares.projects().get(k);
            Rational total = Rational.ZERO;
            Map<BigDecimal, Long> byAmount = new TreeMap<>();
            for (Rational[] row : shares.paid()) {
                total = total.add(row[k]);
                if (row[k].signum() > 0) byAmount.merge(VoterShares.currency(row[k], instance, 6), 1L, Long::sum);
            }
            assertThat(total).as("project " + instance.projects().get(p).id()).isEqualTo(Rational.of(instance.projects().get(p).cost()));
            Outcome.Verdict verdict = decision.outcome().verdicts().stream().filter(v -> v.project() == p).findFirst().orElseThrow();
            Map<BigDecimal, Long> engine = new TreeMap<>();
            for (MesPayment.Share s : ((MesPayment) verdict.reason()).shares()) {
                if (s.amountEach().signum() > 0) engine.merge(s.amountEach().setScale(6, RoundingMode.HALF_EVEN), s.voters(), Long::sum);
            }
            assertThat(byAmount).as("project " + instance.projects().get(p).id()).isEqualTo(engine);
        }
        for (int v = 0; v < shares.left().size(); v++) {
            Rational spent = Rational.ZERO;
            for (Rational x : shares.paid().get(v)) spent = spent.add(x);
            assertThat(spent.add(shares.left().get(v))).isEqualTo(shares.start());
            assertThat(shares.left().get(v).signum()).isGreaterThanOrEqualTo(0);
        }
    }
}
