// Weighted inclusive Gregory method (WIGM) as in the "model WIGM" rule of J. Lundell's Droop STV package
// (2010): the transfer rule of SSI 2007/42 rule 48(3) with a fractional Droop quota and nine decimals.
package org.commonweal.elections.stv;

/**
 * The same stages as {@link ScottishStv} (largest surplus first, every paper of an elected candidate
 * moving on at value × surplus / total, exclusion at received value, look-back then lot for ties), but
 * the quota is the exact Droop quota valid / (seats + 1) truncated to nine decimals plus 10^-9, the
 * smallest value that more than {@code seats} candidates cannot all reach, and transfer values keep nine
 * decimals, so far less vote value is lost to truncation than under the Order's five.
 */
public final class WeightedInclusiveGregory implements CountingRule {
    static final FixedPoint NINE_DECIMALS = new FixedPoint(9);

    @Override
    public String name() {
        return "wigm";
    }

    @Override
    public CountReport count(Election election, long seed) {
        long quota = NINE_DECIMALS.of(election.ballots().totalPapers()) / (election.seats() + 1) + 1;
        return GregoryCount.count(name(), election, NINE_DECIMALS, quota, seed);
    }
}
