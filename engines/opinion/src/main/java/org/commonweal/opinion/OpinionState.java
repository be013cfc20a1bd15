package org.commonweal.opinion;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one update hands to the next, as Polis's math worker keeps it: the warm starts (principal components,
 * base clusters, every group clustering tried) and the history-dependent parts (who is in the conversation, the
 * k-smoother, the group votes the next priorities are computed from). Plain records and collections, so a caller
 * can store it as JSON. {@code null} in place of a state means a first update.
 *
 * @param componentStatements the statement of each entry of the components
 * @param components          the principal components (two, or fewer for a tiny matrix), one entry per statement
 * @param baseClusters        base clusters (members: participant ids)
 * @param groupClusterings    for each k tried, its clustering of the base clusters (members: base-cluster ids)
 * @param kSmoother           the k-smoothing record
 * @param inConversation      participants in the conversation; once in, a participant stays in
 * @param groupVotes          per group id, per statement, the group's votes; Polis computes priorities from the
 *                            previous update's group votes
 */
public record OpinionState(List<Long> componentStatements, List<double[]> components, List<Cluster> baseClusters,
                           Map<Integer, List<Cluster>> groupClusterings, KSmoother kSmoother, Set<Long> inConversation,
                           Map<Integer, Map<Long, VoteCounts>> groupVotes) {
    public OpinionState {
        componentStatements = List.copyOf(componentStatements);
        components = List.copyOf(components);
        baseClusters = List.copyOf(baseClusters);
        groupClusterings = Map.copyOf(groupClusterings);
        inConversation = Set.copyOf(inConversation);
        groupVotes = Map.copyOf(groupVotes);
    }
}
