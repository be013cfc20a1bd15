// Instant-runoff voting (the alternative vote), proposed by W. R. Ware in 1871: STV for one seat,
// where a candidate wins with more than half of the votes still in the count.
package org.commonweal.elections.stv;

import java.util.List;

/**
 * Exclude the lowest candidate, one at a time, until someone holds a majority of the continuing votes
 * (papers that have run out of preferences no longer count towards the majority). Every paper keeps the
 * value one, so the arithmetic is in whole votes. Ties use the same look-back-then-lot rule as STV.
 */
public final class InstantRunoff implements CountingRule {
    private static final FixedPoint WHOLE_VOTES = new FixedPoint(0);

    @Override
    public String name() {
        return "irv";
    }

    @Override
    public CountReport count(Election election, long seed) {
        if (election.seats() != 1) {
            throw new IllegalArgumentException("instant-runoff fills one seat, but the election has " + election.seats() + " (use one seat, or an STV rule)");
        }
        PaperPiles piles = new PaperPiles(election, WHOLE_VOTES, seed);
        CountLog log = piles.log;
        piles.firstPreferences();
        long majority = majority(piles);
        piles.recordStage(StageKind.FIRST_PREFERENCES, -1, "first preferences", majority);
        while (true) {
            List<Integer> continuing = log.hopeful();
            List<Integer> winners = log.reaching(piles.totals(), majority);
            if (!winners.isEmpty() || continuing.size() == 1) {
                log.electInOrder(winners.isEmpty() ? continuing : winners, piles.totals(), "majority winner");
                break;
            }
            int c = log.pickLowest(continuing, piles.totals(), "lowest candidate excluded");
            piles.exclude(c);
            majority = majority(piles);
            piles.recordStage(StageKind.EXCLUSION, c, "exclusion of " + log.name(c), majority);
        }
        return piles.report(name(), majority);
    }

    /** More than half of the votes held by continuing candidates. */
    private static long majority(PaperPiles piles) {
        long continuing = 0;
        for (int c : piles.log.hopeful()) continuing += piles.total(c);
        return continuing / 2 + 1;
    }
}
