package org.commonweal.elections.stv;

import org.commonweal.elections.blt.BltBallot;
import org.commonweal.elections.blt.BltElection;

import java.util.List;

/**
 * What a count needs: the standing candidates (withdrawn ones already removed), the number of seats and
 * the grouped valid ballots over those candidates (0-based indices into {@link #candidates()}).
 */
public record Election(String title, List<String> candidates, int seats, Ballots ballots) {
    /** Ballots × 10^9 (Meek's and WIGM's scale) must fit a long. */
    public static final long MAX_PAPERS = 1_000_000_000L;
    /**
     * A count records every candidate's total at every stage, and there are about as many stages as
     * candidates, so its size grows with the square of the candidates: 1,000 keeps a report to tens of
     * megabytes and a count to seconds, far above any real STV ballot paper (NSW's upper house has had about 400).
     */
    public static final int MAX_CANDIDATES = 1_000;

    public Election {
        candidates = List.copyOf(candidates);
        if (seats < 1) throw new IllegalArgumentException("seats must be at least 1, was " + seats);
        if (ballots.totalPapers() > MAX_PAPERS) {
            throw new IllegalArgumentException(ballots.totalPapers() + " ballots is more than the " + MAX_PAPERS + " a count can hold exactly");
        }
        if (seats > candidates.size()) {
            throw new IllegalArgumentException(seats + " seats but only " + candidates.size() + " standing candidates");
        }
        if (candidates.size() > MAX_CANDIDATES) {
            throw new IllegalArgumentException(candidates.size() + " standing candidates; a count takes at most " + MAX_CANDIDATES
                    + " (its report holds every candidate's total at every stage)");
        }
    }

    /** Drops withdrawn candidates from the list and from every ballot, as if they had never stood. */
    public static Election fromBlt(BltElection blt, int seats) {
        int n = blt.candidates().size();
        int[] newIndex = new int[n + 1];
        List<String> standing = new java.util.ArrayList<>();
        for (int c = 1; c <= n; c++) {
            if (blt.withdrawn().contains(c)) {
                newIndex[c] = -1;
            } else {
                newIndex[c] = standing.size();
                standing.add(tidy(blt.candidates().get(c - 1)));
            }
        }
        Ballots.Builder builder = Ballots.builder();
        int[] buffer = new int[n];
        for (BltBallot b : blt.ballots()) {
            int length = 0;
            for (int i = 0; i < b.length(); i++) {
                int c = newIndex[b.preference(i)];
                if (c >= 0) buffer[length++] = c;
            }
            builder.add(java.util.Arrays.copyOf(buffer, length), b.weight());
        }
        Ballots ballots = builder.build();
        // With fewer ballots than seats some seat is filled by nobody's vote (by lot); a file like that is a mistake.
        if (ballots.totalPapers() < seats) {
            throw new IllegalArgumentException("too few ballots: " + ballots.totalPapers() + " ranking a standing candidate, for "
                    + seats + " seat" + (seats == 1 ? "" : "s"));
        }
        return new Election(blt.title(), standing, seats, ballots);
    }

    /** Published files pad names with stray spaces ("Kieran  Wild "); reports show them tidied. */
    private static String tidy(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }

    public static Election fromBlt(BltElection blt) {
        return fromBlt(blt, blt.seats());
    }

    public int candidateCount() {
        return candidates.size();
    }
}
