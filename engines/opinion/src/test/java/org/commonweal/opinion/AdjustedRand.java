package org.commonweal.opinion;

import java.util.HashMap;
import java.util.Map;

/** The adjusted Rand index of two labellings over the items both label (1 = identical partitions, ~0 = chance). */
final class AdjustedRand {
    private AdjustedRand() {
    }

    static double of(Map<Long, Integer> a, Map<Long, Integer> b) {
        Map<Long, Map<Integer, Integer>> table = new HashMap<>();
        Map<Integer, Integer> rowSums = new HashMap<>();
        Map<Integer, Integer> colSums = new HashMap<>();
        Map<String, Integer> cells = new HashMap<>();
        long n = 0;
        for (Map.Entry<Long, Integer> e : a.entrySet()) {
            Integer other = b.get(e.getKey());
            if (other == null) continue;
            cells.merge(e.getValue() + "/" + other, 1, Integer::sum);
            rowSums.merge(e.getValue(), 1, Integer::sum);
            colSums.merge(other, 1, Integer::sum);
            n++;
        }
        double index = cells.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double rows = rowSums.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double cols = colSums.values().stream().mapToDouble(AdjustedRand::pairs).sum();
        double expected = rows * cols / pairs(n);
        double max = (rows + cols) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    private static double pairs(long k) {
        return k * (k - 1) / 2.0;
    }
}
