package org.commonweal.platform.problems;

import java.util.List;

/**
 * A way to solve a problem that a resident proposes, either in their own words or by pointing at a budget proposal
 * ({@code proposalKey} "proposal:ID", which also records where a solution went when it was sent to a budget).
 */
public record Solution(long id, long problemId, String problemTitle, long placeId, Long authorId, String authorName, String title,
                       String description, String proposalKey, String proposalUrl, String status, String statusReason) {
    public static final List<String> OFFICER_STATUSES = List.of("proposed", "adopted", "in_budget", "done", "rejected");

    public boolean withdrawn() {
        return status.equals("withdrawn");
    }

    /** A solution can go to a budget once: while nobody has linked a proposal to it and it is still on the table. */
    public boolean mayGoToBudget() {
        return proposalKey == null && (status.equals("proposed") || status.equals("adopted"));
    }
}
