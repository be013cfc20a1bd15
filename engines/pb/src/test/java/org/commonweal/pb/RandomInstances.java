package org.commonweal.pb;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import java.util.Random;
import net.jqwik.api.Combinators;

/** Small random approval instances for property tests: 1-7 projects, 1-12 voters, costs 1-60, budget 1-150. */
public final class RandomInstances {
    private RandomInstances() {
    }

    public static Arbitrary<Instance> approval() {
        Arbitrary<long[]> costs = Arbitraries.longs().between(1, 60).array(long[].class).ofMinSize(1).ofMaxSize(7);
        return costs.flatMap(c -> {
            Arbitrary<int[]> ballot = Arbitraries.integers().between(0, c.length - 1).set().ofMaxSize(c.length)
                    .map(s -> s.stream().mapToInt(Integer::intValue).toArray());
            Arbitrary<int[][]> ballots = ballot.array(int[][].class).ofMinSize(1).ofMaxSize(12);
            return Combinators.combine(Arbitraries.longs().between(1, 150), ballots).as((b, bs) -> Instances.approval(b, c, bs));
        });
    }

    /** Cumulative ballots with unequal points, so that some projects are paid for by each group separately. */
    public static Arbitrary<Instance> cumulative() {
        Arbitrary<long[]> costs = Arbitraries.longs().between(1, 60).array(long[].class).ofMinSize(1).ofMaxSize(7);
        return costs.flatMap(c -> {
            Arbitrary<int[]> ballot = Arbitraries.integers().between(0, c.length - 1).set().ofMinSize(1).ofMaxSize(c.length)
                    .map(s -> s.stream().mapToInt(Integer::intValue).toArray());
            Arbitrary<int[][]> ballots = ballot.array(int[][].class).ofMinSize(1).ofMaxSize(12);
            return Combinators.combine(Arbitraries.longs().between(1, 150), ballots, Arbitraries.longs().between(0, Long.MAX_VALUE))
                    .as((b, bs, seed) -> {
                        Random random = new Random(seed);
                        long[][] points = new long[bs.length][];
                        for (int v = 0; v < bs.length; v++) {
                            points[v] = new long[bs[v].length];
                            for (int i = 0; i < bs[v].length; i++) points[v][i] = 1 + random.nextInt(4);
                        }
                        return Instances.cumulative(b, c, bs, points);
                    });
        });
    }
}
