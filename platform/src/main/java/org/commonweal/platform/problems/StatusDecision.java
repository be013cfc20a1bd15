package org.commonweal.platform.problems;

import org.commonweal.platform.core.http.Form;

import java.util.List;

/**
 * An officer's status change as the form gives it: one of the allowed statuses, and a reason residents read —
 * required for the one status that ends things ({@code needsReason}: closed, rejected), optional otherwise.
 * Field errors go on the form; {@link #valid()} says whether there were none.
 */
record StatusDecision(String status, String reason, boolean valid) {
    static StatusDecision read(Form form, List<String> allowed, String needsReason) {
        String status = form.value("status");
        if (!allowed.contains(status)) form.error("status", "problems.error.status");
        String reason = form.value("reason").strip();
        form.set("reason", reason);
        if (status.equals(needsReason) && reason.isEmpty()) form.error("reason", "problems.error.reason.required");
        else if (!reason.isEmpty()) form.requireText("reason", 2000, "problems.error.reason.required", "problems.error.reason.tooLong");
        return new StatusDecision(status, reason, !form.hasErrors());
    }
}
