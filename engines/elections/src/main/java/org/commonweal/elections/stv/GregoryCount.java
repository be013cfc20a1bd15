// The Scottish Local Government Elections Order 2007 (SSI 2007/42), Schedule 1 rules 47-52: the stages
// of a weighted inclusive Gregory count, shared by the rules that transfer surpluses this way.
package org.commonweal.elections.stv;

import java.util.ArrayList;
import java.util.List;

/**
 * The weighted inclusive Gregory count that SSI 2007/42 prescribes; {@link ScottishStv} and
 * {@link WeightedInclusiveGregory} differ only in their quota and decimal precision.
 * Each stage transfers the largest surplus or, when none is left, excludes the lowest candidate;
 * the Order allows no deferral of surpluses, so neither does this count.
 */
final class GregoryCount {
    private GregoryCount() {
    }

    /** @param quota in the arithmetic's scaled units; fixed for the whole count */
    static CountReport count(String rule, Election election, FixedPoint arithmetic, long quota, long seed) {
        PaperPiles piles = new PaperPiles(election, arithmetic, seed);
        CountLog log = piles.log;
        piles.firstPreferences();
        piles.recordStage(StageKind.FIRST_PREFERENCES, -1, "first preferences", quota);
        List<Integer> awaitingTransfer = new ArrayList<>();
        while (!log.fillLastVacancies()) {
            // Rule 47: everyone at or above the quota is elected, highest first.
            List<Integer> reached = log.reaching(piles.totals(), quota);
            log.electInOrder(reached, piles.totals(), "order of election");
            for (int c : reached) if (piles.total(c) > quota) awaitingTransfer.add(c);
            if (log.fillLastVacancies()) break;
            if (!awaitingTransfer.isEmpty()) {
                // Rule 49: the largest surplus first; equal surpluses by the earlier stages, then by lot.
                int c = log.pickHighest(awaitingTransfer, piles.totals(), "largest surplus transferred first");
                awaitingTransfer.remove(Integer.valueOf(c));
                String surplus = piles.format(piles.total(c) - quota);
                piles.transferSurplus(c, quota);
                piles.recordStage(StageKind.SURPLUS, c, "surplus of " + log.name(c) + " (" + surplus + ")", quota);
                continue;
            }
            // Rules 50-51: exclude the lowest; equal lowest by the earlier stages, then by lot.
            int c = log.pickLowest(log.hopeful(), piles.totals(), "lowest candidate excluded");
            piles.exclude(c);
            piles.recordStage(StageKind.EXCLUSION, c, "exclusion of " + log.name(c), quota);
        }
        return piles.report(rule, quota);
    }
}
