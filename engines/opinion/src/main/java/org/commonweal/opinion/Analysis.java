package org.commonweal.opinion;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one update of Polis's math produces. Ids are the caller's participant and statement ids. Maps are
 * sorted by key.
 *
 * @param participants        participants with at least one vote (Polis's n)
 * @param statements          statements with at least one vote (Polis's n-cmts)
 * @param userVoteCounts      votes cast by each participant (passes included)
 * @param inConversation      participants clustered: at least min(7, statements) votes, topped up to 15 by the
 *                            most active, and everyone who was in before
 * @param projections         every participant's place on the map
 * @param pca                 the principal components and statement projections
 * @param baseClusters        the base clusters (k = 100) of in-conversation participants
 * @param groups              the opinion groups, by id
 * @param groupVotes          per group id, per statement, how the group voted
 * @param repness             per group id, the statements that set it apart (at most five; agrees first)
 * @param consensus           overall consensus statements
 * @param groupAwareConsensus per statement, the product over groups of each group's agree probability
 * @param priorities          per statement, Polis's priority for choosing the next statement to show
 * @param state               what the next update needs: pass it to {@link OpinionMath#update}
 */
public record Analysis(int participants, int statements, Map<Long, Integer> userVoteCounts, Set<Long> inConversation,
                       Map<Long, Point> projections, Pca pca, List<Cluster> baseClusters, List<Group> groups,
                       Map<Integer, Map<Long, VoteCounts>> groupVotes, Map<Integer, List<RepStatement>> repness,
                       Consensus consensus, Map<Long, Double> groupAwareConsensus, Map<Long, Double> priorities,
                       OpinionState state) {

    /** Priority of a statement nobody has voted on yet (Polis's formula with no votes and extremity 0). */
    public static final double NEW_STATEMENT_PRIORITY = Priorities.priority(false, 0, 0, 0, 0.0);

    /** The group a participant belongs to, if they are in the conversation. */
    public Optional<Group> groupOf(long participant) {
        for (Group g : groups) {
            if (java.util.Collections.binarySearch(g.members(), participant) >= 0) return Optional.of(g);
        }
        return Optional.empty();
    }

    /** A statement's priority; {@link #NEW_STATEMENT_PRIORITY} for one without votes. */
    public double priority(long statement) {
        return priorities.getOrDefault(statement, NEW_STATEMENT_PRIORITY);
    }
}
