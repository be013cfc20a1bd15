package org.commonweal.elections.stv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Identical rankings grouped into one entry with a paper count, held in plain int arrays so that a count
 * over a million papers touches only as many entries as there are distinct rankings. Candidates are
 * 0-based indices; entries keep the order in which each distinct ranking was first added.
 */
public final class Ballots {
    private final int[][] rankings;
    private final long[] papers;
    private final long totalPapers;

    private Ballots(int[][] rankings, long[] papers) {
        this.rankings = rankings;
        this.papers = papers;
        long total = 0;
        for (long p : papers) total += p;
        this.totalPapers = total;
    }

    public int size() {
        return rankings.length;
    }

    /** The ranking of entry {@code i}; callers must not modify it (it is shared to keep counting allocation-free). */
    int[] ranking(int i) {
        return rankings[i];
    }

    public int[] rankingCopy(int i) {
        return rankings[i].clone();
    }

    public long papers(int i) {
        return papers[i];
    }

    public long totalPapers() {
        return totalPapers;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects rankings, merging identical ones; empty rankings are not valid votes and are dropped. */
    public static final class Builder {
        private final Map<Key, Integer> index = new HashMap<>();
        private int[][] rankings = new int[16][];
        private long[] papers = new long[16];
        private int size;

        public Builder add(int[] ranking, long count) {
            if (count < 1) throw new IllegalArgumentException("paper count must be positive, was " + count);
            if (ranking.length == 0) return this;
            Key key = new Key(ranking);
            Integer at = index.get(key);
            if (at != null) {
                papers[at] = Math.addExact(papers[at], count);
                return this;
            }
            if (size == rankings.length) {
                rankings = Arrays.copyOf(rankings, size * 2);
                papers = Arrays.copyOf(papers, size * 2);
            }
            int[] copy = ranking.clone();
            index.put(new Key(copy), size);
            rankings[size] = copy;
            papers[size] = count;
            size++;
            return this;
        }

        public Ballots build() {
            return new Ballots(Arrays.copyOf(rankings, size), Arrays.copyOf(papers, size));
        }
    }

    private record Key(int[] ranking) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.ranking, ranking);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ranking);
        }
    }
}
