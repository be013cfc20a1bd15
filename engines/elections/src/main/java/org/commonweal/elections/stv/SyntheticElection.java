package org.commonweal.elections.stv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A large, repeatable election for benchmarks: candidates have unequal popularity (the i-th most popular
 * has weight proportional to 1/(i+1)) and each voter ranks one to six of them, drawn in turn with
 * probability proportional to popularity (a Plackett-Luce model). Identical rankings are grouped, as
 * a real count would group them.
 */
public final class SyntheticElection {
    private static final int MAX_RANKED = 6;
    private static final int WEIGHT_SCALE = 1_000_000;

    private SyntheticElection() {
    }

    public static Election generate(int candidates, int seats, long papers, long seed) {
        if (candidates < 2 || candidates > 1000) throw new IllegalArgumentException("need 2 to 1000 candidates, got " + candidates);
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

        // Each ranking is packed into a long (base candidates + 1, at most six digits, so at most 1001^6 < 2^63);
        // sorting the codes groups identical rankings without a hash map entry per paper.
        long base = candidates + 1;
        long[] codes = new long[Math.toIntExact(papers)];
        boolean[] taken = new boolean[candidates];
        int[] ranking = new int[Math.min(MAX_RANKED, candidates)];
        for (int v = 0; v < codes.length; v++) {
            int length = 1 + random.nextInt(ranking.length);
            long remaining = fullWeight;
            long code = 0;
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
                code = code * base + c + 1;
            }
            for (int k = 0; k < length; k++) taken[ranking[k]] = false;
            codes[v] = code;
        }
        Arrays.sort(codes);
        Ballots.Builder builder = Ballots.builder();
        for (int i = 0; i < codes.length; ) {
            int j = i;
            while (j < codes.length && codes[j] == codes[i]) j++;
            builder.add(decode(codes[i], base), j - i);
            i = j;
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= candidates; i++) names.add("Candidate " + i);
        return new Election("synthetic: " + papers + " papers, seed " + seed, names, seats, builder.build());
    }

    private static int[] decode(long code, long base) {
        int length = 0;
        for (long c = code; c > 0; c /= base) length++;
        int[] ranking = new int[length];
        for (int k = length - 1; k >= 0; k--) {
            ranking[k] = (int) (code % base) - 1;
            code /= base;
        }
        return ranking;
    }
}
