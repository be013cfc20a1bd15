package org.commonweal.elections.model;

import java.util.List;
import java.util.Map;

/**
 * The central (noise-free) outcome of a scenario. Seat maps list the most seats first, then by label;
 * {@code changes} lists the seats whose winning label differs; {@code dHondt}, {@code sainteLague} and
 * {@code ams} are the totals of the regional comparisons, counted on the votes before any stand-down.
 * {@code votesBefore} and {@code votesAfter} are the votes of every label in all constituencies as given and
 * after the polls, swings and local factors (before any pact); {@code stvSeats} and {@code stv} are the STV
 * projection (empty without one).
 */
public record ScenarioResult(int constituencies, Map<String, Integer> seatsBefore, Map<String, Integer> seatsAfter,
                             List<SeatChange> changes, List<SeatOutcome> seats, List<RegionComparison> regions, Map<String, Integer> dHondt,
                             Map<String, Integer> sainteLague, Map<String, Integer> ams, Map<String, Long> votesBefore,
                             Map<String, Long> votesAfter, List<StvSeat> stvSeats, Map<String, Integer> stv) {
}
