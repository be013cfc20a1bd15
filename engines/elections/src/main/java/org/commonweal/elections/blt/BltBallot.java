package org.commonweal.elections.blt;

import java.util.Arrays;

/**
 * One ballot line of a BLT file: {@code weight} identical papers ranking the candidates {@code ranking}
 * (1-based candidate numbers, first preference first).
 */
public record BltBallot(long weight, int[] ranking) {
    public BltBallot {
        if (weight < 1) throw new IllegalArgumentException("ballot weight must be at least 1, was " + weight);
        ranking = ranking.clone();
    }

    @Override
    public int[] ranking() {
        return ranking.clone();
    }

    /** Preference at position {@code i} without copying the ranking. */
    public int preference(int i) {
        return ranking[i];
    }

    public int length() {
        return ranking.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BltBallot b && b.weight == weight && Arrays.equals(b.ranking, ranking);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(weight) + Arrays.hashCode(ranking);
    }

    @Override
    public String toString() {
        return weight + " " + Arrays.toString(ranking);
    }
}
