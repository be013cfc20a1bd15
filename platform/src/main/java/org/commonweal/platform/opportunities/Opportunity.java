package org.commonweal.platform.opportunities;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A volunteering opportunity a group posts: what it is, where, the themes it serves, the roles volunteers take in it, and
 * what a volunteer needs (skills from the shared list, a DBS check of at least a level, a minimum age).
 *
 * @param minDbs  the lowest DBS check a volunteer needs, a code of {@link #DBS_LEVELS} ("none" asks for none)
 * @param minAge  16 or 18, or null for no minimum
 */
public record Opportunity(long id, long groupId, String groupName, Long createdBy, String title, String description, List<Long> placeIds,
                          List<String> themes, List<String> roles, List<String> skills, String minDbs, Integer minAge, String schedule,
                          OffsetDateTime closedAt, OffsetDateTime updatedAt) {
    /** Sessions are typed and shown in UK time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** The DBS levels, lowest first: the codes of engines/matching's Dbs, so a volunteer's level compares with a requirement. */
    public static final List<String> DBS_LEVELS = List.of("none", "basic", "standard", "enhanced", "enhanced-barred");
    public static final List<String> SCHEDULES = List.of("regular", "one_off");
    public static final List<Integer> MIN_AGES = List.of(16, 18);

    public Opportunity {
        placeIds = List.copyOf(placeIds);
        themes = List.copyOf(themes);
        roles = List.copyOf(roles);
        skills = List.copyOf(skills);
    }

    public boolean open() {
        return closedAt == null;
    }

    public String url() {
        return url(id);
    }

    public static String url(long id) {
        return "/volunteering/" + id;
    }

    /** Whether a volunteer checked to {@code level} (a code, null for none) meets the DBS requirement. */
    public boolean dbsMetBy(String level) {
        return DBS_LEVELS.indexOf(level == null ? "none" : level) >= DBS_LEVELS.indexOf(minDbs);
    }
}
