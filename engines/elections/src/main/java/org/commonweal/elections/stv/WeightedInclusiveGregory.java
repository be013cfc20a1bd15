// Weighted inclusive Gregory method (WIGM), as described by the Electoral Reform Society and used with
// nine decimals here: all papers of an elected candidate move on at value × surplus / total.
package org.commonweal.elections.stv;

/**
 * The same count as {@link ScottishStv} (Droop quota, largest surplus first, exclusion at received
 * value, look-back then lot for ties) with transfer values truncated to nine decimal places instead of
 * five, so that far less vote value is lost to truncation on large electorates.
 */
public final class WeightedInclusiveGregory implements CountingRule {
    static final FixedPoint NINE_DECIMALS = new FixedPoint(9);

    @Override
    public String name() {
        return "wigm";
    }

    @Override
    public CountReport count(Election election, long seed) {
        return GregoryCount.count(name(), election, NINE_DECIMALS, seed);
    }
}
