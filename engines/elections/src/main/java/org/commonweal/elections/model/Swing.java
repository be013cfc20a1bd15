package org.commonweal.elections.model;

import java.math.BigDecimal;

/**
 * A change in one party's vote, everywhere ({@code area} null) or in the constituencies whose region or
 * nation is {@code area}. {@code sd} is the standard deviation of the Monte Carlo noise added to
 * {@code amount} once per run (in the same unit: points for uniform, ratio for proportional); zero for none.
 */
public record Swing(String party, String area, SwingKind kind, BigDecimal amount, BigDecimal sd) {
    public Swing {
        if (sd == null) sd = BigDecimal.ZERO;
    }
}
