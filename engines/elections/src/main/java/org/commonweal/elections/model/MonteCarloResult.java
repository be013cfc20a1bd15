package org.commonweal.elections.model;

import java.util.List;
import java.util.Map;

/**
 * The outcome of {@code runs} noisy evaluations of a scenario from {@code seed}; the same seed gives the same
 * result. {@code mostSeats}: in how many runs each label won more seats than any other (runs with a tie for
 * most count for nobody); {@code majority}: in how many it won at least {@code majorityAt} seats (more than half).
 */
public record MonteCarloResult(int runs, long seed, List<SeatRange> seatTotals, List<SeatOdds> seats, Map<String, Integer> mostSeats,
                               Map<String, Integer> majority, int majorityAt) {
}
