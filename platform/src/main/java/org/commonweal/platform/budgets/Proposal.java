package org.commonweal.platform.budgets;

import java.util.List;

/** A resident's idea for a pot. Once an officer costs it, the council's estimate is the cost that counts. */
public record Proposal(long id, long potId, long placeId, String placeName, Long authorId, String authorName, String title,
                       String description, String theme, long estimatedCost, Long councilCost, String status, String statusReason) {
    public static final List<String> THEMES = List.of("streets", "green", "play", "community", "culture", "safety", "health");
    public static final List<String> STATUSES = List.of("submitted", "feasible", "not_feasible", "withdrawn");

    public long cost() {
        return councilCost != null ? councilCost : estimatedCost;
    }

    public boolean feasible() {
        return status.equals("feasible");
    }
}
