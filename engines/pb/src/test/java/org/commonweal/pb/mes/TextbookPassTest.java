package org.commonweal.pb.mes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Project;
import org.commonweal.pb.Rational;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.TieOrder;

/**
 * A pass of the engine against Equal Shares as the papers write it, voter by voter in exact rationals: each project's
 * price found by sorting its supporters by money per unit of utility, the cheapest funded (ties to the tie-break
 * order). The engine prices classes of voters, from a lower bound it carries over, in floating point proven after the
 * fact; this is the independent check that all of that decides as the definition does, on instances large enough
 * for many money classes, prices found in more than one sweep, and voters who run out of money.
 */
class TextbookPassTest {
    @Provide
    Arbitrary<Instance> instances() {
        Arbitrary<long[]> costs = Arbitraries.longs().between(1, 300).array(long[].class).ofMinSize(2).ofMaxSize(16);
        return costs.flatMap(c -> {
            Arbitrary<int[]> ballot = Arbitraries.integers().between(0, c.length - 1).set().ofMinSize(1).ofMaxSize(c.length)
                    .map(s -> s.stream().mapToInt(Integer::intValue).toArray());
            Arbitrary<int[][]> ballots = ballot.array(int[][].class).ofMinSize(1).ofMaxSize(150);
            return Combinators.combine(Arbitraries.longs().between(10, 2000), ballots).as((b, bs) -> Instances.approval(b, c, bs));
        });
    }

    @Property(tries = 400)
    void everyPassFundsWhatTheTextbookDefinitionFunds(@ForAll("instances") Instance instance) {
        int m = instance.projects().size();
        boolean[] all = new boolean[m];
        Arrays.fill(all, true);
        long[] cost = instance.projects().stream().mapToLong(Project::cost).toArray();
        int[] rank = TieOrder.ranks(instance, TieBreak.DEFAULT);
        long voters = instance.ballots().size();
        for (Utility u : new Utility[]{Utility.COST, Utility.CARDINALITY}) {
            VoterGroups groups = VoterGroups.of(instance, u, all);
            var certified = new EqualSharesRun<>(groups, cost, rank, CertifiedArithmetic.INSTANCE);
            var exact = new EqualSharesRun<>(groups, cost, rank, ExactArithmetic.INSTANCE);
            // One run object for several amounts of money, as an add1 completion uses it, so that classes and
            // histograms carried over from pass to pass are exercised too.
            for (int extra : new int[]{0, 1, 2, 7, 3, 40}) {
                // Each round's price is compared as well as the order, so that a price off by a little is caught.
                long numerator = instance.budget() + extra * voters;
                List<Rational> rhos = new ArrayList<>();
                List<Integer> expected = textbook(instance, u, cost, rank, Rational.of(numerator, voters), rhos);
                assertThat(certified.run(numerator, voters, all, false).selected()).as("%s, %d more per voter", u, extra).isEqualTo(expected);
                var pass = exact.run(numerator, voters, all, false);
                assertThat(pass.selected()).as("%s, %d more per voter", u, extra).isEqualTo(expected);
                assertThat(Arrays.asList(pass.winnerRho())).as("each round's price, %s, %d more per voter", u, extra).isEqualTo(rhos);
            }
        }
    }

    private static List<Integer> textbook(Instance instance, Utility u, long[] cost, int[] rank, Rational share, List<Rational> rhos) {
        int m = cost.length;
        List<Ballot> ballots = instance.ballots();
        Rational[] money = new Rational[ballots.size()];
        Arrays.fill(money, share);
        boolean[] funded = new boolean[m];
        List<Integer> order = new ArrayList<>();
        while (true) {
            int best = -1;
            Rational bestRho = null;
            for (int p = 0; p < m; p++) {
                if (funded[p]) continue;
                Rational rho = price(p, u == Utility.COST ? cost[p] : 1, cost[p], ballots, money);
                if (rho == null) continue;
                int cmp = bestRho == null ? -1 : rho.compareTo(bestRho);
                if (cmp < 0 || (cmp == 0 && rank[p] < rank[best])) {
                    best = p;
                    bestRho = rho;
                }
            }
            if (best < 0) return order;
            funded[best] = true;
            order.add(best);
            rhos.add(bestRho);
            Rational due = bestRho.multiply(u == Utility.COST ? cost[best] : 1);
            for (int v = 0; v < ballots.size(); v++) {
                if (supports(ballots.get(v), best)) money[v] = money[v].compareTo(due) <= 0 ? Rational.ZERO : money[v].subtract(due);
            }
        }
    }

    /** The least ρ with Σ min(money, ρ·utility) = cost over the supporters, by the sorted sweep; null if they cannot pay. */
    private static Rational price(int p, long utility, long cost, List<Ballot> ballots, Rational[] money) {
        List<Rational> held = new ArrayList<>();
        for (int v = 0; v < ballots.size(); v++) if (supports(ballots.get(v), p)) held.add(money[v]);
        held.sort(Comparator.naturalOrder());
        Rational paid = Rational.ZERO;
        for (int i = 0; i < held.size(); i++) {
            Rational rho = Rational.of(cost).subtract(paid).divide(utility * (held.size() - i));
            if (held.get(i).compareTo(rho.multiply(utility)) >= 0) return rho;
            paid = paid.add(held.get(i));
        }
        return null;
    }

    private static boolean supports(Ballot b, int p) {
        for (int q : b.projects()) if (q == p) return true;
        return false;
    }
}
