package org.commonweal.elections.apportionment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seats per party, in the order the parties were given, and the order in which seats were awarded (for a
 * divisor method, seat by seat; for a largest-remainder method, the automatic seats then the remainder seats).
 */
public record Allocation(Map<String, Integer> seats, List<String> awardOrder) {
    public Allocation {
        seats = Collections.unmodifiableMap(new LinkedHashMap<>(seats));
        awardOrder = List.copyOf(awardOrder);
    }

    public int seatsOf(String party) {
        return seats.getOrDefault(party, 0);
    }

    public int total() {
        return seats.values().stream().mapToInt(Integer::intValue).sum();
    }
}
