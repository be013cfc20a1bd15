package org.commonweal.elections.model;

import java.util.List;

/** The outcome of {@code runs} noisy evaluations of a scenario from {@code seed}; the same seed gives the same result. */
public record MonteCarloResult(int runs, long seed, List<SeatRange> seatTotals, List<SeatOdds> seats) {
}
