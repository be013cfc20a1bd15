package org.commonweal.platform.library;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case story: what a community did about a problem, how, and what came of it, in Participedia's terms where they
 * fit (purpose, approach, number of participants, outcomes and the evidence for them). Money is in minor units.
 */
public record Story(long id, Long authorId, String authorName, long placeId, String placeName, Long groupId, String title, String summary,
                    String problem, String approach, String theme, String purpose, Integer participants, LocalDate startedOn,
                    LocalDate endedOn, String outcomes, String evidence, Long costMinor, String lessons, String sourceKind, Long sourceId,
                    String status, OffsetDateTime publishedAt) {
    /** The budgets' themes, so a story made from a budget project keeps its theme (names are the messages budgets.theme.*). */
    public static final List<String> THEMES = org.commonweal.platform.budgets.Proposal.THEMES;
    /**
     * Participedia's five "purposes" of a case, in its order: make or influence decisions of public bodies, or of private
     * organisations, deliver goods and services, develop civic capacity, research.
     */
    public static final List<String> PURPOSES = List.of("influence_decisions", "influence_organisations", "deliver_services", "build_capacity", "research");
    /** What a story may have come from: subject kinds of other features. */
    public static final List<String> SOURCES = List.of("proposal", "problem", "consultation");

    /** Which message says when it happened: both days, only the start, or only the end. */
    public String whenKey() {
        return startedOn == null ? "library.when.until" : endedOn == null ? "library.when.from" : "library.when";
    }

    public boolean published() {
        return status.equals("published");
    }

    /** The author may change it and send it for review until it is published. */
    public boolean editableByAuthor() {
        return status.equals("draft") || status.equals("submitted");
    }
}
