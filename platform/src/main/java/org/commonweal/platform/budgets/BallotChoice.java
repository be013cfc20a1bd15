package org.commonweal.platform.budgets;

import java.util.List;

/**
 * A valid ballot's content: proposal ids (in rank order for ranked ballots) and, for cumulative ballots,
 * the points given to each (parallel to the ids; null otherwise).
 */
public record BallotChoice(List<Long> proposalIds, List<Integer> points) {
    public BallotChoice {
        proposalIds = List.copyOf(proposalIds);
        points = points == null ? null : List.copyOf(points);
    }
}
