package org.commonweal.platform.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** An event as its pages show it, with its registration counts. */
public record Event(long id, Long organiserId, String organiserName, String kind, String title, String description,
                    OffsetDateTime startsAt, OffsetDateTime endsAt, long placeId, String placeName, String venue, String onlineUrl,
                    Integer capacity, boolean registrationOpen, int sequence, OffsetDateTime cancelledAt, String cancelReason,
                    String minutes, String outcomes, OffsetDateTime updatedAt, int registered, int waiting) {
    public static final List<String> KINDS = List.of("seminar", "meeting", "surgery", "decision_day", "other");
    /** Event times are the council's local times; UK councils keep UK time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public boolean online() {
        return onlineUrl != null;
    }

    public boolean full() {
        return capacity != null && registered >= capacity;
    }

    public boolean started(Instant now) {
        return !startsAt.toInstant().isAfter(now);
    }

    public boolean past() {
        return !endsAt.toInstant().isAfter(Instant.now());
    }

    /** Registration is offered while the event is open for it, not cancelled and not yet over. */
    public boolean acceptsRegistrations() {
        return registrationOpen && !cancelled() && !past();
    }

    /** "Tuesday 1 December 2026, 18:30 to 20:00" (end date repeated only when it differs), in UK time. */
    public String when() {
        return span(startsAt, endsAt);
    }

    static String span(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        var start = startsAt.atZoneSameInstant(ZONE);
        var end = endsAt.atZoneSameInstant(ZONE);
        String endText = start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : DAY_TIME.format(end);
        return DAY_TIME.format(start) + " – " + endText;
    }

    public Integer placesLeft() {
        return capacity == null ? null : Math.max(0, capacity - registered);
    }
}
