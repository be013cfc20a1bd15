package org.commonweal.elections.model;

import java.util.Map;

/** In how many Monte Carlo runs each label won this seat (most wins first); probability = wins / runs. */
public record SeatOdds(String id, String name, String region, Map<String, Integer> wins) {
}
