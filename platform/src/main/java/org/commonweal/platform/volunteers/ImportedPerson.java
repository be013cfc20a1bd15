package org.commonweal.platform.volunteers;

import java.time.LocalDate;

/**
 * One row of an import as it will be stored.
 *
 * @param checkLevel the export's criminal check level (standard or enhanced), kept as the export said it, never as a verified DBS certificate
 */
public record ImportedPerson(int row, String externalId, String name, String email, String mobile, String gender, boolean mayEmail, String checkLevel,
                             LocalDate checkExpires, String checkReference, boolean inducted, LocalDate inductedOn) {
}
