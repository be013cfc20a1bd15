package org.commonweal.platform.opportunities;

import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.PlaceService;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What a coordinator types for a session: its role (one of the opportunity's), day, start and end time (UK), place, venue, places. */
record ShiftDetails(String role, OffsetDateTime startsAt, OffsetDateTime endsAt, long placeId, String venue, int capacity) {
    static final String[] FIELDS = {"role", "date", "startTime", "endTime", "place", "venue", "capacity"};
    static final int MAX_CAPACITY = 10_000;

    static Optional<ShiftDetails> read(Form form, Opportunity o, PlaceService places) {
        String role = form.value("role").strip();
        if (!o.roles().contains(role)) form.error("role", "opportunities.error.shift.role");
        LocalDate day = form.date("date", "opportunities.error.shift.date");
        OffsetDateTime start = at(form, day, "startTime");
        OffsetDateTime end = at(form, day, "endTime");
        if (start != null && end != null && !end.isAfter(start)) form.error("endTime", "opportunities.error.shift.endBeforeStart");
        Long place = OpportunityDetails.parseId(form.value("place")).filter(id -> places.find(id).isPresent()).orElse(null);
        if (place == null) form.error("place", "opportunities.error.shift.place");
        String venue = form.value("venue").strip();
        form.set("venue", venue);
        if (venue.length() > 500) form.error("venue", "opportunities.error.shift.venue");
        Integer capacity = null;
        try {
            capacity = Integer.parseInt(form.value("capacity").strip());
        } catch (NumberFormatException e) {
            // the range check below names the field
        }
        if (capacity == null || capacity < 1 || capacity > MAX_CAPACITY) form.error("capacity", "opportunities.error.shift.capacity");
        if (form.hasErrors()) return Optional.empty();
        return Optional.of(new ShiftDetails(role, start, end, place, venue.isEmpty() ? null : venue, capacity));
    }

    private static OffsetDateTime at(Form form, LocalDate day, String field) {
        if (day == null) return null;
        try {
            // In the autumn hour that happens twice the earlier one is meant; a time in the spring gap moves on an hour.
            return ZonedDateTime.ofLocal(day.atTime(LocalTime.parse(form.value(field).strip())), Opportunity.ZONE, null).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            form.error(field, "opportunities.error.shift.time");
            return null;
        }
    }
}
