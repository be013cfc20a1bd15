package org.commonweal.platform.services;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A stored service: what it is ({@link ServiceRecord}), and where it stands with the officers: pending (new, not public),
 * published or withdrawn (with the reason), and whether a change awaits review.
 */
public record Service(long id, ServiceRecord record, String state, boolean needsReview, String withdrawnReason, LocalDate assuredDate,
               OffsetDateTime lastModified) {
    static final String PENDING = "pending";
    static final String PUBLISHED = "published";
    static final String WITHDRAWN = "withdrawn";

    public boolean published() {
        return PUBLISHED.equals(state);
    }

    public String name() {
        return record.name();
    }

    public long groupId() {
        return record.groupId();
    }
}
