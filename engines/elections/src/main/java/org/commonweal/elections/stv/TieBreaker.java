package org.commonweal.elections.stv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Settles ties the way the Scottish Order (rules 49(2)-(3) and 51(2)) does and the other rules borrow:
 * look back to the most recent stage at which the tied candidates had unequal votes; if they were equal
 * at every stage, draw lots. The lottery is a {@link SplittableRandom} seeded once per count, so a count
 * is repeatable from its recorded seed; every decision is logged.
 */
final class TieBreaker {
    private final long seed;
    private final SplittableRandom lottery;
    private final List<TieBreak> log = new ArrayList<>();

    TieBreaker(long seed) {
        this.seed = seed;
        this.lottery = new SplittableRandom(seed);
    }

    List<TieBreak> log() {
        return log;
    }

    long seed() {
        return seed;
    }

    /**
     * @param history stage totals, oldest first; {@code history.get(i)} are the totals at the end of stage i+1
     * @param highest true to pick the candidate who was ahead, false for the one who was behind
     */
    int pick(List<Integer> tied, List<long[]> history, boolean highest, int stage, String reason) {
        if (tied.size() == 1) return tied.get(0);
        // Plain arrays, narrowed in place: a count with many candidates level at zero looks back over every
        // stage for every exclusion, so this loop is what bounds the count's time.
        int[] remaining = tied.stream().mapToInt(Integer::intValue).sorted().toArray();
        int size = remaining.length;
        for (int s = history.size() - 1; s >= 0; s--) {
            long[] totals = history.get(s);
            long extreme = totals[remaining[0]];
            for (int i = 1; i < size; i++) extreme = highest ? Math.max(extreme, totals[remaining[i]]) : Math.min(extreme, totals[remaining[i]]);
            int kept = 0;
            for (int i = 0; i < size; i++) if (totals[remaining[i]] == extreme) remaining[kept++] = remaining[i];
            size = kept;
            if (size == 1) {
                log.add(new TieBreak(stage, reason, tied, remaining[0], s + 1, seed));
                return remaining[0];
            }
        }
        int chosen = remaining[lottery.nextInt(size)];
        log.add(new TieBreak(stage, reason, tied, chosen, 0, seed));
        return chosen;
    }
}
