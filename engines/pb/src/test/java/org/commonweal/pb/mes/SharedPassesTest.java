package org.commonweal.pb.mes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Project;
import org.commonweal.pb.RandomInstances;
import org.commonweal.pb.SharedData;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.TieOrder;
import org.commonweal.pb.pabulib.PabulibReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The passes of one completion share supporters' class histograms ({@link PaymentHistograms}); every pass must
 * decide, and explain, exactly as a pass computed from scratch on its own, whatever budgets came before it.
 */
// Both engines run this class: jqwik for the properties, Jupiter for the parameterised tests; each reads its own tag.
@net.jqwik.api.Tag("slow")
@org.junit.jupiter.api.Tag("slow")
class SharedPassesTest {

    @Provide
    Arbitrary<Instance> approval() {
        return RandomInstances.approval();
    }

    @Provide
    Arbitrary<Instance> cumulative() {
        return RandomInstances.cumulative();
    }

    @Property(tries = 300)
    void approvalPassesAfterAnyEarlierPassesDecideAsFreshPasses(@ForAll("approval") Instance instance, @ForAll long seed) {
        for (Utility u : new Utility[]{Utility.COST, Utility.CARDINALITY}) assertSharedEqualsFresh(instance, u, budgets(instance, 30, seed), true);
    }

    @Property(tries = 200)
    void pointsPassesAfterAnyEarlierPassesDecideAsFreshPasses(@ForAll("cumulative") Instance instance, @ForAll long seed) {
        for (Utility u : new Utility[]{Utility.POINTS, Utility.COST}) assertSharedEqualsFresh(instance, u, budgets(instance, 30, seed), true);
    }

    /** Real add1 sequences (every increment up to the one the completion stops at, then one more), as EqualShares runs them. */
    @ParameterizedTest
    @CsvSource({"Poland_Warszawa_2026.pb, cost, add1", "Poland_Wieliczka_2023_Green_Budget.pb, cost, add1-max",
            "Poland_Katowice_2023_Osiedle_Tysiaclecia.pb, points, add1", "Poland_Czestochowa_2024_Stare_Miasto.pb, points, add1-max"})
    void realAdd1SequencesDecideAsFreshPasses(String file, String utility, String completion) throws IOException {
        Instance instance = PabulibReader.read(SharedData.pabulib(file));
        Utility u = Utility.fromCliName(utility);
        EqualShares rule = EqualShares.fromOptions("equalshares", java.util.Map.of("completion", completion, "utility", utility));
        int increments = rule.decide(instance, TieBreak.DEFAULT).increments();
        long voters = instance.ballots().size();
        long step = voters * instance.unit();
        List<Long> budgets = new ArrayList<>();
        for (long k = 0; k <= increments + 1; k++) budgets.add(instance.budget() + k * step);
        assertSharedEqualsFresh(instance, u, budgets, false);
    }

    /** The add1 sequence of small increments, then the same budgets shuffled (passes may follow any earlier ones). */
    private static List<Long> budgets(Instance instance, int count, long seed) {
        long voters = instance.ballots().size();
        List<Long> budgets = new ArrayList<>();
        for (long k = 0; k < count; k++) budgets.add(instance.budget() + k * voters);
        List<Long> shuffled = new ArrayList<>(budgets);
        Collections.shuffle(shuffled, new Random(seed));
        budgets.addAll(shuffled);
        return budgets;
    }

    private static void assertSharedEqualsFresh(Instance instance, Utility u, List<Long> budgets, boolean explain) {
        int m = instance.projects().size();
        boolean[] all = new boolean[m];
        Arrays.fill(all, true);
        VoterGroups groups = VoterGroups.of(instance, u, all);
        boolean[] supported = new boolean[m];
        for (int p = 0; p < m; p++) supported[p] = groups.supporters[p].length > 0;
        long[] cost = instance.projects().stream().mapToLong(Project::cost).toArray();
        int[] rank = TieOrder.ranks(instance, TieBreak.DEFAULT);
        long voters = Math.max(1, groups.voters);
        var shared = new EqualSharesRun<>(groups, cost, rank, CertifiedArithmetic.INSTANCE);
        for (long budget : budgets) {
            var fresh = new EqualSharesRun<>(groups, cost, rank, CertifiedArithmetic.INSTANCE).run(budget, voters, supported, explain);
            var again = shared.run(budget, voters, supported, explain);
            assertThat(again.selected()).as("budget %d", budget).isEqualTo(fresh.selected());
            assertThat(again.totalCost()).isEqualTo(fresh.totalCost());
            assertThat(again.round()).isEqualTo(fresh.round());
            assertThat(again.lostRound()).isEqualTo(fresh.lostRound());
            assertThat(again.overtakenBy()).isEqualTo(fresh.overtakenBy());
            assertThat(again.rho()).isEqualTo(fresh.rho());
            assertThat(again.shares()).isEqualTo(fresh.shares());
            assertThat(again.lostRho()).isEqualTo(fresh.lostRho());
            assertThat(again.moneyWhenLost()).isEqualTo(fresh.moneyWhenLost());
        }
    }
}
