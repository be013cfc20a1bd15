package org.commonweal.platform.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A checked ORUK feed, ready to store: its taxonomies and terms, its organizations, and its services (each naming its
 * organization by ORUK id; the group is found or made when it is stored). Built from {@link FeedTables} by
 * {@link #check}, which notes every problem; a feed with any is not stored at all.
 */
record Feed(List<Taxonomy> taxonomies, List<Term> terms, Map<UUID, Providers.Incoming> organizations, List<Imported> services,
            Map<String, Integer> notKept) {
    record Taxonomy(UUID id, String name, String description, String uri, String version) {
    }

    record Term(UUID id, UUID taxonomyId, String taxonomyName, UUID parentId, String code, String name, String description, String uri) {
    }

    /** A service of the feed: its organization's ORUK id, the record (group 0 until stored) and the date it was last checked. */
    record Imported(UUID organizationId, ServiceRecord record, LocalDate assuredDate) {
    }

    private static final List<String> LOCATION_TYPES = List.of("physical", "postal", "virtual");
    private static final List<String> FREQUENCIES = List.of("WEEKLY", "MONTHLY");

    /**
     * Checks every row of every table, and the links between them (a service's organization, a schedule's service, a
     * location's service_at_location ...). {@code knownOrganizations} and {@code knownTerms} are ids already stored, which
     * a feed may name without carrying.
     */
    static Feed check(FeedTables t, Set<UUID> knownOrganizations, Set<UUID> knownTerms, List<RowCheck.Problem> problems) {
        Map<String, Integer> notKept = new LinkedHashMap<>();
        List<Taxonomy> taxonomies = new ArrayList<>();
        for (FeedTables.Row row : t.rows("taxonomies")) {
            RowCheck c = new RowCheck("taxonomies", row, problems);
            taxonomies.add(new Taxonomy(c.uuid("id", true), c.text("name", 200, true), orEmpty(c.text("description", 2000, false)),
                    c.web("uri"), c.text("version", 50, false)));
        }
        Map<UUID, Term> terms = new LinkedHashMap<>();
        for (FeedTables.Row row : t.rows("taxonomy_terms")) {
            RowCheck c = new RowCheck("taxonomy_terms", row, problems);
            Term term = new Term(c.uuid("id", true), c.uuid("taxonomy_id", false), c.text("taxonomy", 200, false), c.uuid("parent_id", false),
                    c.text("term", 200, false), c.text("name", 200, true), orEmpty(c.text("description", 2000, false)), c.web("term_uri"));
            if (term.id() != null) terms.put(term.id(), term);
        }
        Map<UUID, List<Providers.Identifier>> identifiers = new HashMap<>();
        for (FeedTables.Row row : t.rows("organization_identifiers")) {
            RowCheck c = new RowCheck("organization_identifiers", row, problems);
            UUID org = c.uuid("organization_id", true);
            String scheme = c.text("identifier_scheme", 20, false);
            String id = c.text("identifier", 100, true);
            if (org != null && scheme != null && id != null) identifiers.computeIfAbsent(org, o -> new ArrayList<>()).add(new Providers.Identifier(scheme, id));
        }
        Map<UUID, Providers.Incoming> organizations = new LinkedHashMap<>();
        for (FeedTables.Row row : t.rows("organizations")) {
            RowCheck c = new RowCheck("organizations", row, problems);
            UUID id = c.uuid("id", true);
            Providers.Incoming o = new Providers.Incoming(c.text("name", 200, true), orEmpty(c.text("description", 5000, false)),
                    c.email("email"), c.web("website"), identifiers.getOrDefault(id, List.of()));
            if (id != null) organizations.put(id, o);
        }

        Map<UUID, Parts> services = new LinkedHashMap<>();
        for (FeedTables.Row row : t.rows("services")) {
            RowCheck c = new RowCheck("services", row, problems);
            UUID id = c.uuid("id", true);
            UUID org = c.uuid("organization_id", true);
            if (org != null && !organizations.containsKey(org) && !knownOrganizations.contains(org)) {
                c.problem("organization_id", "services.import.error.noOrganization", org);
            }
            Integer min = c.age("minimum_age");
            Integer max = c.age("maximum_age");
            if (min != null && max != null && min > max) c.problem("maximum_age", "services.import.error.ages");
            Parts p = new Parts(org, c.text("name", 200, true), orEmpty(c.text("description", 5000, false)),
                    c.oneOf("status", ServiceRecord.STATUSES, true), c.web("url"), c.email("email"), orEmpty(c.text("eligibility_description", 2000, false)),
                    min, max, orEmpty(c.text("application_process", 2000, false)), orEmpty(c.text("fees", 1000, false)),
                    orEmpty(c.text("accreditations", 1000, false)), orEmpty(c.text("alert", 1000, false)), c.date("assured_date"));
            if (id != null) {
                if (services.containsKey(id)) c.problem("id", "services.import.error.duplicate", id);
                services.put(id, p);
            }
        }

        Map<UUID, FeedTables.Row> locationRows = new HashMap<>();
        for (FeedTables.Row row : t.rows("locations")) {
            UUID id = ApiRequest.parseUuid(row.get("id") == null ? "" : row.get("id").toLowerCase(java.util.Locale.ROOT)).orElse(null);
            if (id == null) new RowCheck("locations", row, problems).uuid("id", true);
            else locationRows.putIfAbsent(id, row);
        }
        Map<UUID, FeedTables.Row> addresses = firstBy(t.rows("addresses"), "location_id");
        Map<UUID, FeedTables.Row> accessibility = firstBy(t.rows("accessibility"), "location_id");
        Map<UUID, UUID> serviceOfAt = new HashMap<>();
        java.util.Set<UUID> usedLocations = new java.util.HashSet<>();
        for (FeedTables.Row row : t.rows("service_at_locations")) {
            RowCheck c = new RowCheck("service_at_locations", row, problems);
            UUID id = c.uuid("id", true);
            UUID service = c.uuid("service_id", true);
            UUID locationId = c.uuid("location_id", true);
            if (service != null && !services.containsKey(service)) c.problem("service_id", "services.import.error.noService", service);
            FeedTables.Row l = locationId == null ? null : locationRows.get(locationId);
            if (locationId != null && l == null) c.problem("location_id", "services.import.error.noLocation", locationId);
            if (id != null && serviceOfAt.containsKey(id)) c.problem("id", "services.import.error.duplicate", id);
            if (id == null || service == null || l == null || !services.containsKey(service)) continue;
            RowCheck lc = new RowCheck("locations", l, problems);
            FeedTables.Row a = addresses.get(locationId);
            RowCheck ac = a == null ? null : new RowCheck("addresses", a, problems);
            FeedTables.Row x = accessibility.get(locationId);
            RowCheck xc = x == null ? null : new RowCheck("accessibility", x, problems);
            boolean first = usedLocations.add(locationId);
            String country = ac == null ? null : ac.text("country", 2, false);
            services.get(service).locations.add(new ServiceRecord.Location(first ? locationId : null, id,
                    first ? lc.oneOf("location_type", LOCATION_TYPES, true) : l.get("location_type"),
                    first ? lc.text("name", 200, false) : l.get("name"), first ? lc.text("description", 2000, false) : l.get("description"),
                    null, first ? coordinate(lc, "latitude", 90, notKept) : null, first ? coordinate(lc, "longitude", 180, notKept) : null,
                    ac == null ? null : ac.uuid("id", false), ac == null ? null : ac.text("address_1", 200, true),
                    ac == null ? null : ac.text("address_2", 200, false), ac == null ? null : ac.text("city", 100, false),
                    ac == null ? null : ac.text("region", 100, false), ac == null ? null : ac.text("postal_code", 20, false),
                    country == null ? null : country.toUpperCase(java.util.Locale.ROOT),
                    xc == null ? null : xc.uuid("id", false), xc == null ? null : firstText(xc.text("description", 2000, false), xc.text("accessibility", 2000, false))));
            serviceOfAt.put(id, service);
        }
        int unlinked = (int) locationRows.keySet().stream().filter(id -> !usedLocations.contains(id)).count();
        if (unlinked > 0) notKept.put("services.import.notKept.locations", unlinked);

        for (FeedTables.Row row : t.rows("schedules")) {
            RowCheck c = new RowCheck("schedules", row, problems);
            UUID id = c.uuid("id", true);
            UUID service = c.uuid("service_id", false);
            UUID at = c.uuid("service_at_location_id", false);
            if (service == null && at != null) service = serviceOfAt.get(at);
            if (service == null || !services.containsKey(service)) {
                c.problem("service_id", "services.import.error.noService", service == null ? "" : service);
                continue;
            }
            LocalTime opens = c.time("opens_at");
            LocalTime closes = c.time("closes_at");
            if (opens != null && opens.equals(closes)) c.problem("closes_at", "services.import.error.sameTimes");
            Integer interval = c.whole("interval", 1, 52);
            String freq = c.oneOf("freq", FREQUENCIES, false);
            services.get(service).schedules.add(new ServiceRecord.Schedule(id, at != null && serviceOfAt.containsKey(at) ? at : null,
                    freq == null ? "WEEKLY" : freq, interval == null ? 1 : interval, c.days("byday", "MONTHLY".equals(freq)), c.monthDays("bymonthday"),
                    opens, closes, c.date("valid_from"), c.date("valid_to"), c.date("dtstart"), c.text("description", 1000, false),
                    c.text("notes", 1000, false)));
        }
        for (FeedTables.Row row : t.rows("languages")) {
            RowCheck c = new RowCheck("languages", row, problems);
            UUID service = c.uuid("service_id", true);
            UUID id = c.uuid("id", true);
            String code = c.text("code", 20, false);
            if (code != null && !RowCheck.LANGUAGE.matcher(code).matches()) c.problem("code", "services.import.error.language", code);
            if (service == null) continue;
            if (!services.containsKey(service)) {
                c.problem("service_id", "services.import.error.noService", service);
                continue;
            }
            services.get(service).languages.add(new ServiceRecord.Language(id, code, c.text("name", 100, false)));
        }
        for (FeedTables.Row row : t.rows("cost_options")) {
            RowCheck c = new RowCheck("cost_options", row, problems);
            UUID service = c.uuid("service_id", true);
            var cost = new ServiceRecord.Cost(c.uuid("id", true), c.text("option", 200, false), c.amount("amount"),
                    c.text("amount_description", 500, false), c.date("valid_from"), c.date("valid_to"));
            if (service == null) continue;
            if (!services.containsKey(service)) c.problem("service_id", "services.import.error.noService", service);
            else services.get(service).costs.add(cost);
        }
        Map<UUID, String> phones = new HashMap<>();
        Map<UUID, UUID> phoneIds = new HashMap<>();
        for (FeedTables.Row row : t.rows("phones")) {
            RowCheck c = new RowCheck("phones", row, problems);
            UUID id = c.uuid("id", true);
            UUID contact = c.uuid("contact_id", false);
            String number = c.text("number", 50, true);
            if (contact != null && number != null && !phones.containsKey(contact)) {
                phones.put(contact, number.replace("\"", "").strip());
                phoneIds.put(contact, id);
            }
        }
        for (FeedTables.Row row : t.rows("contacts")) {
            RowCheck c = new RowCheck("contacts", row, problems);
            UUID id = c.uuid("id", true);
            UUID service = c.uuid("service_id", false);
            var contact = new ServiceRecord.Contact(id, c.text("name", 200, false), c.text("title", 200, false),
                    id == null ? null : phones.get(id), id == null ? null : phoneIds.get(id));
            if (service == null) {
                notKept.merge("services.import.notKept.contacts", 1, Integer::sum);
            } else if (!services.containsKey(service)) {
                c.problem("service_id", "services.import.error.noService", service);
            } else {
                services.get(service).contacts.add(contact);
            }
        }
        for (FeedTables.Row row : t.rows("attributes")) {
            RowCheck c = new RowCheck("attributes", row, problems);
            c.uuid("id", true);
            UUID link = c.uuid("link_id", true);
            UUID term = c.uuid("taxonomy_term_id", true);
            if (term != null && !terms.containsKey(term) && !knownTerms.contains(term)) {
                c.problem("taxonomy_term_id", "services.import.error.noTerm", term);
            } else if (link != null && term != null) {
                // Attributes may tag anything (a location, an organization); the directory keeps those on services.
                if (services.containsKey(link)) services.get(link).terms.add(term);
                else notKept.merge("services.import.notKept.attributes", 1, Integer::sum);
            }
        }
        for (String file : t.ignoredFiles()) notKept.merge("services.import.notKept.file:" + file, 1, Integer::sum);

        List<Imported> imported = new ArrayList<>();
        services.forEach((id, p) -> imported.add(new Imported(p.organizationId, new ServiceRecord(id, 0, p.name, p.description, p.status,
                p.url, p.email, null, p.eligibility, p.minimumAge, p.maximumAge, p.applicationProcess, p.fees, p.accreditations, p.alert,
                p.locations, p.schedules, p.languages, p.costs, p.contacts, p.terms.stream().distinct().toList()), p.assuredDate)));
        return new Feed(taxonomies, List.copyOf(terms.values()), organizations, imported, notKept);
    }

    /** What a service row gathers while its tables are read. */
    private static final class Parts {
        final UUID organizationId;
        final String name, description, status, url, email, eligibility, applicationProcess, fees, accreditations, alert;
        final Integer minimumAge, maximumAge;
        final LocalDate assuredDate;
        final List<ServiceRecord.Location> locations = new ArrayList<>();
        final List<ServiceRecord.Schedule> schedules = new ArrayList<>();
        final List<ServiceRecord.Language> languages = new ArrayList<>();
        final List<ServiceRecord.Cost> costs = new ArrayList<>();
        final List<ServiceRecord.Contact> contacts = new ArrayList<>();
        final List<UUID> terms = new ArrayList<>();

        Parts(UUID organizationId, String name, String description, String status, String url, String email, String eligibility,
              Integer minimumAge, Integer maximumAge, String applicationProcess, String fees, String accreditations, String alert,
              LocalDate assuredDate) {
            this.organizationId = organizationId;
            this.name = name;
            this.description = description;
            this.status = status;
            this.url = url;
            this.email = email;
            this.eligibility = eligibility;
            this.minimumAge = minimumAge;
            this.maximumAge = maximumAge;
            this.applicationProcess = applicationProcess;
            this.fees = fees;
            this.accreditations = accreditations;
            this.alert = alert;
            this.assuredDate = assuredDate;
        }
    }

    private static Map<UUID, FeedTables.Row> firstBy(List<FeedTables.Row> rows, String field) {
        Map<UUID, FeedTables.Row> out = new HashMap<>();
        for (FeedTables.Row r : rows) {
            String v = r.get(field);
            if (v != null) ApiRequest.parseUuid(v.toLowerCase(java.util.Locale.ROOT)).ifPresent(id -> out.putIfAbsent(id, r));
        }
        return out;
    }

    /**
     * A latitude or longitude; one out of range is left out (and counted) rather than refused: some feeds, the ORUK
     * example among them, carry made-up figures (100, 101), and the rest of the location is still worth having.
     */
    private static Double coordinate(RowCheck c, String field, int limit, Map<String, Integer> notKept) {
        BigDecimal n = c.number(field);
        if (n == null) return null;
        if (n.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            notKept.merge("services.import.notKept.coordinates", 1, Integer::sum);
            return null;
        }
        return n.doubleValue();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String firstText(String a, String b) {
        return a != null ? a : b;
    }
}
