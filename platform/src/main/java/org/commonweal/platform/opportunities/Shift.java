package org.commonweal.platform.opportunities;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One session (shift) of an opportunity: a role, a time, a place and how many volunteers it takes; later sign-ups wait.
 */
public record Shift(long id, long opportunityId, String role, OffsetDateTime startsAt, OffsetDateTime endsAt, long placeId, String placeName,
                    String venue, int capacity, int signedUp, int waiting) {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    public boolean full() {
        return signedUp >= capacity;
    }

    public int placesLeft() {
        return Math.max(0, capacity - signedUp);
    }

    public boolean past() {
        return !endsAt.isAfter(OffsetDateTime.now());
    }

    /** "Saturday 12 December 2026, 10:00 – 13:00" (the end's day repeated only when it differs), in UK time. */
    public String when() {
        var start = startsAt.atZoneSameInstant(Opportunity.ZONE);
        var end = endsAt.atZoneSameInstant(Opportunity.ZONE);
        return DAY_TIME.format(start) + " – " + (start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : DAY_TIME.format(end));
    }

    /** The session's length in quarter hours, rounded down: what a volunteer who came may log at most. */
    public int quarters() {
        return (int) (java.time.Duration.between(startsAt, endsAt).toMinutes() / 15);
    }
}
