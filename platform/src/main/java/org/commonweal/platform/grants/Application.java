package org.commonweal.platform.grants;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A group's application to a programme: the amount asked and the budget lines it is made of (they add up to it), what it
 * is for and what it will change. A draft is the group's until submitted; after that officers or the panel score it and
 * an officer decides (or residents do, when the programme is handed to them).
 */
public record Application(long id, long programmeId, long groupId, String groupName, Long applicantId, String title, long amount, String purpose,
                          String outcomes, String status, OffsetDateTime submittedAt, String decisionReason, Long amountAwarded,
                          LocalDate awardedOn, Long proposalId, List<BudgetLine> lines) {
    public static final List<String> STATUSES = List.of("draft", "submitted", "with_residents", "awarded", "declined");

    public Application {
        lines = List.copyOf(lines);
    }

    public record BudgetLine(String item, long amount) {
    }

    public String url() {
        return "/grants/applications/" + id;
    }

    public boolean draft() {
        return status.equals("draft");
    }

    /** Submitted and not yet decided: open to scoring and to a decision. */
    public boolean awaitingDecision() {
        return status.equals("submitted");
    }
}
