package org.commonweal.platform.care;

import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.skills.Skills;
import org.commonweal.platform.volunteers.Languages;
import org.commonweal.platform.volunteers.Slots;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The help request form: its fields, the several-valued ones, and the rules a request must meet before it is stored. */
final class RequestForm {
    static final String[] FIELDS = {"forWhom", "personName", "personEmail", "relationship", "consent", "consentDate", "kind", "skills",
            "schedule", "date", "slots", "place", "lat", "lon", "languages", "gender", "continuity", "safeguarding", "needs"};
    /** Fields posted as several checkboxes, joined with commas into one form value. */
    static final List<String> SEVERAL = List.of("skills", "slots", "languages");
    static final int NEEDS_MAX = 1000;

    /** A checked request, ready to store; the person and consent are settled by {@link CareRequests#create}. */
    record Draft(boolean forSelf, String personName, String personEmail, String relationship, String consent, LocalDate consentGivenOn,
                 String kind, List<String> skills, LocalDate oneOffOn, List<String> slots, long placeId, double lat, double lon,
                 List<String> languages, String genderPreference, boolean continuity, String safeguarding, String needs) {
    }

    private RequestForm() {
    }

    static Optional<Draft> check(Form form, PlaceService places, LocalDate today) {
        boolean forSelf = !"someone".equals(form.value("forWhom"));
        String personName = "", email = "", relationship = "self", consent = "self";
        LocalDate consentOn = null;
        if (!forSelf) {
            personName = form.requireText("personName", 200, "care.error.personName", "care.error.personName.tooLong");
            email = form.value("personEmail").strip().toLowerCase(java.util.Locale.ROOT);
            form.set("personEmail", email);
            if (email.length() > 254 || (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) form.error("personEmail", "care.error.personEmail");
            relationship = oneOf(form, "relationship", CareRequest.RELATIONSHIPS, "care.error.relationship");
            consent = oneOf(form, "consent", CareRequest.CONSENTS, "care.error.consent");
            if ("in_account".equals(consent) && email.isEmpty()) form.error("personEmail", "care.error.personEmail.forConsent");
            if ("in_person".equals(consent) || "by_phone".equals(consent)) {
                consentOn = form.date("consentDate", "care.error.consentDate");
                if (consentOn != null && consentOn.isAfter(today)) form.error("consentDate", "care.error.consentDate.future");
            }
        }
        String kind = oneOf(form, "kind", CareRequest.KINDS, "care.error.kind");
        List<String> skills = several(form, "skills", Skills.ALL, "care.error.skills");
        LocalDate oneOff = null;
        List<String> slots = List.of();
        if ("weekly".equals(form.value("schedule"))) {
            slots = several(form, "slots", Slots.ALL, "care.error.slots");
            if (slots.isEmpty()) form.error("slots", "care.error.slots");
        } else if ("one_off".equals(form.value("schedule"))) {
            oneOff = form.date("date", "care.error.date");
            if (oneOff != null && oneOff.isBefore(today)) form.error("date", "care.error.date.past");
        } else {
            form.error("schedule", "care.error.schedule");
        }
        long place = place(form, places);
        double lat = coordinate(form, "lat", 90), lon = coordinate(form, "lon", 180);
        List<String> languages = several(form, "languages", Languages.COMMON, "care.error.languages");
        if (languages.isEmpty()) form.error("languages", "care.error.languages");
        String gender = form.value("gender").strip();
        if (!gender.isEmpty() && !CareRequest.GENDERS.contains(gender)) form.error("gender", "care.error.gender");
        String safeguarding = oneOf(form, "safeguarding", CareRequest.SAFEGUARDING, "care.error.safeguarding");
        String needs = form.value("needs").strip();
        form.set("needs", needs);
        if (needs.length() > NEEDS_MAX) form.error("needs", "care.error.needs.tooLong");
        else if (needs.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) form.error("needs", "error.controlCharacters");
        if (form.hasErrors()) return Optional.empty();
        return Optional.of(new Draft(forSelf, personName, email, relationship, consent, consentOn, kind, skills, oneOff, slots, place, lat, lon,
                languages, gender.isEmpty() ? null : gender, "yes".equals(form.value("continuity")), safeguarding, needs));
    }

    private static String oneOf(Form form, String field, List<String> allowed, String errorKey) {
        String v = form.value(field).strip();
        if (!allowed.contains(v)) form.error(field, errorKey);
        return v;
    }

    private static List<String> several(Form form, String field, List<String> allowed, String errorKey) {
        List<String> out = new ArrayList<>();
        for (String v : Arrays.stream(form.value(field).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (!allowed.contains(v)) form.error(field, errorKey);
            else if (!out.contains(v)) out.add(v);
        }
        return out;
    }

    private static long place(Form form, PlaceService places) {
        try {
            long id = Long.parseLong(form.value("place").strip());
            if (places.find(id).isPresent()) return id;
        } catch (NumberFormatException e) {
            // answered below, as an unknown place is
        }
        form.error("place", "care.error.place");
        return 0;
    }

    /** A latitude or longitude in decimal degrees within ±limit. */
    private static double coordinate(Form form, String field, int limit) {
        String v = form.value(field).strip();
        form.set(field, v);
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.abs().compareTo(BigDecimal.valueOf(limit)) <= 0) return d.doubleValue();
        } catch (NumberFormatException e) {
            // answered below
        }
        form.error(field, "care.error." + field);
        return 0;
    }
}
