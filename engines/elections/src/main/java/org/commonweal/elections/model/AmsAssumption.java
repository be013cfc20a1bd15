package org.commonweal.elections.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How many list seats each region gets in the Additional Member System comparison, and what the list vote is.
 * Without a house size, every constituency keeps its member and a region gets its number of constituencies ×
 * listSeats / perConstituencies list seats, rounded half up (the default is the Scottish Parliament's
 * proportion, 56 list members to 73 constituencies). With a house size (e.g. 650 in all), {@code listSeats}
 * is the number of list members in the whole house and the rest are constituency members; each region gets
 * its share of both in proportion to its constituencies (largest remainder), and its constituency seats go
 * to the parties in proportion to the constituencies they win there (largest remainder), as if the
 * constituencies were redrawn larger. The house then has exactly {@code houseSize} members.
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
