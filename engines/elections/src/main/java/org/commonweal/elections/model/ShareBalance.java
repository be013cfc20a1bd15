package org.commonweal.elections.model;

/**
 * Balances vote shares to 100%: the parties given a share keep it, and the others share what is left in
 * proportion to their present votes; when the given shares reach 100 or more (or no other party has
 * votes), they are scaled to add up to exactly 100 and the others get nothing. Shares are in millionths
 * of a percentage point, so 100% is {@link FixedPoint#HUNDRED_MILLION}.
 */
final class ShareBalance {
    static final long UNSET = -1;

    private ShareBalance() {
    }

    /**
     * @param votes  present votes by party
     * @param target the share wanted by party, or {@link #UNSET}
     * @return every party's balanced share (they add up to 100% give or take rounding)
     * @throws IllegalArgumentException when the given shares are all 0 and nobody else has votes
     */
    static long[] balance(long[] votes, long[] target) {
        long given = 0;
        long othersVotes = 0;
        for (int p = 0; p < votes.length; p++) {
            if (target[p] == UNSET) othersVotes += votes[p];
            else given += target[p];
        }
        long[] out = new long[votes.length];
        boolean scale = given >= FixedPoint.HUNDRED_MILLION || othersVotes == 0;
        if (scale && given == 0) throw new IllegalArgumentException("the shares add up to 0 and no other party has votes");
        for (int p = 0; p < votes.length; p++) {
            if (target[p] != UNSET) {
                out[p] = scale ? FixedPoint.divideRounded(target[p] * FixedPoint.HUNDRED_MILLION, given) : target[p];
            } else if (!scale) {
                out[p] = Math.round((double) (FixedPoint.HUNDRED_MILLION - given) * votes[p] / othersVotes);
            }
        }
        return out;
    }

    /** A party's present share of {@code total} votes, in millionths of a point. */
    static long share(long votes, long total) {
        return total == 0 ? 0 : FixedPoint.divideRounded(votes * FixedPoint.HUNDRED_MILLION, total);
    }
}
