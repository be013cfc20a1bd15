package org.commonweal.elections.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Vote shares to reach, in per cent, everywhere ({@code area} null) or in one region or nation: a poll.
 * Shares are balanced to 100% first — the parties not named share what is left in proportion to their
 * present votes; named shares above 100 in all are scaled down to 100 and the others get nothing — then
 * every party's vote is moved from its present share in the area to its balanced share by a swing of the
 * given kind (uniform: the difference in points in every constituency; proportional: the ratio).
 */
public record Poll(String area, SwingKind kind, Map<String, BigDecimal> shares) {
    public Poll {
        shares = shares == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shares));
    }
}
