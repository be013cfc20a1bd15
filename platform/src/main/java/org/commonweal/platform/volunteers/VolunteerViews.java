package org.commonweal.platform.volunteers;

import java.time.LocalDate;

/** The lists on a volunteer's profile as pages show them (public for the compiled templates). */
public final class VolunteerViews {
    private VolunteerViews() {
    }

    /** Dates the volunteer is away, both inclusive. */
    public record Away(long id, LocalDate from, LocalDate to, String note) {
    }

    /** A training or induction record; {@code expiresOn} null when it does not expire. */
    public record Training(long id, String kind, String name, LocalDate completedOn, LocalDate expiresOn) {
        public boolean expired(LocalDate today) {
            return expiresOn != null && expiresOn.isBefore(today);
        }
    }

    /** A reference; its contact is shown only to the volunteer and their groups' coordinators and safeguarding leads. */
    public record Reference(long id, String name, String relationship, String contact, boolean received) {
    }
}
