package org.commonweal.platform.care;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A volunteer for a request: a draft the coordinator reviews, a proposal the volunteer answers, ongoing once they
 * accept, declined, or ended.
 *
 * @param volunteerId the volunteer's account
 * @param costMetres  the travel the matcher counted (0 for the volunteer who helped before)
 * @param reasons     why this volunteer, in the engine's words
 */
public record CareMatch(long id, long requestId, long volunteerId, String volunteerName, long groupId, String status, long costMetres,
                        List<String> reasons, OffsetDateTime createdAt) {
    public static final String DRAFT = "draft", PROPOSED = "proposed", ACCEPTED = "accepted", DECLINED = "declined", ENDED = "ended";

    public CareMatch {
        reasons = List.copyOf(reasons);
    }

    public double km() {
        return costMetres / 1000.0;
    }
}
