package org.commonweal.pb;

import java.util.Map;

/**
 * One voter's ballot. {@code projects} are indices into {@link Instance#projects()}, in the order the
 * voter gave them (rank order for ordinal ballots). {@code points} is parallel to {@code projects} for
 * cumulative and scoring ballots and null otherwise. {@code columns} keeps every VOTES column of the
 * source file as written (voter_id, vote, points, age, sex, ...) for a lossless round trip.
 * Arrays are owned by the ballot: callers must not modify them.
 */
public record Ballot(String voterId, int[] projects, long[] points, Map<String, String> columns) {
    public Ballot {
        if (points != null && points.length != projects.length) {
            throw new IllegalArgumentException("voter " + voterId + ": " + projects.length + " projects but " + points.length + " points");
        }
        columns = Columns.copyOf(columns);
    }

    public int size() {
        return projects.length;
    }

    /** Points given to the i-th listed project; 1 for approval, choose-1 and ordinal ballots. */
    public long pointsAt(int i) {
        return points == null ? 1 : points[i];
    }
}
