package org.commonweal.platform.volunteers;

import java.time.LocalDate;
import java.util.List;

/**
 * A volunteer as other features see them (matching, shifts): what they offer, where, when, how much, and the highest
 * DBS level a safeguarding lead has verified and that is still valid. Never the certificate's details.
 *
 * @param id          the volunteer record's id
 * @param accountId   their account; null while a record a group imported waits to be claimed
 * @param skills      codes of {@code core/skills} {@code Skills.ALL}
 * @param languages   ISO 639-1 codes
 * @param slots       weekly slots of {@link Slots#ALL} ({@code mon-am}, ...)
 * @param homePlaceId the place (ward or neighbourhood) they live in, or null
 * @param lat         their home point, or null when they gave none (places have no coordinates)
 * @param radiusKm    how far they will travel
 * @param capacity    the most ongoing matches they take on
 * @param gender      as they describe it, or null; only for a requester's preference
 * @param dbs         the highest verified, valid DBS level ({@link DbsLevel#NONE} when none)
 * @param dbsValidUntil when that check needs renewing; null with {@link DbsLevel#NONE}
 * @param groupIds    the groups they volunteer with
 */
public record VolunteerProfile(long id, Long accountId, String displayName, List<String> skills, List<String> languages,
                               List<String> slots, Long homePlaceId, Double lat, Double lon, int radiusKm, int capacity,
                               String gender, DbsLevel dbs, LocalDate dbsValidUntil, List<Long> groupIds, List<String> interests,
                               List<String> transport, Integer maxHoursWeek, String source, String externalId) {
    public VolunteerProfile {
        skills = List.copyOf(skills);
        languages = List.copyOf(languages);
        slots = List.copyOf(slots);
        groupIds = List.copyOf(groupIds);
        interests = List.copyOf(interests);
        transport = List.copyOf(transport);
    }

    public boolean hasHomePoint() {
        return lat != null;
    }

    public boolean claimed() {
        return accountId != null;
    }
}
