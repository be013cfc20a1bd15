package org.commonweal.opinion;

import java.util.List;

/**
 * An opinion group: participants whose base clusters k-means put together.
 *
 * @param id           Polis's group id (0, 1, ...), the key of {@link Analysis#repness()}
 * @param members      participant ids, ascending
 * @param center       the weighted centre of its base clusters on the map
 * @param baseClusters ids of the base clusters it is made of
 */
public record Group(int id, List<Long> members, Point center, List<Integer> baseClusters) {
    public Group {
        members = List.copyOf(members);
        baseClusters = List.copyOf(baseClusters);
    }
}
