package org.commonweal.matching;

import java.util.List;

/**
 * An assignment of volunteers to requests.
 *
 * @param matches   in the order of the requests in the input
 * @param unmatched the ids of the requests no volunteer took, in input order
 * @param totalMetres the summed cost, in whole metres: what the optimum minimises exactly
 */
public record Matching(List<Match> matches, List<String> unmatched, long totalMetres) {
    public Matching {
        matches = List.copyOf(matches);
        unmatched = List.copyOf(unmatched);
    }

    public int matched() {
        return matches.size();
    }

    public double totalKm() {
        return totalMetres / 1000.0;
    }
}
