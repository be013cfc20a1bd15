package org.commonweal.elections.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Vote shares to reach, in per cent, everywhere ({@code area} null) or in one region or nation: a poll.
 * Shares are balanced to 100% first — the parties not named share what is left in proportion to their
 * present votes; named shares above 100 in all are scaled down to 100 and the others get nothing — then
 * every party's vote is moved from its present share in the area to its balanced share by a swing of the
 * given kind (uniform: the same points in every constituency it contests, so that its share of the whole area
 * moves by the difference; proportional: the ratio). Only a vote cut to nothing in a seat (a uniform fall
 * larger than the party's share there) leaves the area's shares off the mark.
 */
public record Poll(String area, SwingKind kind, Map<String, BigDecimal> shares) {
    public Poll {
        shares = shares == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shares));
    }
}
