package org.commonweal.pb.mes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Project;
import org.commonweal.pb.RandomInstances;
import org.commonweal.pb.SharedData;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.PabulibReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The add1 completions jump over increments that a pass proves fund the same projects; the decision must be the one
 * stepping through every increment gives: outcome, explanations, increments and final money per voter.
 * The whole shared corpus is in {@link IncrementJumpsCorpusTest}.
 */
class IncrementJumpsTest {

    @Provide
    Arbitrary<Instance> approval() {
        return RandomInstances.approval().map(IncrementJumpsTest::inCents);
    }

    @Provide
    Arbitrary<Instance> cumulative() {
        return RandomInstances.cumulative().map(IncrementJumpsTest::inCents);
    }

    /** Amounts in cents with an increment of one cent: a hundred times as many increments, so that there is room to jump. */
    static Instance inCents(Instance instance) {
        return new Instance(instance.meta(), instance.projects().stream().map(p -> new Project(p.id(), 100 * p.cost(), p.columns())).toList(),
                instance.ballots(), instance.projectColumns(), instance.voteColumns(), 2, 100 * instance.budget());
    }

    /**
     * The proof itself: whenever a pass at more money says it funds as its base did at every amount in between, every
     * amount in between does (each one computed). Budgets are drawn near those where the order of funding changes.
     */
    @Property(tries = 300)
    void aProvenJumpFundsTheSameAtEveryAmountInBetween(@ForAll("approval") Instance instance, @ForAll boolean cardinality,
                                                       @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 400) int from,
                                                       @ForAll @net.jqwik.api.constraints.IntRange(min = 2, max = 200) int width) {
        Utility utility = cardinality ? Utility.CARDINALITY : Utility.COST;
        int m = instance.projects().size();
        long[] cost = instance.projects().stream().mapToLong(Project::cost).toArray();
        boolean[] all = new boolean[m];
        java.util.Arrays.fill(all, true);
        VoterGroups groups = VoterGroups.of(instance, utility, all);
        int[] rank = org.commonweal.pb.TieOrder.ranks(instance, TieBreak.DEFAULT);
        EqualSharesRun<CertifiedArithmetic.Value> passes = new EqualSharesRun<>(groups, cost, rank, CertifiedArithmetic.INSTANCE);
        long voters = groups.voters;
        long low = instance.budget() + from * voters, high = low + width * voters;
        EqualSharesRun.Result base = passes.run(low, voters, all, false);
        EqualSharesRun.Result landing = passes.run(high, voters, all, false, base);
        if (!landing.sameAsBase()) return;
        assertThat(landing.selected()).isEqualTo(base.selected());
        EqualSharesRun<CertifiedArithmetic.Value> fresh = new EqualSharesRun<>(groups, cost, rank, CertifiedArithmetic.INSTANCE);
        for (long b = low + 1; b < high; b++) assertThat(fresh.run(b, voters, all, false).selected()).as("money %d/%d", b, voters).isEqualTo(base.selected());
    }

    @Property(tries = 150)
    void approvalJumpsDecideAsStepping(@ForAll("approval") Instance instance) {
        for (String utility : new String[]{"cost", "cardinality", "effort"}) assertJumpsDecideAsStepping(instance, utility);
    }

    @Property(tries = 100)
    void pointsJumpsDecideAsStepping(@ForAll("cumulative") Instance instance) {
        assertJumpsDecideAsStepping(instance, "points");
    }

    /** Small currency units (forints, cents) are where jumping pays; files with whole-zloty steps check it changes nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"Poland_Wieliczka_2023_Green_Budget.pb", "Poland_Swiecie_2023.pb", "Poland_Katowice_2023_Osiedle_Tysiaclecia.pb"})
    void realFilesDecideAsStepping(String file) throws IOException {
        assertJumpsDecideAsStepping(PabulibReader.read(SharedData.pabulib(file)), null);
    }

    @org.junit.jupiter.api.Test
    void budapestJozsefvarosTakesHundredsOfPassesForItsOneHundredFiftyThousandForints() throws IOException {
        Instance instance = PabulibReader.read(SharedData.pabulib("Hungary_Budapest_2022_VIII_Jozsefvaros.pb"));
        EqualShares.Decision jumped = EqualShares.ADD1.decide(instance, TieBreak.DEFAULT);
        assertThat(jumped.increments()).isEqualTo(153_144); // as stepping counts them (IncrementJumpsCorpusTest)
        assertThat(jumped.passes()).isLessThan(1_000);
    }

    static void assertJumpsDecideAsStepping(Instance instance, String utility) {
        for (String completion : new String[]{"add1", "add1-max"}) {
            EqualShares rule = EqualShares.fromOptions("equalshares", utility == null ? Map.of("completion", completion)
                    : Map.of("completion", completion, "utility", utility));
            EqualShares.Decision stepped = rule.decide(instance, TieBreak.DEFAULT, false);
            EqualShares.Decision jumped = rule.decide(instance, TieBreak.DEFAULT, true);
            assertThat(jumped.outcome()).as("%s %s", rule.name(), instance.meta()).isEqualTo(stepped.outcome());
            assertThat(jumped.increments()).isEqualTo(stepped.increments());
            assertThat(jumped.finalPerVoterBudget()).isEqualTo(stepped.finalPerVoterBudget());
        }
    }
}
