package org.commonweal.pb.phragmen;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.RandomInstances;
import org.commonweal.pb.Rational;
import org.commonweal.pb.TieBreak;
import org.junit.jupiter.api.Test;

class SequentialPhragmenTest {
    /*
     * Budget 100. p0 costs 50 (voters 0, 1), p1 costs 30 (voter 2), p2 costs 60 (voters 0, 1, 2).
     * Round 1 loads: p0 50/2 = 25, p1 30/1 = 30, p2 60/3 = 20 → p2; everyone carries 20, 40 left.
     * Round 2: p0 (50) no longer fits; p1: (30 + 20)/1 = 50 → p1, 10 left. Outcome [p2, p1], cost 90.
     */
    @Test
    void fundsTheProjectThatKeepsTheMaximalLoadLowestAmongThoseStillFitting() {
        Instance i = Instances.approval(100, new long[]{50, 30, 60}, new int[]{0, 2}, new int[]{0, 2}, new int[]{1, 2});
        Outcome o = SequentialPhragmen.INSTANCE.outcome(i, TieBreak.DEFAULT);
        assertThat(Instances.ids(i, o)).containsExactly("p2", "p1");
        assertThat(o.totalCost()).isEqualTo(90);
        assertThat(((SequentialPhragmen.Load) o.verdicts().get(2).reason()).load()).isEqualTo(Rational.of(20));
        assertThat(((SequentialPhragmen.Load) o.verdicts().get(1).reason()).load()).isEqualTo(Rational.of(50));
        SequentialPhragmen.NotFunded p0 = (SequentialPhragmen.NotFunded) o.verdicts().get(0).reason();
        assertThat(p0.round()).isEqualTo(2);
        assertThat(p0.budgetLeft()).isEqualTo(40);
    }

    @Test
    void loadsAreExactFractions() {
        // Three voters share p0 (cost 10): load 10/3 each, a repeating decimal kept exact.
        Instance i = Instances.approval(10, new long[]{10}, new int[]{0}, new int[]{0}, new int[]{0});
        Outcome o = SequentialPhragmen.INSTANCE.outcome(i, TieBreak.DEFAULT);
        assertThat(((SequentialPhragmen.Load) o.verdicts().getFirst().reason()).load()).isEqualTo(Rational.of(10, 3));
    }

    @Provide
    Arbitrary<Instance> instances() {
        return RandomInstances.approval();
    }

    @Property(tries = 300)
    void neverExceedsTheBudgetAndOnlyFundsSupportedProjects(@ForAll("instances") Instance instance) {
        Outcome o = SequentialPhragmen.INSTANCE.outcome(instance, TieBreak.DEFAULT);
        assertThat(o.totalCost()).isLessThanOrEqualTo(instance.budget());
        long[] support = instance.supportCounts();
        assertThat(o.selected()).allMatch(p -> support[p] > 0);
        // exhaustive among supported projects: none left out would still fit
        for (int p = 0; p < support.length; p++) {
            if (support[p] > 0 && !o.selected().contains(p)) {
                assertThat(o.totalCost() + instance.projects().get(p).cost()).isGreaterThan(instance.budget());
            }
        }
    }
}
