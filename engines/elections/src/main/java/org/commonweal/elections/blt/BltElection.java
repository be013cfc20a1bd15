package org.commonweal.elections.blt;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a BLT file says: candidate names (candidate {@code i} is {@code candidates.get(i - 1)}),
 * seats, withdrawn candidates (1-based numbers), the ballot lines in file order and the title.
 */
public record BltElection(List<String> candidates, int seats, Set<Integer> withdrawn, List<BltBallot> ballots, String title) {
    public BltElection {
        candidates = List.copyOf(candidates);
        withdrawn = new TreeSet<>(withdrawn);
        ballots = List.copyOf(ballots);
        if (seats < 1) throw new IllegalArgumentException("seats must be at least 1, was " + seats);
        for (String name : candidates) requireOneLine(name, "candidate name");
        requireOneLine(title, "title");
        for (int w : withdrawn) {
            if (w < 1 || w > candidates.size()) throw new IllegalArgumentException("withdrawn candidate " + w + " does not exist");
        }
    }

    private static void requireOneLine(String text, String what) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) throw new IllegalArgumentException(what + " must be one line: " + text);
    }

    @Override
    public Set<Integer> withdrawn() {
        return java.util.Collections.unmodifiableSet(withdrawn);
    }

    /** Total number of ballot papers (the sum of the ballot lines' weights). */
    public long papers() {
        long total = 0;
        for (BltBallot b : ballots) total += b.weight();
        return total;
    }
}
