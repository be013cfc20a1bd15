package org.commonweal.elections.model;

import java.math.BigDecimal;

/**
 * Tactical voting with nobody standing down: the fraction {@code share} (0 to 1) of {@code party}'s voters,
 * everywhere ({@code area} null) or in one region or nation, vote for the best-placed alliance candidate
 * wherever that is another party's candidate.
 */
public record Tactical(String party, String area, BigDecimal share) {
}
