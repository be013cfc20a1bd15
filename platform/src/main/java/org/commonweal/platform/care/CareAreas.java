package org.commonweal.platform.care;

import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who coordinates where: a group's volunteer coordinators (a role in the groups feature) match the requests in the
 * group's places and every place inside them, and no others ("only their area").
 */
final class CareAreas {
    static final String COORDINATOR = "volunteer_coordinator";
    private final Groups groups;
    private final PlaceService places;

    CareAreas(Groups groups, PlaceService places) {
        this.groups = groups;
        this.places = places;
    }

    /** The groups the account is a current volunteer coordinator of. */
    List<Group.Summary> coordinated(long accountId) {
        return groups.memberships(accountId).stream().filter(m -> COORDINATOR.equals(m.role())).map(Group.Membership::group).toList();
    }

    boolean coordinates(long accountId, long groupId) {
        return groups.role(groupId, accountId).filter(COORDINATOR::equals).isPresent();
    }

    boolean isGroup(long groupId) {
        return groups.name(groupId).isPresent();
    }

    /** The group's places and the places inside them; empty for a group that names none. */
    Set<Long> area(long groupId) {
        Set<Long> area = new HashSet<>();
        groups.find(groupId).ifPresent(g -> g.placeIds().forEach(p -> area.addAll(places.within(p))));
        return area;
    }

    /** Whether the account coordinates a group whose area holds the place. */
    boolean coordinatesPlace(long accountId, long placeId) {
        return coordinated(accountId).stream().anyMatch(g -> area(g.id()).contains(placeId));
    }
}
