package org.commonweal.platform.care;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A visit of an ongoing match as the volunteer logged it: its day, length and short note, and whether it is approved. */
public record CareVisit(long id, long matchId, LocalDate visitedOn, int minutes, String note, String status, String volunteerName,
                        OffsetDateTime approvedAt) {
    public boolean approved() {
        return "approved".equals(status);
    }
}
