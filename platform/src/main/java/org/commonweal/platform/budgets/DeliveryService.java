package org.commonweal.platform.budgets;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Officers report how each funded project is being delivered; residents follow every update. */
public final class DeliveryService {
    public static final List<String> STATUSES = List.of("not_started", "in_progress", "done", "cancelled");

    /** One published update; the newest is the project's current status. */
    public record Update(String status, String note, OffsetDateTime at) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;

    private final org.commonweal.platform.core.subjects.Subjects subjects;

    /** @param subjects where each delivery update is announced to the project's followers */
    public DeliveryService(Jdbi jdbi, AuditLog audit, org.commonweal.platform.core.subjects.Subjects subjects) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.subjects = subjects;
    }

    /** Newest first. */
    public List<Update> updates(long proposalId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status, note, created_at FROM budget_delivery_updates WHERE proposal_id = :p ORDER BY id DESC")
                .bind("p", proposalId).map((rs, c) -> new Update(rs.getString("status"), rs.getString("note"),
                        rs.getObject("created_at", OffsetDateTime.class))).list());
    }

    /** The current status of each funded project of a pot that has any update. */
    public Map<Long, String> current(long potId) {
        Map<Long, String> current = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                SELECT DISTINCT ON (u.proposal_id) u.proposal_id, u.status FROM budget_delivery_updates u
                JOIN budget_proposals r ON r.id = u.proposal_id WHERE r.pot_id = :p ORDER BY u.proposal_id, u.id DESC""")
                .bind("p", potId).map((rs, c) -> Map.entry(rs.getLong("proposal_id"), rs.getString("status")))
                .forEach(e -> current.put(e.getKey(), e.getValue())));
        return current;
    }

    /** The proposals of a process funded in their pots' published results: the selected ones. */
    public java.util.Set<Long> fundedIn(long processId) {
        return jdbi.withHandle(h -> java.util.Set.copyOf(h.createQuery("""
                SELECT rp.proposal_id FROM budget_result_projects rp JOIN budget_pots t ON t.id = rp.pot_id
                WHERE t.process_id = :p AND rp.funded""").bind("p", processId).mapTo(Long.class).list()));
    }

    /** Whether the proposal was funded in its pot's published result (only those have a delivery). */
    public boolean funded(long proposalId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM budget_result_projects WHERE proposal_id = :p AND funded)")
                .bind("p", proposalId).mapTo(Boolean.class).one());
    }

    /** Records an update for a funded project; a cancellation needs a reason. False with the form's errors otherwise. */
    public boolean update(long proposalId, Form form, Actor actor) {
        String status = form.value("status");
        if (!STATUSES.contains(status)) form.error("status", "budgets.error.deliveryStatus");
        String note = form.value("note").strip();
        form.set("note", note);
        if (note.length() > 2000) form.error("note", "budgets.error.reason.tooLong");
        else if (status.equals("cancelled") && note.isEmpty()) form.error("note", "budgets.error.cancelReason");
        if (!funded(proposalId)) form.error("status", "budgets.error.notFunded");
        if (form.hasErrors()) return false;
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO budget_delivery_updates (proposal_id, status, note) VALUES (:p, :s, :n)")
                    .bind("p", proposalId).bind("s", status).bind("n", note).execute();
            audit.record(h, actor, "budget.delivery.updated", "proposal:" + proposalId, status);
        });
        String title = jdbi.withHandle(h -> h.createQuery("SELECT title FROM budget_proposals WHERE id = :p").bind("p", proposalId)
                .mapTo(String.class).one());
        subjects.announce(org.commonweal.platform.core.subjects.SubjectChange.toFollowers(ProposalService.subject(proposalId), actor.accountId(),
                "budgets.announce.delivery." + status, title, note));
        return true;
    }
}
