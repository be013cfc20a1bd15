package org.commonweal.platform.volunteers;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One DBS certificate as recorded. Its number, issue date and Update Service status are shown only to the volunteer
 * and the safeguarding leads of their groups; everyone else gets {@link #summary}.
 *
 * @param status the Update Service's last status check ({@link #STATUSES}), or null
 * @param verifiedGroupId the group whose safeguarding lead verified it, or null while it waits (then it does not count)
 */
public record DbsCheck(long id, long volunteerId, DbsLevel level, String certificateNumber, LocalDate issuedOn, boolean updateService,
                       String status, LocalDate statusCheckedOn, LocalDate recheckDue, String verifiedByName, Long verifiedGroupId,
                       OffsetDateTime verifiedAt) {
    /** The Update Service's answers to a status check, as it names them. */
    public static final java.util.List<String> STATUSES = java.util.List.of("NO_MATCH_FOUND", "BLANK_NO_NEW_INFO", "NON_BLANK_NO_NEW_INFO", "NEW_INFO");

    public boolean verified() {
        return verifiedAt != null;
    }

    /** Whether it counts today: verified, recheck not past, and no status saying the certificate is no longer current. */
    public boolean valid(LocalDate today) {
        return verified() && !recheckDue.isBefore(today) && (status == null || status.equals("BLANK_NO_NEW_INFO") || status.equals("NON_BLANK_NO_NEW_INFO"));
    }

    /**
     * When the check must be looked at again: three years after issue; on the Update Service, a year after the last
     * status check (or after issue when none has been made yet).
     */
    static LocalDate recheckDue(LocalDate issuedOn, boolean updateService, LocalDate statusCheckedOn) {
        if (updateService) return (statusCheckedOn != null ? statusCheckedOn : issuedOn).plusYears(1);
        return issuedOn.plusYears(3);
    }

    /** What everyone but the volunteer and their groups' safeguarding leads sees: the level and until when it is valid. */
    public record Summary(DbsLevel level, LocalDate validUntil) {
    }
}
