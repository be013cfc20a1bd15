package org.commonweal.platform.elections;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An organisation's own election (a board or trustees) counted by STV; the count's report (JSON) is set once it is
 * published. Only its owner (the organiser who created it; null once their account is deleted) and admins may manage it.
 */
public record BoardElection(long id, Long ownerId, String title, int seats, String rule, OffsetDateTime opensAt, OffsetDateTime closesAt, String status,
                            String reportJson, List<Candidate> candidates) {
    public static final List<String> RULES = List.of("scottish", "meek", "wigm");

    public record Candidate(int position, String name, String statement) {
    }

    /** The published count, for its page; empty when no ballot was cast, so no one was elected. */
    public java.util.Optional<CountSheet> count() {
        return java.util.Optional.ofNullable(reportJson).map(CountSheet::fromReport);
    }

    public boolean published() {
        return status.equals("published");
    }

    /** Ballots are accepted between opening and closing, until the organiser closes the count. */
    public boolean acceptsBallotsAt(OffsetDateTime now) {
        return !published() && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
