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

    /** The first example: in round 2 p0 has the lowest load (45) but does not fit; the no-skip variant stops there. */
    @Test
    void theNoSkipVariantStopsAtTheFirstProjectThatDoesNotFit() {
        Instance i = Instances.approval(100, new long[]{50, 30, 60}, new int[]{0, 2}, new int[]{0, 2}, new int[]{1, 2});
        Outcome o = SequentialPhragmen.NO_SKIP.outcome(i, TieBreak.DEFAULT);
        assertThat(o.rule()).isEqualTo("phragmen-no-skip");
        assertThat(Instances.ids(i, o)).containsExactly("p2");
        assertThat(o.verdicts().get(0).reason()).isEqualTo(new SequentialPhragmen.Stopped(2, 0, 40, 2));
        assertThat(o.verdicts().get(1).reason()).isEqualTo(new SequentialPhragmen.Stopped(1, 0, 40, 2));
    }

    /**
     * Budget 10. p2 (cost 3, three voters, load 1) first, 7 left; then p0 (4, one voter) and p1 (8, two voters)
     * tie at load 4. The tie-break picks p0, which fits, but p1 does not: pabutools stops on such a tie.
     */
    @Test
    void theNoSkipVariantAlsoStopsWhenAProjectTiedAtTheLowestLoadDoesNotFit() {
        Instance i = Instances.approval(10, new long[]{4, 8, 3}, new int[]{0, 2}, new int[]{1, 2}, new int[]{1, 2});
        assertThat(Instances.ids(i, SequentialPhragmen.NO_SKIP.outcome(i, TieBreak.DEFAULT))).containsExactly("p2");
        assertThat(Instances.ids(i, SequentialPhragmen.INSTANCE.outcome(i, TieBreak.DEFAULT))).containsExactly("p2", "p0");
    }

    /** p1 and p2 have no supporters; p2 costs more than the whole budget, so pabutools never considers it. */
    @Test
    void pabutoolsFundsUnsupportedProjectsOnceOnlyTheyAreLeftAndTheyFit() {
        Instance i = Instances.approval(10, new long[]{4, 3, 20}, new int[]{0});
        Outcome o = SequentialPhragmen.NO_SKIP.outcome(i, TieBreak.DEFAULT);
        assertThat(Instances.ids(i, o)).containsExactly("p0", "p1");
        assertThat(o.verdicts().get(1).reason()).isEqualTo(new SequentialPhragmen.Unsupported(2));
        assertThat(Instances.ids(i, SequentialPhragmen.INSTANCE.outcome(i, TieBreak.DEFAULT))).containsExactly("p0");
        assertThat(Instances.ids(i, new SequentialPhragmen(true, true).outcome(i, TieBreak.DEFAULT))).containsExactly("p0", "p1");
        assertThat(Instances.ids(i, new SequentialPhragmen(false, false).outcome(i, TieBreak.DEFAULT))).containsExactly("p0");
        // An unsupported project that no longer fits (p3: 8 > 6 left) stops the no-skip variant before p1.
        Instance j = Instances.approval(10, new long[]{4, 3, 20, 8}, new int[]{0});
        assertThat(Instances.ids(j, SequentialPhragmen.NO_SKIP.outcome(j, TieBreak.DEFAULT))).containsExactly("p0");
    }

    @Test
    void theVariantsAreNamedAndTakeTheUnsupportedOption() {
        assertThat(org.commonweal.pb.Rules.build("phragmen-no-skip", java.util.Map.of())).isEqualTo(SequentialPhragmen.NO_SKIP);
        assertThat(org.commonweal.pb.Rules.build("phragmen", java.util.Map.of("unsupported", "fund")).name()).isEqualTo("phragmen+unsupported");
        assertThat(org.commonweal.pb.Rules.build("phragmen-no-skip", java.util.Map.of("unsupported", "leave")).name()).isEqualTo("phragmen-no-skip+supported-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.commonweal.pb.Rules.build("phragmen", java.util.Map.of("unsupported", "yes")))
                .hasMessageContaining("fund or leave");
    }

    /** Without unsupported projects the no-skip outcome is where the skip variant's choices begin to differ: a prefix of them. */
    @Test
    void onRealFilesTheNoSkipOutcomeIsAPrefixOfTheSkipOutcome() throws Exception {
        for (String name : java.util.List.of("Poland_Gdynia_2023_Kamienna_Gora__small.pb", "Poland_Warszawa_2022_Bemowo.pb", "Netherlands_Amsterdam_604.pb")) {
            Instance i = org.commonweal.pb.pabulib.PabulibReader.read(org.commonweal.pb.pabulib.SharedPabulib.file(name));
            var skip = SequentialPhragmen.INSTANCE.outcome(i, TieBreak.DEFAULT).selected();
            var stop = new SequentialPhragmen(false, false).outcome(i, TieBreak.DEFAULT).selected();
            assertThat(skip.subList(0, stop.size())).as(name).isEqualTo(stop);
            assertThat(stop.size()).as(name).isLessThanOrEqualTo(skip.size());
        }
    }

    @Property(tries = 200)
    void theNoSkipOutcomeIsAPrefixOfTheSkipOutcome(@ForAll("instances") Instance instance) {
        var skip = SequentialPhragmen.INSTANCE.outcome(instance, TieBreak.DEFAULT).selected();
        var stop = new SequentialPhragmen(false, false).outcome(instance, TieBreak.DEFAULT).selected();
        assertThat(stop.size()).isLessThanOrEqualTo(skip.size());
        assertThat(skip.subList(0, stop.size())).isEqualTo(stop);
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
