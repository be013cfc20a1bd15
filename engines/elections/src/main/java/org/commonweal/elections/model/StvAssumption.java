package org.commonweal.elections.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to project a single transferable vote election from the same votes: constituencies grouped into
 * multi-member seats, each electing as many members as it has constituencies. {@code groups} names each
 * seat and lists its constituencies (ids or names); when null, {@link StvGrouping#adjacent} builds them
 * from adjacent constituencies within a region, about {@code seatsPerGroup} at a time. {@code transfers}
 * is the transfer matrix: for each party, the fraction of its votes that goes to each other party when its
 * last candidate is out (the rest exhaust).
 */
public record StvAssumption(Map<String, List<String>> groups, int seatsPerGroup, Map<String, Map<String, BigDecimal>> transfers) {
    public static final int DEFAULT_SEATS_PER_GROUP = 5;

    public StvAssumption {
        if (groups != null) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            groups.forEach((name, seats) -> copy.put(name, List.copyOf(seats)));
            groups = java.util.Collections.unmodifiableMap(copy);
        }
        Map<String, Map<String, BigDecimal>> matrix = new LinkedHashMap<>();
        if (transfers != null) transfers.forEach((from, row) -> matrix.put(from, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(row))));
        transfers = java.util.Collections.unmodifiableMap(matrix);
    }
}
