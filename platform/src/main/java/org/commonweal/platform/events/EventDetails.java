package org.commonweal.platform.events;

import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.PlaceService;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What an organiser types for an event, validated: errors go on the form's fields, and only a form without errors
 * gives details. Times are typed as UK local date and time; the stored instant is fixed when the form is read.
 */
record EventDetails(String kind, String title, String description, OffsetDateTime startsAt, OffsetDateTime endsAt, long placeId,
                    String venue, String onlineUrl, Integer capacity, boolean registrationOpen) {
    static final String[] FIELDS = {"kind", "title", "description", "startDate", "startTime", "endDate", "endTime", "place",
            "venue", "onlineUrl", "capacity", "registrationOpen", "group"};
    static final int MAX_CAPACITY = 100_000;

    static Optional<EventDetails> read(Form form, PlaceService places) {
        String kind = form.value("kind");
        if (!Event.KINDS.contains(kind)) form.error("kind", "events.error.kind");
        String title = form.requireText("title", 200, "events.error.title.required", "events.error.title.tooLong");
        String description = optionalText(form, "description", 5000, "events.error.description.tooLong");
        OffsetDateTime start = dateTime(form, "startDate", "startTime", "events.error.start");
        OffsetDateTime end = dateTime(form, "endDate", "endTime", "events.error.end");
        if (start != null && end != null && !end.isAfter(start)) form.error("endDate", "events.error.endBeforeStart");
        Long place = parseId(form.value("place")).filter(id -> places.find(id).isPresent()).orElse(null);
        if (place == null) form.error("place", "events.error.place");
        String venue = optionalText(form, "venue", 500, "events.error.venue.tooLong");
        String link = form.value("onlineUrl").strip();
        form.set("onlineUrl", link);
        if (venue.isEmpty() == link.isEmpty()) form.error("venue", "events.error.venueOrLink");
        if (!link.isEmpty() && !httpsLink(link)) form.error("onlineUrl", "events.error.onlineUrl");
        Integer capacity = capacity(form);
        boolean open = form.value("registrationOpen").equals("yes");
        if (form.hasErrors()) return Optional.empty();
        return Optional.of(new EventDetails(kind, title, description, start, end, place, venue.isEmpty() ? null : venue,
                link.isEmpty() ? null : link, capacity, open));
    }

    /** The form filled in from an event, for editing it. */
    static Form of(Event e) {
        var start = e.startsAt().atZoneSameInstant(Event.ZONE);
        var end = e.endsAt().atZoneSameInstant(Event.ZONE);
        return Form.empty().set("kind", e.kind()).set("title", e.title()).set("description", e.description())
                .set("startDate", start.toLocalDate().toString()).set("startTime", start.toLocalTime().toString())
                .set("endDate", end.toLocalDate().toString()).set("endTime", end.toLocalTime().toString())
                .set("place", String.valueOf(e.placeId())).set("venue", e.venue()).set("onlineUrl", e.onlineUrl())
                .set("capacity", e.capacity() == null ? "" : e.capacity().toString()).set("registrationOpen", e.registrationOpen() ? "yes" : "");
    }

    static String optionalText(Form form, String field, int max, String tooLongKey) {
        String v = form.value(field).strip();
        form.set(field, v);
        if (v.length() > max) form.error(field, tooLongKey);
        else if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) form.error(field, "error.controlCharacters");
        return v;
    }

    private static OffsetDateTime dateTime(Form form, String dateField, String timeField, String errorKey) {
        LocalDate date = form.date(dateField, errorKey);
        if (date == null) return null;
        try {
            LocalTime time = LocalTime.parse(form.value(timeField).strip());
            if (date.getYear() < 2000 || date.getYear() > 2100) throw new DateTimeParseException("out of range", date.toString(), 0);
            // In the autumn hour that happens twice the earlier one is meant; a time in the spring gap moves on an hour.
            return ZonedDateTime.ofLocal(date.atTime(time), Event.ZONE, null).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            form.error(dateField, errorKey);
            return null;
        }
    }

    private static Integer capacity(Form form) {
        String text = form.value("capacity").strip();
        form.set("capacity", text);
        if (text.isEmpty()) return null;
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_CAPACITY) return n;
        } catch (NumberFormatException e) {
            // falls through to the field error
        }
        form.error("capacity", "events.error.capacity");
        return null;
    }

    /** An absolute https address with a host and nothing that could break out of an attribute or a calendar line. */
    static boolean httpsLink(String link) {
        if (link.length() > 500 || link.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c >= 0x7f)) return false;
        if (!link.startsWith("https://")) return false;
        try {
            URI uri = new URI(link);
            return uri.getHost() != null && !uri.getHost().isEmpty() && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static Optional<Long> parseId(String value) {
        try {
            long id = Long.parseLong(value.strip());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
