package org.commonweal.pb;

import java.util.Comparator;
import java.util.stream.IntStream;

/** A {@link TieBreak} turned into one integer rank per project (0 wins every tie), so rules compare ints in their inner loops. */
public final class TieOrder {
    private TieOrder() {
    }

    public static int[] ranks(Instance instance, TieBreak tieBreak) {
        Comparator<Integer> order = tieBreak.comparator(instance);
        Integer[] sorted = IntStream.range(0, instance.projects().size()).boxed().sorted(order).toArray(Integer[]::new);
        int[] rank = new int[sorted.length];
        for (int r = 0; r < sorted.length; r++) rank[sorted[r]] = r;
        return rank;
    }
}
