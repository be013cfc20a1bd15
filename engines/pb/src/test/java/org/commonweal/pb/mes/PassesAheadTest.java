package org.commonweal.pb.mes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Project;
import org.commonweal.pb.RandomInstances;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.TieOrder;

/**
 * The add1 passes computed two at a time: whatever order the completion asks for them in and whatever it has computed
 * ahead (stepping on, jumping ahead, stepping back), each answer is the pass a fresh single-threaded run gives at that money.
 */
class PassesAheadTest {

    @Provide
    Arbitrary<Instance> approval() {
        return RandomInstances.approval().map(IncrementJumpsTest::inCents);
    }

    @Property(tries = 150)
    void everyPassIsTheOneASingleRunGives(@ForAll("approval") Instance instance,
                                          @ForAll @Size(min = 1, max = 30) List<@IntRange(min = -3, max = 6) Integer> moves,
                                          @ForAll @Size(min = 30, max = 30) List<Boolean> stepOn,
                                          @ForAll @Size(min = 30, max = 30) List<@IntRange(min = -1, max = 3) Integer> ahead) {
        Runs runs = Runs.of(instance);
        long voters = runs.voters(), step = voters; // one cent per voter
        boolean[] all = runs.all();
        EqualSharesRun<CertifiedArithmetic.Value> reference = runs.fresh();
        try (PassesAhead<CertifiedArithmetic.Value> passes = new PassesAhead<>(runs.fresh(), runs.fresh(), instance.budget(), step, voters, all)) {
            long increments = 0;
            for (int i = 0; i < moves.size(); i++) {
                increments = Math.max(0, increments + moves.get(i));
                if (ahead.get(i) >= 0 && stepOn.get(i)) passes.ahead(increments + ahead.get(i));
                EqualSharesRun.Result got = passes.pass(increments, stepOn.get(i) ? increments + 1 + Math.max(0, ahead.get(i)) : -1);
                EqualSharesRun.Result expected = reference.run(PassesAhead.budgetAt(instance.budget(), increments, step), voters, all, false);
                assertThat(got.selected()).as("pass %d at %d increments", i, increments).isEqualTo(expected.selected());
                assertThat(got.totalCost()).isEqualTo(expected.totalCost());
            }
        }
    }

    @Property(tries = 20)
    void aPassAheadThatCannotBeHeldIsDroppedUnasked(@ForAll("approval") Instance instance) {
        Runs runs = Runs.of(instance);
        long step = Long.MAX_VALUE; // the money of every pass after the first cannot be held
        try (PassesAhead<CertifiedArithmetic.Value> passes = new PassesAhead<>(runs.fresh(), runs.fresh(), 1, step, runs.voters(), runs.all())) {
            assertThat(passes.pass(0, 1).selected()).isNotNull();
            assertThat(passes.pass(0, 2).selected()).as("the failed pass ahead, not asked for, is dropped").isNotNull();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> passes.pass(1, -1)).isInstanceOf(ArithmeticException.class);
        }
    }

    /** An instance's voter groups, costs and tie order under cost utilities, every project a candidate. */
    private record Runs(VoterGroups groups, long[] cost, int[] rank, boolean[] all, long voters) {
        static Runs of(Instance instance) {
            long[] cost = instance.projects().stream().mapToLong(Project::cost).toArray();
            boolean[] all = new boolean[cost.length];
            Arrays.fill(all, true);
            VoterGroups groups = VoterGroups.of(instance, Utility.COST, all);
            return new Runs(groups, cost, TieOrder.ranks(instance, TieBreak.DEFAULT), all, Math.max(1, groups.voters));
        }

        EqualSharesRun<CertifiedArithmetic.Value> fresh() {
            return new EqualSharesRun<>(groups, cost, rank, CertifiedArithmetic.INSTANCE);
        }
    }
}
