package org.commonweal.opinion;

import java.util.List;

/**
 * One cluster of a k-means clustering as Polis keeps it between updates: a base cluster's members are participant
 * ids; a group clustering's members are base-cluster ids. Kept in {@link OpinionState} as the warm start.
 */
public record Cluster(int id, List<Long> members, Point center) {
    public Cluster {
        members = List.copyOf(members);
    }
}
