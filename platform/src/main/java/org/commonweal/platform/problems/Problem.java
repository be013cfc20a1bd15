package org.commonweal.platform.problems;

import java.time.OffsetDateTime;
import java.util.List;

/** A local problem a resident has raised, where it is, and how far the council has got with it. */
public record Problem(long id, Long authorId, String authorName, long placeId, String placeName, String title, String description,
                      String theme, String status, String statusReason, int supporters, boolean hasPhoto, String photoAlt,
                      OffsetDateTime createdAt) {
    /**
     * The themes are the budgets' themes, so that a solution can become a budget proposal without re-sorting it
     * (and their names are the messages {@code budgets.theme.*}).
     */
    public static final List<String> THEMES = org.commonweal.platform.budgets.Proposal.THEMES;
    /** Statuses an officer may set; "withdrawn" is only the author's to set. */
    public static final List<String> OFFICER_STATUSES = List.of("open", "under_review", "being_solved", "solved", "closed");

    /** Residents support a problem and propose solutions while it is unsolved and not withdrawn. */
    public boolean active() {
        return status.equals("open") || status.equals("under_review") || status.equals("being_solved");
    }

    /** The author may change or withdraw it until an officer starts to look at it. */
    public boolean editableByAuthor() {
        return status.equals("open");
    }

    public boolean withdrawn() {
        return status.equals("withdrawn");
    }
}
