package org.commonweal.platform.care;

import java.time.OffsetDateTime;

/** One run of the matcher for a group, with the greedy baseline's figures on the same requests and volunteers. */
public record MatchRun(long id, long groupId, OffsetDateTime runAt, int requests, int volunteers, int matched, long totalMetres,
                       int greedyMatched, long greedyMetres) {
    /** How many more requests the optimal match serves than cheapest-first would (never fewer: the engine is exact). */
    public int moreServed() {
        return matched - greedyMatched;
    }

    /** The travel saved against the greedy baseline, in km (negative when serving more people costs more travel). */
    public double kmSaved() {
        return (greedyMetres - totalMetres) / 1000.0;
    }

    public double totalKm() {
        return totalMetres / 1000.0;
    }
}
