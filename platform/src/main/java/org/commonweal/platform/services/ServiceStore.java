package org.commonweal.platform.services;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The services' SQL: saving a whole service (its row, then what hangs off it, replaced) inside the caller's transaction,
 * and reading one back whole. The form and the import both save through here.
 */
final class ServiceStore {
    private ServiceStore() {
    }

    /**
     * Saves the service: updates the row with {@code id} (or, for a feed, the row with the record's ORUK id) or inserts a
     * new one, in the moderation state given; its locations, schedules, languages, costs, contacts and terms are replaced.
     * Returns the service's id.
     */
    static long save(Handle h, Long id, ServiceRecord r, String state, boolean needsReview) {
        Long existing = id;
        if (existing == null && r.orukId() != null) {
            existing = h.createQuery("SELECT id FROM services WHERE oruk_id = :o").bind("o", r.orukId()).mapTo(Long.class).findOne().orElse(null);
        }
        long serviceId;
        String columns = """
                group_id = :group, name = :name, description = :description, status = :status, url = :url, email = :email,
                phone = :phone, eligibility = :eligibility, minimum_age = :minAge, maximum_age = :maxAge,
                application_process = :application, fees_description = :fees, accreditations = :accreditations, alert = :alert,
                state = :state, needs_review = :review, withdrawn_reason = NULL, last_modified = now()""";
        if (existing != null) {
            serviceId = existing;
            bind(h.createUpdate("UPDATE services SET " + columns + " WHERE id = :id"), r).bind("state", state).bind("review", needsReview)
                    .bind("id", serviceId).execute();
            for (String child : List.of("service_schedules", "service_locations", "service_languages", "service_cost_options",
                    "service_contacts", "service_terms")) {
                h.createUpdate("DELETE FROM " + child + " WHERE service_id = :id").bind("id", serviceId).execute();
            }
        } else {
            serviceId = bind(h.createUpdate("""
                    INSERT INTO services (oruk_id, group_id, name, description, status, url, email, phone, eligibility, minimum_age,
                                          maximum_age, application_process, fees_description, accreditations, alert, state, needs_review)
                    VALUES (coalesce(CAST(:oruk AS uuid), gen_random_uuid()), :group, :name, :description, :status, :url, :email, :phone, :eligibility,
                            :minAge, :maxAge, :application, :fees, :accreditations, :alert, :state, :review)"""), r)
                    .bind("oruk", r.orukId()).bind("state", state).bind("review", needsReview)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        }
        ProviderIds.ensure(h, r.groupId());
        Map<UUID, Long> locationByAt = new HashMap<>();
        for (ServiceRecord.Location l : r.locations()) {
            var row = h.createUpdate("""
                    INSERT INTO service_locations (service_id, oruk_id, at_oruk_id, location_type, name, description, place_id, latitude,
                        longitude, address_oruk_id, address_1, address_2, city, region, postal_code, country, accessibility_oruk_id, accessibility)
                    VALUES (:service, coalesce(CAST(:oruk AS uuid), gen_random_uuid()), coalesce(CAST(:at AS uuid), gen_random_uuid()), :type, :name, :description,
                        :place, :lat, :lon, coalesce(CAST(:addressOruk AS uuid), gen_random_uuid()), :a1, :a2, :city, :region, :postcode, :country,
                        coalesce(CAST(:accessOruk AS uuid), gen_random_uuid()), :accessibility)""")
                    .bind("service", serviceId).bind("oruk", l.orukId()).bind("at", l.atOrukId()).bind("type", l.type())
                    .bind("name", l.name()).bind("description", l.description()).bind("place", l.placeId()).bind("lat", l.latitude())
                    .bind("lon", l.longitude()).bind("addressOruk", l.addressOrukId()).bind("a1", l.address1()).bind("a2", l.address2())
                    .bind("city", l.city()).bind("region", l.region()).bind("postcode", l.postalCode()).bind("country", l.country())
                    .bind("accessOruk", l.accessibilityOrukId()).bind("accessibility", l.accessibility())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            if (l.atOrukId() != null) locationByAt.put(l.atOrukId(), row);
        }
        PreparedBatch schedules = h.prepareBatch("""
                INSERT INTO service_schedules (service_id, location_id, oruk_id, freq, interval, byday, bymonthday, opens_at, closes_at,
                                               valid_from, valid_to, dtstart, description, notes)
                VALUES (:service, :location, coalesce(CAST(:oruk AS uuid), gen_random_uuid()), :freq, :interval, :byday, :bymonthday, CAST(:opens AS time), CAST(:closes AS time),
                        CAST(:from AS date), CAST(:to AS date), CAST(:dtstart AS date), :description, :notes)""");
        for (ServiceRecord.Schedule s : r.schedules()) {
            schedules.bind("service", serviceId).bind("location", s.atLocation() == null ? null : locationByAt.get(s.atLocation()))
                    .bind("oruk", s.orukId()).bind("freq", s.freq()).bind("interval", s.interval())
                    .bindArray("byday", String.class, s.byday().toArray(String[]::new)).bind("bymonthday", s.bymonthday())
                    .bind("opens", s.opensAt()).bind("closes", s.closesAt()).bind("from", s.validFrom()).bind("to", s.validTo())
                    .bind("dtstart", s.dtstart()).bind("description", s.description()).bind("notes", s.notes()).add();
        }
        if (schedules.size() > 0) schedules.execute();
        PreparedBatch languages = h.prepareBatch("""
                INSERT INTO service_languages (service_id, oruk_id, code, name) VALUES (:service, coalesce(CAST(:oruk AS uuid), gen_random_uuid()), :code, :name)""");
        for (ServiceRecord.Language l : r.languages()) {
            languages.bind("service", serviceId).bind("oruk", l.orukId()).bind("code", l.code()).bind("name", l.name()).add();
        }
        if (languages.size() > 0) languages.execute();
        PreparedBatch costs = h.prepareBatch("""
                INSERT INTO service_cost_options (service_id, oruk_id, option, amount, amount_description, valid_from, valid_to)
                VALUES (:service, coalesce(CAST(:oruk AS uuid), gen_random_uuid()), :option, :amount, :description, CAST(:from AS date), CAST(:to AS date))""");
        for (ServiceRecord.Cost c : r.costs()) {
            costs.bind("service", serviceId).bind("oruk", c.orukId()).bind("option", c.option()).bind("amount", c.amount())
                    .bind("description", c.amountDescription()).bind("from", c.validFrom()).bind("to", c.validTo()).add();
        }
        if (costs.size() > 0) costs.execute();
        PreparedBatch contacts = h.prepareBatch("""
                INSERT INTO service_contacts (service_id, oruk_id, name, title, phone, phone_oruk_id)
                VALUES (:service, coalesce(CAST(:oruk AS uuid), gen_random_uuid()), :name, :title, :phone, coalesce(CAST(:phoneOruk AS uuid), gen_random_uuid()))""");
        for (ServiceRecord.Contact c : r.contacts()) {
            contacts.bind("service", serviceId).bind("oruk", c.orukId()).bind("name", c.name()).bind("title", c.title())
                    .bind("phone", c.phone()).bind("phoneOruk", c.phoneOrukId()).add();
        }
        if (contacts.size() > 0) contacts.execute();
        if (!r.termIds().isEmpty()) {
            h.createUpdate("""
                    INSERT INTO service_terms (service_id, term_id)
                    SELECT :service, t.id FROM service_taxonomy_terms t WHERE t.oruk_id = ANY(:terms) ON CONFLICT DO NOTHING""")
                    .bind("service", serviceId).bindArray("terms", UUID.class, r.termIds().toArray(UUID[]::new)).execute();
        }
        return serviceId;
    }

    private static org.jdbi.v3.core.statement.Update bind(org.jdbi.v3.core.statement.Update u, ServiceRecord r) {
        return u.bind("group", r.groupId()).bind("name", r.name()).bind("description", r.description()).bind("status", r.status())
                .bind("url", r.url()).bind("email", r.email()).bind("phone", r.phone()).bind("eligibility", r.eligibility())
                .bind("minAge", r.minimumAge()).bind("maxAge", r.maximumAge()).bind("application", r.applicationProcess())
                .bind("fees", r.feesDescription()).bind("accreditations", r.accreditations()).bind("alert", r.alert());
    }

    /** The service's row with what hangs off it, as the record that would save it again, and its moderation state. */
    static Optional<Service> find(Handle h, long id) {
        return h.createQuery("""
                SELECT id, oruk_id, group_id, name, description, status, url, email, phone, eligibility, minimum_age, maximum_age,
                       application_process, fees_description, accreditations, alert, state, needs_review, withdrawn_reason, assured_date,
                       last_modified
                FROM services WHERE id = :id""").bind("id", id).map((rs, c) -> {
            long sid = rs.getLong("id");
            ServiceRecord record = new ServiceRecord(rs.getObject("oruk_id", UUID.class), rs.getLong("group_id"), rs.getString("name"),
                    rs.getString("description"), rs.getString("status"), rs.getString("url"), rs.getString("email"), rs.getString("phone"),
                    rs.getString("eligibility"), (Integer) rs.getObject("minimum_age"), (Integer) rs.getObject("maximum_age"),
                    rs.getString("application_process"), rs.getString("fees_description"), rs.getString("accreditations"),
                    rs.getString("alert"), locations(h, sid), schedules(h, sid), languages(h, sid), costs(h, sid), contacts(h, sid), terms(h, sid));
            return new Service(sid, record, rs.getString("state"), rs.getBoolean("needs_review"), rs.getString("withdrawn_reason"),
                    rs.getObject("assured_date", java.time.LocalDate.class), rs.getObject("last_modified", java.time.OffsetDateTime.class));
        }).findOne();
    }

    private static List<ServiceRecord.Location> locations(Handle h, long id) {
        return h.createQuery("SELECT * FROM service_locations WHERE service_id = :id ORDER BY id").bind("id", id).map((rs, c) ->
                new ServiceRecord.Location(rs.getObject("oruk_id", UUID.class), rs.getObject("at_oruk_id", UUID.class),
                        rs.getString("location_type"), rs.getString("name"), rs.getString("description"), (Long) rs.getObject("place_id"),
                        (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"), rs.getObject("address_oruk_id", UUID.class),
                        rs.getString("address_1"), rs.getString("address_2"), rs.getString("city"), rs.getString("region"),
                        rs.getString("postal_code"), rs.getString("country"), rs.getObject("accessibility_oruk_id", UUID.class),
                        rs.getString("accessibility"))).list();
    }

    private static List<ServiceRecord.Schedule> schedules(Handle h, long id) {
        return h.createQuery("""
                SELECT s.*, l.at_oruk_id FROM service_schedules s LEFT JOIN service_locations l ON l.id = s.location_id
                WHERE s.service_id = :id ORDER BY s.id""").bind("id", id).map((rs, c) -> {
            List<String> days = new ArrayList<>(List.of((String[]) rs.getArray("byday").getArray()));
            return new ServiceRecord.Schedule(rs.getObject("oruk_id", UUID.class), rs.getObject("at_oruk_id", UUID.class), rs.getString("freq"),
                    rs.getInt("interval"), days, rs.getString("bymonthday"), rs.getObject("opens_at", java.time.LocalTime.class),
                    rs.getObject("closes_at", java.time.LocalTime.class), rs.getObject("valid_from", java.time.LocalDate.class),
                    rs.getObject("valid_to", java.time.LocalDate.class), rs.getObject("dtstart", java.time.LocalDate.class),
                    rs.getString("description"), rs.getString("notes"));
        }).list();
    }

    private static List<ServiceRecord.Language> languages(Handle h, long id) {
        return h.createQuery("SELECT oruk_id, code, name FROM service_languages WHERE service_id = :id ORDER BY id").bind("id", id)
                .map((rs, c) -> new ServiceRecord.Language(rs.getObject("oruk_id", UUID.class), rs.getString("code"), rs.getString("name"))).list();
    }

    private static List<ServiceRecord.Cost> costs(Handle h, long id) {
        return h.createQuery("SELECT * FROM service_cost_options WHERE service_id = :id ORDER BY id").bind("id", id)
                .map((rs, c) -> new ServiceRecord.Cost(rs.getObject("oruk_id", UUID.class), rs.getString("option"), rs.getBigDecimal("amount"),
                        rs.getString("amount_description"), rs.getObject("valid_from", java.time.LocalDate.class),
                        rs.getObject("valid_to", java.time.LocalDate.class))).list();
    }

    private static List<ServiceRecord.Contact> contacts(Handle h, long id) {
        return h.createQuery("SELECT * FROM service_contacts WHERE service_id = :id ORDER BY id").bind("id", id)
                .map((rs, c) -> new ServiceRecord.Contact(rs.getObject("oruk_id", UUID.class), rs.getString("name"), rs.getString("title"),
                        rs.getString("phone"), rs.getObject("phone_oruk_id", UUID.class))).list();
    }

    private static List<UUID> terms(Handle h, long id) {
        return h.createQuery("""
                SELECT t.oruk_id FROM service_terms st JOIN service_taxonomy_terms t ON t.id = st.term_id
                WHERE st.service_id = :id ORDER BY t.name, t.id""").bind("id", id).mapTo(UUID.class).list();
    }
}
