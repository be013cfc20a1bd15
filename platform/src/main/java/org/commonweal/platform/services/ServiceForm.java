package org.commonweal.platform.services;

import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.places.PlaceService;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A group admin's form for one service: what it is, who it is for, when it opens (a time range per weekday), where (one
 * location: address, place, accessibility), what it costs, how to get it, its languages, contact and taxonomy terms.
 * Read and checked field by field into a {@link ServiceRecord}; what the form does not show of a stored service (a
 * feed's second location, monthly schedules) is kept as it was.
 */
public final class ServiceForm {
    /** Languages a service can offer on the form: ISO 639 codes (BSL is bfi); the names are messages services.language.CODE. */
    public static final List<String> LANGUAGES = List.of("en", "cy", "bfi", "ar", "bn", "pa", "pl", "ro", "so", "ur", "zh");
    static final String[] FIELDS = fields();

    private ServiceForm() {
    }

    private static String[] fields() {
        List<String> f = new ArrayList<>(List.of("name", "description", "status", "eligibility", "minimumAge", "maximumAge",
                "applicationProcess", "costAmount", "costDescription", "locationName", "address1", "city", "postcode", "place",
                "accessibility", "email", "phone", "url", "contactName", "hoursNote"));
        for (String d : Directory.DAYS) {
            f.add("opens" + d);
            f.add("closes" + d);
        }
        return f.toArray(String[]::new);
    }

    /** The form as a stored service fills it, for editing. */
    static Form of(ServiceRecord r) {
        Form f = Form.empty().set("name", r.name()).set("description", r.description()).set("status", r.status())
                .set("eligibility", r.eligibility()).set("minimumAge", text(r.minimumAge())).set("maximumAge", text(r.maximumAge()))
                .set("applicationProcess", r.applicationProcess()).set("email", r.email()).set("phone", r.phone()).set("url", r.url())
                .set("languages", String.join(",", r.languages().stream().map(ServiceRecord.Language::code).filter(c -> c != null).toList()))
                .set("terms", String.join(",", r.termIds().stream().map(UUID::toString).toList()));
        if (!r.costs().isEmpty()) {
            ServiceRecord.Cost c = r.costs().getFirst();
            f.set("costAmount", c.amount() == null || c.amount().signum() == 0 ? "" : c.amount().setScale(2).toPlainString())
                    .set("costDescription", c.amountDescription());
        }
        if (!r.locations().isEmpty()) {
            ServiceRecord.Location l = r.locations().getFirst();
            f.set("locationName", l.name()).set("address1", l.address1()).set("city", l.city()).set("postcode", l.postalCode())
                    .set("place", text(l.placeId())).set("accessibility", l.accessibility());
        }
        if (!r.contacts().isEmpty()) f.set("contactName", r.contacts().getFirst().name());
        for (ServiceRecord.Schedule s : r.schedules()) {
            if (!weekly(s)) continue;
            for (String d : s.byday()) f.set("opens" + d, text(s.opensAt())).set("closes" + d, text(s.closesAt()));
            if (s.description() != null) f.set("hoursNote", s.description());
        }
        return f;
    }

    /**
     * A plain weekly opening the form shows (and rewrites); any other schedule is kept as it is — one past midnight too,
     * whose closing time the form would refuse as before its opening, and one with a start date the form cannot show.
     */
    private static boolean weekly(ServiceRecord.Schedule s) {
        return "WEEKLY".equals(s.freq()) && s.interval() == 1 && s.atLocation() == null && s.validFrom() == null && s.validTo() == null
                && s.dtstart() == null && s.opensAt() != null && s.closesAt() != null && s.closesAt().isAfter(s.opensAt());
    }

    /**
     * The record the form describes for the group, keeping what the form does not show of {@code before} (null for a new
     * service); empty, with the errors in the form, when something is wrong.
     */
    static Optional<ServiceRecord> read(Form form, long groupId, ServiceRecord before, PlaceService places, Set<String> termIds) {
        String name = form.requireText("name", 200, "services.error.name.required", "services.error.name.tooLong");
        String description = form.requireText("description", 5000, "services.error.description.required", "services.error.description.tooLong");
        String status = form.value("status");
        if (!ServiceRecord.STATUSES.contains(status)) form.error("status", "services.error.status");
        String eligibility = optional(form, "eligibility", 2000);
        Integer min = age(form, "minimumAge");
        Integer max = age(form, "maximumAge");
        if (min != null && max != null && min > max) form.error("maximumAge", "services.error.ages");
        String application = optional(form, "applicationProcess", 2000);
        BigDecimal amount = amount(form);
        String costDescription = optional(form, "costDescription", 500);
        String email = optional(form, "email", 320);
        if (!email.isEmpty() && !RowCheck.isEmail(email)) form.error("email", "services.error.email");
        String phone = optional(form, "phone", 50);
        if (!phone.isEmpty() && !phone.matches("[0-9+() -]{6,50}")) form.error("phone", "services.error.phone");
        String url = optional(form, "url", 500);
        if (!url.isEmpty() && !RowCheck.WEB.matcher(url).matches()) form.error("url", "services.error.url");
        String contactName = optional(form, "contactName", 200);
        String locationName = optional(form, "locationName", 200);
        String address1 = optional(form, "address1", 200);
        String city = optional(form, "city", 100);
        String postcode = optional(form, "postcode", 20).toUpperCase(java.util.Locale.ROOT);
        if (!postcode.isEmpty() && !postcode.matches("[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}")) form.error("postcode", "services.error.postcode");
        String accessibility = optional(form, "accessibility", 2000);
        Long placeId = null;
        if (!form.value("place").isBlank()) {
            placeId = parseId(form.value("place")).filter(id -> places.find(id).isPresent()).orElse(null);
            if (placeId == null) form.error("place", "error.place.unknown");
        }
        if (!address1.isEmpty() && (city.isEmpty() || postcode.isEmpty())) form.error(city.isEmpty() ? "city" : "postcode", "services.error.address");
        List<String> languages = new ArrayList<>();
        for (String code : several(form.value("languages"))) {
            if (!LANGUAGES.contains(code)) form.error("languages", "services.error.languages");
            else if (!languages.contains(code)) languages.add(code);
        }
        List<UUID> terms = new ArrayList<>();
        for (String t : several(form.value("terms"))) {
            if (!termIds.contains(t)) form.error("terms", "services.error.terms");
            else terms.add(UUID.fromString(t));
        }
        String hoursNote = optional(form, "hoursNote", 1000);
        Map<List<LocalTime>, List<String>> hours = new LinkedHashMap<>();
        for (String d : Directory.DAYS) {
            LocalTime opens = time(form, "opens" + d);
            LocalTime closes = time(form, "closes" + d);
            boolean opensBlank = form.value("opens" + d).isBlank(), closesBlank = form.value("closes" + d).isBlank();
            if (opensBlank != closesBlank) form.error(opensBlank ? "opens" + d : "closes" + d, "services.error.hours.both");
            else if (opens != null && closes != null && !closes.isAfter(opens)) form.error("closes" + d, "services.error.hours.order");
            else if (opens != null && closes != null) hours.computeIfAbsent(List.of(opens, closes), k -> new ArrayList<>()).add(d);
        }
        if (form.hasErrors()) return Optional.empty();

        List<ServiceRecord.Schedule> schedules = new ArrayList<>();
        hours.forEach((times, days) -> schedules.add(new ServiceRecord.Schedule(null, null, "WEEKLY", 1, days, null, times.get(0), times.get(1),
                null, null, null, hoursNote.isEmpty() ? null : hoursNote, null)));
        List<ServiceRecord.Location> locations = new ArrayList<>();
        ServiceRecord.Location first = before == null || before.locations().isEmpty() ? null : before.locations().getFirst();
        if (!address1.isEmpty() || placeId != null || !locationName.isEmpty()) {
            locations.add(new ServiceRecord.Location(first == null ? null : first.orukId(), first == null ? null : first.atOrukId(),
                    address1.isEmpty() && placeId == null ? "virtual" : "physical", blankToNull(locationName), null, placeId,
                    first == null ? null : first.latitude(), first == null ? null : first.longitude(), first == null ? null : first.addressOrukId(),
                    blankToNull(address1), null, blankToNull(city), null, blankToNull(postcode), address1.isEmpty() ? null : "GB",
                    first == null ? null : first.accessibilityOrukId(), blankToNull(accessibility)));
        }
        List<ServiceRecord.Cost> costs = new ArrayList<>();
        ServiceRecord.Cost firstCost = before == null || before.costs().isEmpty() ? null : before.costs().getFirst();
        costs.add(new ServiceRecord.Cost(firstCost == null ? null : firstCost.orukId(), null, amount == null ? BigDecimal.ZERO : amount,
                blankToNull(costDescription), null, null));
        List<ServiceRecord.Contact> contacts = new ArrayList<>();
        ServiceRecord.Contact firstContact = before == null || before.contacts().isEmpty() ? null : before.contacts().getFirst();
        if (!contactName.isEmpty()) {
            contacts.add(new ServiceRecord.Contact(firstContact == null ? null : firstContact.orukId(), contactName,
                    firstContact == null ? null : firstContact.title(), blankToNull(phone), firstContact == null ? null : firstContact.phoneOrukId()));
        }
        if (before != null) {
            // What the form does not show stays as it was: a feed's further locations, costs and contacts, and schedules
            // other than a plain weekly opening.
            if (before.locations().size() > 1) locations.addAll(before.locations().subList(1, before.locations().size()));
            if (before.costs().size() > 1) costs.addAll(before.costs().subList(1, before.costs().size()));
            if (before.contacts().size() > 1) contacts.addAll(before.contacts().subList(1, before.contacts().size()));
            before.schedules().stream().filter(s -> !weekly(s)).forEach(schedules::add);
        }
        List<ServiceRecord.Language> langs = languages.stream().map(c -> new ServiceRecord.Language(null, c, null)).toList();
        return Optional.of(new ServiceRecord(before == null ? null : before.orukId(), groupId, name, description, status, blankToNull(url),
                blankToNull(email), blankToNull(phone), eligibility, min, max, application,
                before == null ? "" : before.feesDescription(), before == null ? "" : before.accreditations(), before == null ? "" : before.alert(),
                locations, schedules, langs, costs, contacts, terms));
    }

    private static String optional(Form form, String field, int max) {
        String v = form.value(field).strip();
        form.set(field, v);
        if (v.length() > max) form.error(field, "services.error.tooLong", max);
        return v;
    }

    private static Integer age(Form form, String field) {
        String v = form.value(field).strip();
        if (v.isEmpty()) return null;
        try {
            int n = Integer.parseInt(v);
            if (n >= 0 && n <= 150) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        form.error(field, "services.error.age");
        return null;
    }

    /** The cost in pounds as typed (£ and commas allowed); blank is free. */
    private static BigDecimal amount(Form form) {
        String v = form.value("costAmount").strip().replace("£", "").replace(",", "");
        if (v.isEmpty()) return null;
        try {
            BigDecimal n = new BigDecimal(v);
            if (n.signum() >= 0 && n.scale() <= 2 && n.compareTo(new BigDecimal("100000")) < 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        form.error("costAmount", "services.error.cost");
        return null;
    }

    private static LocalTime time(Form form, String field) {
        String v = form.value(field).strip();
        if (v.isEmpty()) return null;
        try {
            return LocalTime.parse(v.length() == 4 ? "0" + v : v);
        } catch (DateTimeParseException e) {
            form.error(field, "services.error.time");
            return null;
        }
    }

    public static List<String> several(String value) {
        List<String> out = new ArrayList<>();
        for (String v : value.split(",")) if (!v.isBlank()) out.add(v.strip());
        return out;
    }

    static Optional<Long> parseId(String s) {
        try {
            long v = Long.parseLong(s.strip());
            return v > 0 ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
