package org.commonweal.pb.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.RandomInstances;
import org.commonweal.pb.Rational;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.mes.EqualShares;
import org.commonweal.pb.pabulib.OfficialOutcome;
import org.commonweal.pb.pabulib.PabulibReader;
import org.commonweal.pb.pabulib.SharedPabulib;
import org.commonweal.pb.stats.Priceability.Status;
import org.commonweal.pb.stats.Priceability.Why;
import org.junit.jupiter.api.Test;

class PriceabilityTest {
    private static final long LIMIT = Priceability.DEFAULT_SIZE_LIMIT;

    private static Outcome funding(Instance instance, List<Integer> selected) {
        long cost = selected.stream().mapToLong(p -> instance.projects().get(p).cost()).sum();
        return new Outcome("fixed", selected, cost, List.of(), TieBreak.DEFAULT);
    }

    private static Priceability.Result check(Instance instance, Integer... funded) {
        return Priceability.check(instance, funding(instance, List.of(funded)), LIMIT);
    }

    @Test
    void eachVoterPayingForTheirOwnProjectIsAPriceSystem() {
        // Budget 10, two voters with a project of 5 each: b = 5 (n·b ≥ L forces it), nothing unfunded.
        Instance i = Instances.approval(10, new long[]{5, 5}, new int[]{0}, new int[]{1});
        Priceability.Result r = check(i, 0, 1);
        assertThat(r.status()).isEqualTo(Status.PRICEABLE);
        assertThat(r.exact()).isTrue();
        assertThat(r.moneyPerVoter()).isEqualTo(Rational.of(5));
        assertThat(r.exhaustive()).isTrue();
    }

    @Test
    void aMajorityLeftWithMoreThanItsProjectCostsIsNotPriceable() {
        // Budget 4, voters 0-2 approve x (3), voter 3 approves y (3). Funding y: voter 3 pays 3, so b ≥ 3, and x's three
        // supporters keep at least 9 > 3. Least excess 9 - 3 = 6.
        Instance i = Instances.approval(4, new long[]{3, 3}, new int[]{0}, new int[]{0}, new int[]{0}, new int[]{1});
        Priceability.Result y = check(i, 1);
        assertThat(y.status()).isEqualTo(Status.NOT_PRICEABLE);
        assertThat(y.why()).isEqualTo(Why.LEFT_OVER);
        assertThat(y.project()).isEqualTo(0);
        assertThat(y.excess()).isBetween(5L, 6L); // floating point, rounded down
        // Funding x instead: each of its supporters pays 1; any b in [1, 3] leaves voter 3 at most y's cost.
        Priceability.Result x = check(i, 0);
        assertThat(x.status()).isEqualTo(Status.PRICEABLE);
        assertThat(x.moneyPerVoter()).isBetween(Rational.ONE, Rational.of(3));
    }

    @Test
    void aTightLeftoverIsPriceableExactlyAndExhaustivenessIsReportedApart() {
        // Budget 6, voter 0 approves a (3), voter 1 approves b (3). Funding a: b ≥ 3 and voter 1's leftover b ≤ 3, so b = 3
        // exactly. The outcome leaves 3, enough for b: priceable but not exhaustive (pabutools' default asks for both).
        Instance i = Instances.approval(6, new long[]{3, 3}, new int[]{0}, new int[]{1});
        Priceability.Result r = check(i, 0);
        assertThat(r.status()).isEqualTo(Status.PRICEABLE);
        assertThat(r.exact()).isTrue();
        assertThat(r.moneyPerVoter()).isEqualTo(Rational.of(3));
        assertThat(r.exhaustive()).isFalse();
    }

    @Test
    void theVotersMoneyMustCoverTheBudgetAsInPabutools() {
        // Budget 100, both voters approve a (10) and c (60); funding a alone. With b = 5 nobody would have anything left,
        // but n·b ≥ 100 forces b ≥ 50, leaving c's supporters 90 > 60: not priceable, least excess 30.
        Instance i = Instances.approval(100, new long[]{10, 60}, new int[]{0, 1}, new int[]{0, 1});
        Priceability.Result r = check(i, 0);
        assertThat(r.status()).isEqualTo(Status.NOT_PRICEABLE);
        assertThat(r.project()).isEqualTo(1);
        assertThat(r.excess()).isBetween(29L, 30L);
    }

    @Test
    void stablePriceabilityAlsoAsksThatNoGroupCouldMoveItsMoneyToAnUnfundedProject() {
        // Budget 4, two voters approving a (4) and c (3). Funding a: each pays 2 and keeps nothing, priceable; but each
        // paid 2 for a, and 2 + 2 > 3 would buy c: not stable. Funding c: 1.50 each, leftover 0.50, 1.50 + 1.50 ≤ 4.
        Instance i = Instances.approval(4, new long[]{4, 3}, new int[]{0, 1}, new int[]{0, 1});
        assertThat(check(i, 0).status()).isEqualTo(Status.PRICEABLE);
        Priceability.Result a = Priceability.checkStable(i, funding(i, List.of(0)), LIMIT);
        assertThat(a.status()).isEqualTo(Status.NOT_PRICEABLE);
        assertThat(a.project()).isEqualTo(1);
        assertThat(a.excess()).isBetween(0L, 1L); // at least 4 - 3
        Priceability.Result c = Priceability.checkStable(i, funding(i, List.of(1)), LIMIT);
        assertThat(c.status()).isEqualTo(Status.PRICEABLE);
        assertThat(c.exact()).isTrue();
        Instance points = Instances.cumulative(8, new long[]{2, 4}, new int[][]{{1}, {0, 1}}, new long[][]{{3}, {1, 0}});
        assertThat(Priceability.checkStable(points, funding(points, List.of(0, 1)), LIMIT).why()).isEqualTo(Why.POINTS_BALLOTS);
    }

    @Property(tries = 300)
    void stablePriceabilityImpliesPriceabilityAndAgreesWithThePerVoterFormulation(@ForAll("approvalInstances") Instance instance, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<Integer> chosen = new ArrayList<>();
        long left = instance.budget();
        for (int p = 0; p < instance.projects().size(); p++) {
            long cost = instance.projects().get(p).cost();
            if (random.nextBoolean() && cost <= left) {
                chosen.add(p);
                left -= cost;
            }
        }
        Outcome outcome = funding(instance, chosen);
        Priceability.Result stable = Priceability.checkStable(instance, outcome, LIMIT);
        String described = describe(instance) + " funding " + chosen + ": " + stable;
        net.jqwik.api.statistics.Statistics.collect(stable.status());
        assertThat(stable.status()).as(described).isNotEqualTo(Status.NOT_CHECKED);
        assertThat(stable.status() == Status.PRICEABLE).as(described).isEqualTo(PerVoterPriceability.priceable(instance, outcome, true));
        if (stable.status() == Status.PRICEABLE) {
            assertThat(stable.exact()).as(described).isTrue();
            assertThat(Priceability.check(instance, outcome, LIMIT).status()).as(described).isEqualTo(Status.PRICEABLE);
        }
    }

    @Provide
    Arbitrary<Instance> approvalInstances() {
        return RandomInstances.approval();
    }

    @Test
    void theAuditCarriesPriceabilityForEveryBallotType() {
        Instance i = Instances.cumulative(8, new long[]{2, 4}, new int[][]{{1}, {0, 1}}, new long[][]{{3}, {1, 0}});
        Audit audit = Audit.of(i, funding(i, List.of(1)), Audit.Limits.DEFAULT);
        assertThat(audit.representation()).isEmpty();
        assertThat(audit.priceability().status()).isEqualTo(Status.NOT_PRICEABLE);
        assertThat(audit.stablePriceability().why()).isEqualTo(Why.POINTS_BALLOTS);
        assertThat(Audit.of(i, funding(i, List.of(1)), new Audit.Limits(1, 1, 1)).priceability().why()).isEqualTo(Why.TOO_LARGE);
    }

    @Test
    void overBudgetAndUnsupportedOutcomesAreRefusedWithTheReason() {
        Instance i = Instances.approval(10, new long[]{6, 6, 1}, new int[]{0, 1}, new int[]{0, 1});
        assertThat(check(i, 0, 1).why()).isEqualTo(Why.OVER_BUDGET);
        Priceability.Result unsupported = check(i, 0, 2);
        assertThat(unsupported.status()).isEqualTo(Status.NOT_PRICEABLE);
        assertThat(unsupported.why()).isEqualTo(Why.UNSUPPORTED);
        assertThat(unsupported.project()).isEqualTo(2);
    }

    @Test
    void pointsBallotsSupportWhatTheyGivePointsTo() {
        // Cumulative, budget 8: voter 0 gives p1 (4) points, voter 1 gives p0 (2) a point and p1 none, so only voter 0
        // may pay for p1. Funding p1 alone: b ≥ 4, and voter 1 keeps at least 4 > 2 for p0. Funding both: b = 4 pays for it.
        Instance i = Instances.cumulative(8, new long[]{2, 4}, new int[][]{{1}, {0, 1}}, new long[][]{{3}, {1, 0}});
        assertThat(check(i, 1).status()).isEqualTo(Status.NOT_PRICEABLE);
        assertThat(check(i, 0, 1).status()).isEqualTo(Status.PRICEABLE);
    }

    @Test
    void beyondTheSizeLimitTheAnswerIsNotCheckedWithTheSize() {
        Instance i = Instances.approval(10, new long[]{5, 5}, new int[]{0}, new int[]{1});
        Priceability.Result r = Priceability.check(i, funding(i, List.of(0, 1)), 5);
        assertThat(r.status()).isEqualTo(Status.NOT_CHECKED);
        assertThat(r.why()).isEqualTo(Why.TOO_LARGE);
        assertThat(r.size()).isGreaterThan(5);
    }

    @Test
    void addingOrRemovingAProjectFromAnEqualSharesOutcomeBreaksIt() {
        // Budget 16, four voters with 4 each. Voters 0-1 approve x (4) and v (5); voters 2-3 approve y (4), z (2), w (6).
        // Equal Shares funds x, y, z and then nobody can afford v (4 left < 5) or w (2 < 6): priceable with b = 4.
        Instance i = Instances.approval(16, new long[]{4, 5, 4, 2, 6},
                new int[]{0, 1}, new int[]{0, 1}, new int[]{2, 3, 4}, new int[]{2, 3, 4});
        Outcome mes = Rules.build("mes", Map.of("completion", "none")).outcome(i, TieBreak.DEFAULT);
        assertThat(mes.selected()).containsExactlyInAnyOrder(0, 2, 3);
        assertThat(Priceability.check(i, mes, LIMIT).status()).isEqualTo(Status.PRICEABLE);
        // Adding w: voters 2-3 pay 12, so b ≥ 6 and v's supporters keep 8 > 5.
        assertThat(check(i, 0, 2, 3, 4).status()).isEqualTo(Status.NOT_PRICEABLE);
        // Removing x: n·b ≥ 16 gives b ≥ 4, and x's supporters keep 8 > 4.
        assertThat(check(i, 2, 3).status()).isEqualTo(Status.NOT_PRICEABLE);
    }

    @Test
    void aRealFileAgreesWithThePerVoterFormulation() throws Exception {
        // Warszawa 2026, Tarchomin (948 voters, 9 projects): the official outcome (greedy with a minimum score) is not
        // priceable, Equal Shares without completion is; the per-voter program, solved for plain feasibility, agrees.
        Instance i = PabulibReader.read(SharedPabulib.file("Poland_Warszawa_2026_Tarchomin.pb"));
        Outcome official = funding(i, new ArrayList<>(OfficialOutcome.fundedByRule(i).orElseThrow()));
        Priceability.Result r = Priceability.check(i, official, LIMIT);
        assertThat(r.status()).isEqualTo(Status.NOT_PRICEABLE);
        assertThat(r.why()).isEqualTo(Why.LEFT_OVER);
        assertThat(r.excess()).isPositive();
        assertThat(PerVoterPriceability.priceable(i, official)).isFalse();
        Outcome mes = Rules.build("mes", Map.of("completion", "none")).outcome(i, TieBreak.DEFAULT);
        Priceability.Result m = Priceability.check(i, mes, LIMIT);
        assertThat(m.status()).isEqualTo(Status.PRICEABLE);
        assertThat(m.exact()).isTrue();
        assertThat(PerVoterPriceability.priceable(i, mes)).isTrue();
    }

    @Provide
    Arbitrary<Instance> instances() {
        return Arbitraries.oneOf(RandomInstances.approval(), RandomInstances.cumulative());
    }

    @Property(tries = 300)
    void equalSharesWithoutCompletionIsAlwaysPriceable(@ForAll("instances") Instance instance) {
        Outcome mes = Rules.build("mes", Map.of("completion", "none")).outcome(instance, TieBreak.DEFAULT);
        Priceability.Result r = Priceability.check(instance, mes, LIMIT);
        assertThat(r.status()).isEqualTo(Status.PRICEABLE);
        assertThat(r.exact()).isTrue();
    }

    @Property(tries = 300)
    void oneProjectMoreOrLessAgreesWithThePerVoterFormulation(@ForAll("instances") Instance instance, @ForAll long seed) {
        Outcome mes = Rules.build("mes", Map.of("completion", "none")).outcome(instance, TieBreak.DEFAULT);
        java.util.Random random = new java.util.Random(seed);
        int p = random.nextInt(instance.projects().size());
        List<Integer> changed = new ArrayList<>(mes.selected());
        if (!changed.remove((Integer) p)) changed.add(p);
        Outcome outcome = funding(instance, changed);
        Priceability.Result r = Priceability.check(instance, outcome, LIMIT);
        String described = describe(instance) + " funding " + changed + ": " + r;
        net.jqwik.api.statistics.Statistics.collect(r.status());
        assertThat(r.status()).as(described).isNotEqualTo(Status.NOT_CHECKED);
        assertThat(r.status() == Status.PRICEABLE).as(described).isEqualTo(PerVoterPriceability.priceable(instance, outcome));
        if (r.status() == Status.PRICEABLE) assertThat(r.exact()).as(described).isTrue();
    }

    @Property(tries = 200)
    void beyondTheLimitAnEqualSharesOutcomeIsPricedByItsOwnFinalPassAndTheProgramAgrees(@ForAll("instances") Instance instance,
                                                                                       @ForAll boolean add1, @ForAll long seed) {
        Outcome mes = Rules.build("mes", Map.of("completion", add1 ? "add1" : "none")).outcome(instance, TieBreak.DEFAULT);
        Priceability.Result byPass = Priceability.check(instance, mes, 0);
        assertThat(byPass.status()).as(describe(instance)).isEqualTo(Status.PRICEABLE);
        assertThat(byPass.why()).isEqualTo(Why.EQUAL_SHARES_PASS);
        assertThat(byPass.exact()).isTrue();
        assertThat(byPass.moneyPerVoter().compareTo(Rational.of(instance.budget(), instance.ballots().size()))).isGreaterThanOrEqualTo(0);
        assertThat(Priceability.check(instance, mes, LIMIT).status()).isEqualTo(Status.PRICEABLE);
        // Any other set named as Equal Shares' gets no price system from the pass: the program alone may answer.
        int p = new java.util.Random(seed).nextInt(instance.projects().size());
        List<Integer> changed = new ArrayList<>(mes.selected());
        if (!changed.remove((Integer) p)) changed.add(p);
        long cost = changed.stream().mapToLong(q -> instance.projects().get(q).cost()).sum();
        Outcome other = new Outcome(mes.rule(), changed, cost, List.of(), mes.tieBreak());
        Priceability.Result r = Priceability.check(instance, other, 0);
        assertThat(r.why()).isNotEqualTo(Why.EQUAL_SHARES_PASS);
    }

    @Property(tries = 100)
    void givenTheDecisionTheFinalPassIsReadFromItWithTheSameAnswer(@ForAll("instances") Instance instance, @ForAll boolean add1) {
        EqualShares rule = (EqualShares) Rules.build("mes", Map.of("completion", add1 ? "add1" : "none"));
        EqualShares.Decision decided = rule.decide(instance, TieBreak.DEFAULT);
        for (long limit : new long[]{0, LIMIT}) {
            assertThat(Priceability.check(instance, decided.outcome(), Optional.of(decided), limit)).as(describe(instance))
                    .isEqualTo(Priceability.check(instance, decided.outcome(), limit));
        }
        // A decision is read only for its own outcome: handed another's (the other completion's), the audited rule runs.
        Outcome other = ((EqualShares) Rules.build("mes", Map.of("completion", add1 ? "none" : "add1"))).decide(instance, TieBreak.DEFAULT).outcome();
        assertThat(Priceability.check(instance, other, Optional.of(decided), 0)).as(describe(instance))
                .isEqualTo(Priceability.check(instance, other, 0));
    }

    @Test
    void aCitySizedEqualSharesOutcomeIsPriceableWithoutTheProgram() throws Exception {
        // Warszawa 2026: the program would have billions of coefficients; Equal Shares with add1 ends at 576.2101… PLN per voter.
        // Checked with the rule's own decision, as pb audit --rule mes does, so the rule is not run a second time.
        Instance i = PabulibReader.read(SharedPabulib.file("Poland_Warszawa_2026.pb"));
        EqualShares.Decision decided = ((EqualShares) Rules.build("mes", Map.of())).decide(i, TieBreak.DEFAULT);
        Priceability.Result r = Priceability.check(i, decided.outcome(), Optional.of(decided), LIMIT);
        assertThat(r.status()).isEqualTo(Status.PRICEABLE);
        assertThat(r.why()).isEqualTo(Why.EQUAL_SHARES_PASS);
        assertThat(r.exact()).isTrue();
        assertThat(r.moneyPerVoter().divide(i.unit()).toBigDecimal(2)).isEqualByComparingTo("576.21");
        Outcome official = funding(i, new ArrayList<>(OfficialOutcome.fundedByRule(i).orElseThrow()));
        assertThat(Priceability.check(i, official, LIMIT).why()).isEqualTo(Why.TOO_LARGE);
    }

    private static String describe(Instance instance) {
        return "budget " + instance.budget() + ", costs " + instance.projects().stream().map(p -> p.cost()).toList() + ", ballots "
                + instance.ballots().stream().map(b -> java.util.Arrays.toString(b.projects()) + (b.points() == null ? "" : java.util.Arrays.toString(b.points()))).toList();
    }
}
