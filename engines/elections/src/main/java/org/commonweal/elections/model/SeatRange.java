package org.commonweal.elections.model;

/**
 * One label's seat total across the Monte Carlo runs: the mean (sum / runs, for display), and the 5th,
 * 50th and 95th percentiles (nearest rank on the sorted totals).
 */
public record SeatRange(String party, double mean, int p5, int median, int p95) {
}
