package org.commonweal.elections.stv;

/**
 * Ballot papers sitting with candidates in a count that moves them (Gregory methods and instant-runoff):
 * which candidate holds each group of identical papers and at what value per paper. A group always moves
 * as a whole (its papers share a ranking and a value), so the cost of a count depends on the number of
 * distinct rankings, not of papers.
 */
final class PaperPiles {
    final CountLog log;
    private final FixedPoint arithmetic;
    private final Ballots ballots;
    private final int[] position;
    private final long[] value;
    private final IntList[] piles;
    private final long[] totals;
    private long nonTransferable;
    private long loss;

    PaperPiles(Election election, FixedPoint arithmetic, long seed) {
        this.log = new CountLog(election, seed);
        this.arithmetic = arithmetic;
        this.ballots = election.ballots();
        int n = election.candidateCount();
        this.position = new int[ballots.size()];
        this.value = new long[ballots.size()];
        this.piles = new IntList[n];
        for (int c = 0; c < n; c++) piles[c] = new IntList();
        this.totals = new long[n];
    }

    /** Every paper to its first preference at full value. */
    void firstPreferences() {
        long one = arithmetic.one();
        for (int g = 0; g < ballots.size(); g++) {
            value[g] = one;
            position[g] = -1;
            moveOn(g);
        }
    }

    /** Sends a group to its next preference among continuing candidates, or to the non-transferable pile. */
    private long moveOn(int g) {
        int[] ranking = ballots.ranking(g);
        int p = position[g] + 1;
        while (p < ranking.length && !log.isHopeful(ranking[p])) p++;
        position[g] = p;
        long amount = Math.multiplyExact(ballots.papers(g), value[g]);
        if (p == ranking.length) {
            nonTransferable += amount;
        } else {
            int to = ranking[p];
            piles[to].add(g);
            totals[to] += amount;
        }
        return amount;
    }

    /**
     * Transfers every paper of an elected candidate at value × surplus / total, truncated to the
     * arithmetic's precision (SSI 2007/42 rule 48(3)); what truncation drops is recorded as loss.
     */
    void transferSurplus(int c, long quota) {
        long total = totals[c];
        long surplus = total - quota;
        IntList pile = piles[c];
        long moved = 0;
        for (int i = 0; i < pile.size(); i++) {
            int g = pile.get(i);
            value[g] = FixedPoint.mulDivFloor(value[g], surplus, total);
            moved += moveOn(g);
        }
        pile.clear();
        totals[c] = quota;
        loss += surplus - moved;
    }

    /** Excludes a candidate and transfers each of their papers at the value at which it was received. */
    void exclude(int c) {
        log.exclude(c);
        IntList pile = piles[c];
        for (int i = 0; i < pile.size(); i++) moveOn(pile.get(i));
        pile.clear();
        totals[c] = 0;
    }

    /** The live totals array: read it, never write it. */
    long[] totals() {
        return totals;
    }

    long total(int c) {
        return totals[c];
    }

    String format(long v) {
        return arithmetic.format(v);
    }

    void recordStage(StageKind kind, int subject, String description, long quota) {
        log.record(kind, subject, description, totals, nonTransferable, loss, quota, null);
    }

    CountReport report(String rule, long quota) {
        return log.report(rule, arithmetic.decimals(), quota);
    }
}
