package org.commonweal.elections.stv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A large, repeatable election for benchmarks: candidates have unequal popularity (the i-th most popular
 * has weight proportional to 1/(i+1)) and each voter ranks one to six of them, drawn in turn with
 * probability proportional to popularity (a Plackett-Luce model). Identical rankings are grouped as
 * they are generated, as a real count would group them.
 */
public final class SyntheticElection {
    private static final int MAX_RANKED = 6;
    private static final int WEIGHT_SCALE = 1_000_000;

    private SyntheticElection() {
    }

    public static Election generate(int candidates, int seats, long papers, long seed) {
        if (candidates < 2) throw new IllegalArgumentException("need at least 2 candidates, got " + candidates);
        SplittableRandom random = new SplittableRandom(seed);
        int[] weight = new int[candidates];
        for (int i = 0; i < candidates; i++) weight[i] = WEIGHT_SCALE / (i + 1);
        for (int i = candidates - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = weight[i];
            weight[i] = weight[j];
            weight[j] = t;
        }
        long fullWeight = 0;
        for (int w : weight) fullWeight += w;

        Ballots.Builder builder = Ballots.builder();
        boolean[] taken = new boolean[candidates];
        int[] ranking = new int[Math.min(MAX_RANKED, candidates)];
        for (long v = 0; v < papers; v++) {
            int length = 1 + random.nextInt(ranking.length);
            long remaining = fullWeight;
            for (int k = 0; k < length; k++) {
                long pick = random.nextLong(remaining);
                int c = 0;
                while (true) {
                    if (!taken[c]) {
                        if (pick < weight[c]) break;
                        pick -= weight[c];
                    }
                    c++;
                }
                taken[c] = true;
                remaining -= weight[c];
                ranking[k] = c;
            }
            for (int k = 0; k < length; k++) taken[ranking[k]] = false;
            builder.add(java.util.Arrays.copyOf(ranking, length), 1);
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= candidates; i++) names.add("Candidate " + i);
        return new Election("synthetic: " + papers + " papers, seed " + seed, names, seats, builder.build());
    }
}
