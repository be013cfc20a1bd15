package org.commonweal.elections.model;

import java.util.List;
import java.util.Map;

/** One multi-member seat of the STV projection: its constituencies (ids), its number of members and who wins them. */
public record StvSeat(String name, String region, List<String> constituencies, int seats, Map<String, Integer> elected) {
}
