package org.commonweal.pb;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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
}
