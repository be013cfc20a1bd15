package org.commonweal.elections.model;

import java.math.BigDecimal;

/**
 * The fraction {@code share} (0 to 1) of a withdrawn party's voters who go to {@code to}: a party label, or
 * {@link #ABSTAIN} (stay home), {@link #ALLY} (the best-placed alliance candidate standing in the seat) or
 * {@link #SPLIT} (spread over every remaining candidate in proportion to their votes). {@code sd} is the
 * standard deviation of its Monte Carlo noise.
 */
public record TransferShare(String to, BigDecimal share, BigDecimal sd) {
    public static final String ABSTAIN = "abstain";
    public static final String ALLY = "ally";
    public static final String SPLIT = "split";

    public TransferShare {
        if (sd == null) sd = BigDecimal.ZERO;
    }
}
