// The Scottish Local Government Elections Order 2007 (SSI 2007/42), Schedule 1, rules 45-52:
// the STV count for Scottish council elections, in five-decimal fixed point with truncation.
package org.commonweal.elections.stv;

/**
 * Rule 48(3) gives every transferred paper the value (surplus × value when received) / (candidate's
 * total votes), "calculated to five decimal places (any remainder being ignored)": every paper the
 * candidate holds moves on, not only the last parcel received, which makes the Order a weighted
 * inclusive Gregory method. Values are longs scaled by 100000, so the arithmetic is integer only.
 */
public final class ScottishStv implements CountingRule {
    static final FixedPoint FIVE_DECIMALS = new FixedPoint(5);

    @Override
    public String name() {
        return "scottish";
    }

    @Override
    public CountReport count(Election election, long seed) {
        // Rule 46: the Droop quota in whole votes, floor(valid / (seats + 1)) + 1.
        long quota = FIVE_DECIMALS.of(election.ballots().totalPapers() / (election.seats() + 1) + 1);
        return GregoryCount.count(name(), election, FIVE_DECIMALS, quota, seed);
    }
}
