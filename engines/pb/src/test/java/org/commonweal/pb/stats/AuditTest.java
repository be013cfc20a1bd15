package org.commonweal.pb.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.RandomInstances;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.mes.Utility;
import org.commonweal.pb.pabulib.OfficialOutcome;
import org.commonweal.pb.pabulib.PabulibReader;
import org.commonweal.pb.pabulib.SharedPabulib;
import org.commonweal.pb.stats.JustifiedRepresentation.Axiom;
import org.commonweal.pb.stats.JustifiedRepresentation.Status;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AuditTest {
    private static final long LIMIT = JustifiedRepresentation.DEFAULT_WORK_LIMIT;

    private static Outcome funding(Instance instance, List<Integer> selected) {
        long cost = selected.stream().mapToLong(p -> instance.projects().get(p).cost()).sum();
        return new Outcome("fixed", selected, cost, List.of(), TieBreak.DEFAULT);
    }

    private static Status check(Axiom axiom, Instance i, List<Integer> funded, Utility u) {
        return JustifiedRepresentation.check(axiom, i, funding(i, funded), u, LIMIT).status();
    }

    /** Ten voters, budget 100; voters 6-9 approve p3 (40); voters 0-5 approve {@code first} and voters 0-2, 3-5 add their own project. */
    private static Instance sixAndFour(long[] costs, int[] first, int own012, int own345) {
        int[][] ballots = new int[10][];
        for (int v = 0; v < 10; v++) {
            if (v >= 6) ballots[v] = new int[]{3};
            else {
                int[] b = java.util.Arrays.copyOf(first, first.length + 1);
                b[first.length] = v < 3 ? own012 : own345;
                ballots[v] = b;
            }
        }
        return Instances.approval(100, costs, ballots);
    }

    @Test
    void ejrCanFailWhereEjrUpToOneHolds() {
        // Voters 0-5 approve p0, p1 (30 each) and p2 (5): T = {p0, p1} is theirs (60% of voters, 60% of the money).
        // Funding p0, p2, p3 gives each of them 35 < 60 (EJR fails), but adding p1 would give 65 > 60 (EJR up to one holds).
        Instance i = sixAndFour(new long[]{30, 30, 5, 40}, new int[]{0, 1}, 2, 2);
        JustifiedRepresentation.Result ejr = JustifiedRepresentation.check(Axiom.EJR, i, funding(i, List.of(0, 2, 3)), Utility.COST, LIMIT);
        assertThat(ejr.status()).isEqualTo(Status.VIOLATED);
        assertThat(ejr.projects()).containsExactly(0, 1);
        assertThat(ejr.groupSize()).isEqualTo(6);
        assertThat(check(Axiom.EJR_UP_TO_ONE, i, List.of(0, 2, 3), Utility.COST)).isEqualTo(Status.SATISFIED);
        assertThat(check(Axiom.PJR, i, List.of(0, 2, 3), Utility.COST)).isEqualTo(Status.VIOLATED);
    }

    @Test
    void pjrLooksAtWhatTheGroupGetsTogether() {
        // Voters 0-2 also approve p4, voters 3-5 p5 (30 each), both funded: each of the six has 30 < 60 (EJR fails),
        // but together they have p4 and p5, worth 60 (PJR holds).
        Instance i = sixAndFour(new long[]{30, 30, 0, 40, 30, 30}, new int[]{0, 1}, 4, 5);
        assertThat(check(Axiom.EJR, i, List.of(3, 4, 5), Utility.COST)).isEqualTo(Status.VIOLATED);
        assertThat(check(Axiom.PJR, i, List.of(3, 4, 5), Utility.COST)).isEqualTo(Status.SATISFIED);
        // With p4 and p5 at 5 each (and so 10 together), the group is short even together.
        Instance cheap = sixAndFour(new long[]{30, 30, 0, 40, 5, 5}, new int[]{0, 1}, 4, 5);
        JustifiedRepresentation.Result pjr = JustifiedRepresentation.check(Axiom.PJR, cheap, funding(cheap, List.of(3, 4, 5)), Utility.COST, LIMIT);
        assertThat(pjr.status()).isEqualTo(Status.VIOLATED);
        // The first witness found: T = {p0} (30% of the money) for voters 0-2 (30% of the voters), who share only p4 (5).
        assertThat(pjr.projects()).containsExactly(0);
        assertThat(pjr.fundedForGroup()).containsExactly(4);
        assertThat(pjr.groupSize()).isEqualTo(3);
    }

    @Test
    void paretoFindsTheSwapThatHelpsOneVoterAndCostsNobody() {
        // Budget 10. Voter 0 approves p0 (10), p1 and p2 (5 each); voter 1 approves p1 and p2. Funding p0 leaves voter 1
        // with nothing; p1 and p2 instead give voter 0 as much (10) and voter 1 10 too. No money is left, so only the search finds it.
        Instance i = Instances.approval(10, new long[]{10, 5, 5}, new int[]{0, 1, 2}, new int[]{1, 2});
        Pareto.Result r = Pareto.check(i, funding(i, List.of(0)), Utility.COST, Pareto.DEFAULT_WORK_LIMIT);
        assertThat(r.status()).isEqualTo(Pareto.Status.DOMINATED);
        assertThat(r.better()).containsExactlyInAnyOrder(1, 2);
        assertThat(Pareto.check(i, funding(i, List.of(1, 2)), Utility.COST, Pareto.DEFAULT_WORK_LIMIT).status()).isEqualTo(Pareto.Status.EFFICIENT);
        assertThat(Pareto.check(i, funding(i, List.of(1)), Utility.CARDINALITY, Pareto.DEFAULT_WORK_LIMIT).better()).containsExactly(1, 2);
        assertThat(Pareto.check(i, funding(i, List.of(0)), Utility.COST, 0).status()).isEqualTo(Pareto.Status.NOT_CHECKED);
    }

    @Test
    void distributionCountsVotersWithNothingTheGiniAndTheFundedShareOfEachBallot() {
        // Satisfactions 30, 30 (half of what they chose), 0, 0: Gini = Σ|xi - xj| / (2 n² mean) = 240 / (2·16·15) = 0.5.
        Instance i = Instances.approval(100, new long[]{30, 30, 40}, new int[]{0, 1}, new int[]{0, 1}, new int[]{2}, new int[]{2});
        SatisfactionDistribution d = SatisfactionDistribution.of(i, funding(i, List.of(0)));
        assertThat(d.nothingFunded()).isEqualTo(2);
        assertThat(d.shareWithNothing()).isEqualByComparingTo("0.5");
        assertThat(d.gini()).isEqualByComparingTo("0.5");
        assertThat(d.histogram()).containsExactly(2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0);
        assertThat(SatisfactionDistribution.of(i, funding(i, List.of(0, 1, 2))).gini()).isEqualByComparingTo("0.1"); // 60, 60, 40, 40: 160 / (2·16·50)
        assertThat(SatisfactionDistribution.of(i, funding(i, List.of())).gini()).isEqualByComparingTo("0");
    }

    @Test
    void categorySharesCompareMoneyWithVotes() throws Exception {
        Instance i = PabulibReader.read(new StringReader("""
                META
                key;value
                budget;100
                vote_type;approval
                PROJECTS
                project_id;cost;category
                a;60;green
                b;40;sport,green
                c;30;culture
                VOTES
                voter_id;vote
                1;a,c
                2;c
                3;b,c
                """), "categories.pb");
        List<CategoryShare> shares = CategoryShare.of(i, funding(i, List.of(0, 1)));
        assertThat(shares).extracting(CategoryShare::category).containsExactly("green", "sport", "culture");
        // green: a and b, 100 of 100 spent, 2 of 5 votes; sport: b, 40 spent, 1 vote; culture: nothing spent, 3 votes.
        assertThat(shares.get(0).spentShare()).isEqualByComparingTo("1");
        assertThat(shares.get(0).voteShare()).isEqualByComparingTo("0.4");
        assertThat(shares.get(1).spentShare()).isEqualByComparingTo("0.4");
        assertThat(shares.get(2).spentShare()).isEqualByComparingTo("0");
        assertThat(shares.get(2).voteShare()).isEqualByComparingTo("0.6");
    }

    @Provide
    Arbitrary<Instance> instances() {
        return RandomInstances.approval();
    }

    /** Any affordable set: projects in a seeded random order, each taken when it fits. */
    private static Outcome randomOutcome(Instance instance, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < instance.projects().size(); p++) order.add(p);
        Collections.shuffle(order, new Random(seed));
        List<Integer> chosen = new ArrayList<>();
        long left = instance.budget();
        Random skip = new Random(seed + 1);
        for (int p : order) {
            long c = instance.projects().get(p).cost();
            if (c <= left && skip.nextInt(3) > 0) {
                chosen.add(p);
                left -= c;
            }
        }
        return funding(instance, chosen);
    }

    @Property(tries = 300)
    void theChecksAgreeWithBruteForceOverEverySetOfProjectsAndVoters(@ForAll("instances") Instance instance, @ForAll long seed) {
        Outcome outcome = randomOutcome(instance, seed);
        for (Utility u : List.of(Utility.COST, Utility.CARDINALITY)) {
            BruteForce brute = new BruteForce(instance, outcome, u);
            for (Axiom axiom : Axiom.values()) {
                Status status = JustifiedRepresentation.check(axiom, instance, outcome, u, LIMIT).status();
                assertThat(status == Status.VIOLATED).as(axiom + " " + u).isEqualTo(brute.violates(axiom));
            }
            Pareto.Status pareto = Pareto.check(instance, outcome, u, Pareto.DEFAULT_WORK_LIMIT).status();
            assertThat(pareto == Pareto.Status.DOMINATED).as("Pareto " + u).isEqualTo(brute.dominated());
        }
    }

    @Property(tries = 200)
    void equalSharesSatisfiesEjrUpToOneAndPjrUpToItsAxiomsEjrImpliesPjr(@ForAll("instances") Instance instance, @ForAll long seed) {
        Outcome mes = Rules.build("mes", java.util.Map.of()).outcome(instance, TieBreak.DEFAULT);
        assertThat(JustifiedRepresentation.check(Axiom.EJR_UP_TO_ONE, instance, mes, Utility.COST, LIMIT).status()).isEqualTo(Status.SATISFIED);
        Outcome any = randomOutcome(instance, seed);
        for (Utility u : List.of(Utility.COST, Utility.CARDINALITY)) {
            if (JustifiedRepresentation.check(Axiom.EJR, instance, any, u, LIMIT).status() == Status.SATISFIED) {
                assertThat(JustifiedRepresentation.check(Axiom.PJR, instance, any, u, LIMIT).status()).isEqualTo(Status.SATISFIED);
                assertThat(JustifiedRepresentation.check(Axiom.EJR_UP_TO_ONE, instance, any, u, LIMIT).status()).isEqualTo(Status.SATISFIED);
            }
        }
    }

    @Test
    @Tag("slow")
    void realFilesEqualSharesPassesWhereTheGreedyOfficialOutcomeFails() throws Exception {
        Instance wieliczka = PabulibReader.read(SharedPabulib.file("Poland_Wieliczka_2023_Green_Budget.pb"));
        Audit mes = Audit.of(wieliczka, Rules.build("mes", java.util.Map.of()).outcome(wieliczka, TieBreak.DEFAULT), Audit.Limits.DEFAULT);
        assertThat(mes.representation(Axiom.EJR_UP_TO_ONE, Utility.COST).orElseThrow().status()).isEqualTo(Status.SATISFIED);
        assertThat(mes.satisfaction().voters()).isEqualTo(6586);
        // Warszawa 2026, funded by greedy with a minimum score: a group of voters chose a project, got nothing (so even
        // that one project would not have given them more than their due), and were enough to pay for it.
        Instance warszawa = PabulibReader.read(SharedPabulib.file("Poland_Warszawa_2026.pb"));
        List<Integer> official = new ArrayList<>(OfficialOutcome.fundedByRule(warszawa).orElseThrow());
        JustifiedRepresentation.Result r = JustifiedRepresentation.check(Axiom.EJR_UP_TO_ONE, warszawa, funding(warszawa, official), Utility.COST, LIMIT);
        assertThat(r.status()).isEqualTo(Status.VIOLATED);
        assertThat(r.projects()).extracting(p -> warszawa.projects().get(p).id()).containsExactly("2199");
        long cost = warszawa.projects().get(r.projects().getFirst()).cost();
        assertThat(java.math.BigInteger.valueOf(r.groupSize()).multiply(java.math.BigInteger.valueOf(warszawa.budget())))
                .isGreaterThanOrEqualTo(java.math.BigInteger.valueOf(cost).multiply(java.math.BigInteger.valueOf(warszawa.ballots().size())));
        long withNothing = warszawa.ballots().stream().filter(b -> java.util.Arrays.stream(b.projects()).anyMatch(p -> p == r.projects().getFirst())
                && java.util.Arrays.stream(b.projects()).noneMatch(official::contains)).count();
        assertThat(r.groupSize()).isEqualTo(withNothing);
    }
}
