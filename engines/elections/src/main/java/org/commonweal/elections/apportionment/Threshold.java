package org.commonweal.elections.apportionment;

import java.math.BigDecimal;

/**
 * A legal threshold: a party takes part in the allocation only if its votes are at least {@code percent}
 * per cent of the valid votes. Compared exactly (votes × 100 ≥ percent × total), so a party exactly on the
 * threshold qualifies.
 */
public record Threshold(BigDecimal percent) {
    public static final Threshold NONE = new Threshold(BigDecimal.ZERO);

    public Threshold {
        if (percent == null || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("threshold must be a percentage between 0 and 100, got " + percent);
        }
    }

    public boolean qualifies(long votes, long validVotes) {
        return BigDecimal.valueOf(votes).multiply(BigDecimal.valueOf(100))
                .compareTo(percent.multiply(BigDecimal.valueOf(validVotes))) >= 0;
    }
}
