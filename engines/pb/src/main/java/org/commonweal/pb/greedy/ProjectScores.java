package org.commonweal.pb.greedy;

import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;

/**
 * The score a city ranks projects by, computed from the ballots: approvals for approval and choose-1
 * ballots, total points for cumulative and scoring ballots, and for ordinal ballots positional points:
 * a voter who ranks k projects gives k points to the first, k-1 to the second, ..., 1 to the last.
 * The last rule is what the {@code score} column of every ordinal pabulib file holds (Kraków gives
 * 3/2/1 for its three choices; the US ranked-ballot files agree too), checked on all 70 such files.
 */
public final class ProjectScores {
    private ProjectScores() {
    }

    public static long[] of(Instance instance) {
        return switch (instance.voteType()) {
            case APPROVAL, CHOOSE_1 -> instance.supportCounts();
            case CUMULATIVE, SCORING -> instance.pointTotals();
            case ORDINAL -> positional(instance);
        };
    }

    private static long[] positional(Instance instance) {
        long[] scores = new long[instance.projects().size()];
        for (Ballot b : instance.ballots()) {
            int k = b.size();
            for (int i = 0; i < k; i++) scores[b.projects()[i]] += k - i;
        }
        return scores;
    }
}
