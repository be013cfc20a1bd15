package org.commonweal.matching;

import java.util.Set;

/**
 * A volunteer as the matcher sees them: what they can do, where, when, and how many requests they can take on.
 *
 * @param gender their gender as they describe it, or null; compared, case-insensitively, with a request's preference
 */
public record Volunteer(String id, Set<String> skills, Set<String> languages, Dbs dbs, double lat, double lon,
                        double radiusKm, Set<String> slots, int capacity, String gender) {
    public Volunteer {
        skills = Set.copyOf(skills);
        languages = Set.copyOf(languages);
        slots = Set.copyOf(slots);
        if (capacity < 0) throw new IllegalArgumentException("capacity must not be negative");
    }
}
