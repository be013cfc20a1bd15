package org.commonweal.elections.stv;

import java.util.List;

/**
 * The weighted inclusive Gregory count that SSI 2007/42 rules 45-52 prescribe, at a chosen decimal
 * precision; {@link ScottishStv} and {@link WeightedInclusiveGregory} differ only in that precision.
 * Each stage transfers the largest surplus or, when none is left, excludes the lowest candidate;
 * the Order allows no deferral of surpluses, so neither does this count.
 */
final class GregoryCount {
    private GregoryCount() {
    }

    static CountReport count(String rule, Election election, FixedPoint arithmetic, long seed) {
        PaperPiles piles = new PaperPiles(election, arithmetic, seed);
        // Rule 46: the Droop quota in whole votes.
        long quota = arithmetic.of(election.ballots().totalPapers() / (election.seats() + 1) + 1);
        piles.firstPreferences();
        piles.recordStage(StageKind.FIRST_PREFERENCES, -1, "first preferences", quota);
        List<Integer> awaitingTransfer = new java.util.ArrayList<>();
        while (true) {
            if (piles.fillLastVacancies()) break;
            // Rule 47: everyone at or above the quota is elected, highest first.
            List<Integer> reached = piles.reaching(quota);
            piles.electInOrder(reached, "order of election");
            for (int c : reached) if (piles.total(c) > quota) awaitingTransfer.add(c);
            if (piles.fillLastVacancies()) break;
            if (!awaitingTransfer.isEmpty()) {
                // Rule 49: the largest surplus first; equal surpluses by the earlier stages, then by lot.
                int c = piles.pickHighest(awaitingTransfer, "largest surplus transferred first");
                awaitingTransfer.remove(Integer.valueOf(c));
                String surplus = arithmetic.format(piles.total(c) - quota);
                piles.transferSurplus(c, quota);
                piles.recordStage(StageKind.SURPLUS, c, "surplus of " + name(election, c) + " (" + surplus + ")", quota);
                continue;
            }
            // Rules 50-51: exclude the lowest; equal lowest by the earlier stages, then by lot.
            int c = piles.pickLowest(piles.hopeful(), "lowest candidate excluded");
            piles.exclude(c);
            piles.recordStage(StageKind.EXCLUSION, c, "exclusion of " + name(election, c), quota);
        }
        return piles.report(rule, quota);
    }

    private static String name(Election election, int c) {
        return election.candidates().get(c);
    }
}
