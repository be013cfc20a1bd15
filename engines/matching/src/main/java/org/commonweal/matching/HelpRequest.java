package org.commonweal.matching;

import java.util.Set;

/**
 * A request for help: what it needs, where, when, and whom the person would prefer.
 *
 * @param genderPreference the volunteer's gender the person asked for, or null for anyone
 * @param previousVolunteer the id of the volunteer who helped before, or null; keeping them costs nothing (continuity)
 */
public record HelpRequest(String id, Set<String> needs, Set<String> languages, Dbs dbs, double lat, double lon,
                          Set<String> slots, String genderPreference, String previousVolunteer) {
    public HelpRequest {
        needs = Set.copyOf(needs);
        languages = Set.copyOf(languages);
        slots = Set.copyOf(slots);
    }
}
