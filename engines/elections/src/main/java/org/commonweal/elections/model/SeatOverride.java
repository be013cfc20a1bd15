package org.commonweal.elections.model;

import java.math.BigDecimal;

/** A local factor: {@code points} (percentage points of the seat's vote, either sign) added to {@code party} in one constituency (id or name). */
public record SeatOverride(String constituency, String party, BigDecimal points) {
}
