package org.commonweal.elections.stv;

import java.util.List;

/**
 * One stage of a count, as the returning officer's result sheet shows it. Vote figures are scaled
 * integers (see {@link CountReport#decimals()}); {@code totals} are at the end of the stage,
 * {@code transfers} the change during it; {@code nonTransferable} and {@code loss} (value lost by
 * truncating transfer values) are cumulative. {@code keepFactors} is null except for Meek counts.
 */
public record Stage(int number, StageKind kind, int subject, String description, long[] totals, long[] transfers,
                    long nonTransferable, long loss, long quota, List<Integer> elected, List<Integer> excluded,
                    long[] keepFactors) {
    public Stage {
        totals = totals.clone();
        transfers = transfers.clone();
        keepFactors = keepFactors == null ? null : keepFactors.clone();
        elected = List.copyOf(elected);
        excluded = List.copyOf(excluded);
    }

    @Override
    public long[] totals() {
        return totals.clone();
    }

    @Override
    public long[] transfers() {
        return transfers.clone();
    }

    @Override
    public long[] keepFactors() {
        return keepFactors == null ? null : keepFactors.clone();
    }

    public long total(int candidate) {
        return totals[candidate];
    }

    public long transfer(int candidate) {
        return transfers[candidate];
    }

    /** Candidates' votes plus non-transferable plus truncation loss: equal to the valid poll at every stage. */
    public long accountedFor() {
        long sum = nonTransferable + loss;
        for (long t : totals) sum += t;
        return sum;
    }
}
