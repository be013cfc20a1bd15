package org.commonweal.platform.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A service as it is stored, whichever way it came (a group admin's form or an ORUK feed): its own fields and what hangs
 * off it, each with the ORUK id it is published under (null: a new one is made). One shape, so the form and the import
 * write through the same {@link ServiceStore#save}.
 */
public record ServiceRecord(UUID orukId, long groupId, String name, String description, String status, String url, String email, String phone,
                     String eligibility, Integer minimumAge, Integer maximumAge, String applicationProcess, String feesDescription,
                     String accreditations, String alert, List<Location> locations, List<Schedule> schedules, List<Language> languages,
                     List<Cost> costs, List<Contact> contacts, List<UUID> termIds) {
    public static final List<String> STATUSES = List.of("active", "temporarily closed", "inactive", "defunct");

    public ServiceRecord {
        locations = List.copyOf(locations);
        schedules = List.copyOf(schedules);
        languages = List.copyOf(languages);
        costs = List.copyOf(costs);
        contacts = List.copyOf(contacts);
        termIds = List.copyOf(termIds);
    }

    /** A place the service is offered at (ORUK location with its address and accessibility, and the service_at_location id). */
    record Location(UUID orukId, UUID atOrukId, String type, String name, String description, Long placeId, Double latitude,
                    Double longitude, UUID addressOrukId, String address1, String address2, String city, String region, String postalCode,
                    String country, UUID accessibilityOrukId, String accessibility) {
    }

    /** Regular opening: on these days (MO..SU) from opens to closes, Europe/London; atLocation names a location's atOrukId or null. */
    record Schedule(UUID orukId, UUID atLocation, String freq, int interval, List<String> byday, String bymonthday, LocalTime opensAt,
                    LocalTime closesAt, LocalDate validFrom, LocalDate validTo, LocalDate dtstart, String description, String notes) {
        Schedule {
            byday = List.copyOf(byday);
        }
    }

    record Language(UUID orukId, String code, String name) {
    }

    /** An amount in pounds (zero: free), as ORUK carries it. */
    record Cost(UUID orukId, String option, BigDecimal amount, String amountDescription, LocalDate validFrom, LocalDate validTo) {
    }

    record Contact(UUID orukId, String name, String title, String phone, UUID phoneOrukId) {
    }
}
