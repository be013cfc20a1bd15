package org.commonweal.elections.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How many list seats each region gets in the Additional Member System comparison, and what the list vote is.
 * Without a house size, a region gets its number of constituencies × listSeats / perConstituencies list
 * seats, rounded half up (the default is the Scottish Parliament's proportion, 56 list members to 73
 * constituencies). With a house size (e.g. 650 in all), the list seats are the house size less the
 * constituencies, shared among the regions in proportion to their constituencies (largest remainder).
 * The list vote is the constituency vote before any stand-down unless {@code listShares} gives national
 * list vote shares in per cent (balanced as a {@link Poll}; each party's vote scaled to its share).
 */
public record AmsAssumption(int listSeats, int perConstituencies, int houseSize, Map<String, BigDecimal> listShares) {
    public static final AmsAssumption SCOTTISH_PARLIAMENT = new AmsAssumption(56, 73);

    public AmsAssumption {
        listShares = listShares == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(listShares));
    }

    public AmsAssumption(int listSeats, int perConstituencies) {
        this(listSeats, perConstituencies, 0, null);
    }

    public int listSeatsFor(int constituencies) {
        return (int) ((2L * constituencies * listSeats + perConstituencies) / (2L * perConstituencies));
    }
}
