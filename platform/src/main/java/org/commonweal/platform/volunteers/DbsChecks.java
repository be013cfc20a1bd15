package org.commonweal.platform.volunteers;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * DBS checks: entered by the volunteer or by a safeguarding lead of one of their groups, counted only once such a lead
 * verifies them (a lead's own entry is verified as it is made), and kept up to date with the Update Service's status
 * checks. Every read of a certificate's details by a lead is written to the audit log by the route that shows them.
 */
final class DbsChecks {
    static final String[] FIELDS = {"level", "certificateNumber", "issuedOn", "updateService", "status", "statusCheckedOn"};
    private static final String SELECT = """
            SELECT c.*, va.name AS verified_by_name
            FROM volunteer_dbs_checks c LEFT JOIN accounts va ON va.id = c.verified_by
            """;
    private final Jdbi jdbi;
    private final AuditLog audit;

    DbsChecks(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** The volunteer's checks, newest issue first. */
    List<DbsCheck> of(long volunteerId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE c.volunteer_id = :v ORDER BY c.issued_on DESC, c.id DESC").bind("v", volunteerId)
                .map((rs, c) -> check(rs)).list());
    }

    Optional<DbsCheck> find(long volunteerId, long checkId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE c.volunteer_id = :v AND c.id = :c").bind("v", volunteerId).bind("c", checkId)
                .map((rs, c) -> check(rs)).findOne());
    }

    private static DbsCheck check(ResultSet rs) throws SQLException {
        return new DbsCheck(rs.getLong("id"), rs.getLong("volunteer_id"), DbsLevel.of(rs.getString("level")).orElseThrow(),
                rs.getString("certificate_number"), rs.getObject("issued_on", LocalDate.class), rs.getBoolean("update_service"),
                rs.getString("status"), rs.getObject("status_checked_on", LocalDate.class), rs.getObject("recheck_due", LocalDate.class),
                rs.getString("verified_by_name"), rs.getObject("verified_group_id", Long.class), rs.getObject("verified_at", OffsetDateTime.class));
    }

    /** What others see: the highest level among the checks valid today, and until when. */
    static Optional<DbsCheck.Summary> summary(List<DbsCheck> checks, LocalDate today) {
        return checks.stream().filter(c -> c.valid(today))
                .max(java.util.Comparator.comparing(DbsCheck::level).thenComparing(DbsCheck::recheckDue))
                .map(c -> new DbsCheck.Summary(c.level(), c.recheckDue()));
    }

    private record Entered(DbsLevel level, String number, LocalDate issuedOn, boolean updateService, String status, LocalDate statusOn) {
    }

    /** The certificate from the form, or null with the form's errors. */
    private static Entered read(Form form, LocalDate today) {
        DbsLevel level = DbsLevel.of(form.value("level")).filter(l -> l != DbsLevel.NONE).orElse(null);
        if (level == null) form.error("level", "volunteers.dbs.error.level");
        String number = form.value("certificateNumber").replaceAll("[\\s-]", "");
        form.set("certificateNumber", number);
        if (!number.matches("[0-9]{12}")) form.error("certificateNumber", "volunteers.dbs.error.number");
        LocalDate issued = form.date("issuedOn", "volunteers.dbs.error.issuedOn");
        if (issued != null && issued.isAfter(today)) form.error("issuedOn", "volunteers.dbs.error.issuedOn.future");
        boolean updateService = "yes".equals(form.value("updateService"));
        String status = form.value("status").strip();
        LocalDate statusOn = null;
        if (!status.isEmpty()) {
            if (!updateService) form.error("status", "volunteers.dbs.error.status.noUpdateService");
            else if (!DbsCheck.STATUSES.contains(status)) form.error("status", "volunteers.dbs.error.status");
            statusOn = form.date("statusCheckedOn", "volunteers.dbs.error.statusCheckedOn");
            if (statusOn != null && (statusOn.isAfter(today) || issued != null && statusOn.isBefore(issued))) {
                form.error("statusCheckedOn", "volunteers.dbs.error.statusCheckedOn.range");
            }
        } else if (!form.value("statusCheckedOn").isBlank()) {
            form.error("status", "volunteers.dbs.error.status.missing");
        }
        if (form.hasErrors()) return null;
        return new Entered(level, number, issued, updateService, status.isEmpty() ? null : status, statusOn);
    }

    /**
     * Records a certificate for the volunteer. {@code verifyingGroup} is the group whose safeguarding lead enters it (then
     * it counts at once), or null when the volunteer enters their own (then it waits for a lead).
     */
    Optional<Refusal> enter(long volunteerId, Form form, Long verifyingGroup, Actor actor) {
        Entered e = read(form, VolunteersFeature.today());
        if (e == null) return Optional.of(Refusal.INVALID);
        jdbi.useTransaction(h -> {
            long id = h.createQuery("""
                            INSERT INTO volunteer_dbs_checks (volunteer_id, level, certificate_number, issued_on, update_service, status, status_checked_on,
                                                              recheck_due, entered_by, verified_by, verified_group_id, verified_at)
                            VALUES (:v, :level, :number, :issued, :us, :status, :statusOn, :due, :by, :verifier, :group, CASE WHEN :group IS NULL THEN NULL ELSE now() END)
                            RETURNING id""")
                    .bind("v", volunteerId).bind("level", e.level().code()).bind("number", e.number()).bind("issued", e.issuedOn())
                    .bind("us", e.updateService()).bind("status", e.status()).bind("statusOn", e.statusOn())
                    .bind("due", DbsCheck.recheckDue(e.issuedOn(), e.updateService(), e.statusOn())).bind("by", actor.accountId())
                    .bind("verifier", verifyingGroup == null ? null : actor.accountId()).bind("group", verifyingGroup).mapTo(Long.class).one();
            // The audit names the level, never the certificate number.
            audit.record(h, actor, verifyingGroup == null ? "volunteer.dbs_entered" : "volunteer.dbs_recorded", "volunteer:" + volunteerId,
                    "check " + id + " " + e.level().code() + (verifyingGroup == null ? "" : " group:" + verifyingGroup));
        });
        return Optional.empty();
    }

    /** A safeguarding lead of {@code groupId} confirms the certificate (seen on the DBS's own service or on paper). */
    Optional<Refusal> verify(long volunteerId, long checkId, long groupId, Actor actor) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                            UPDATE volunteer_dbs_checks SET verified_by = :by, verified_group_id = :g, verified_at = now()
                            WHERE id = :c AND volunteer_id = :v AND verified_at IS NULL""")
                    .bind("by", actor.accountId()).bind("g", groupId).bind("c", checkId).bind("v", volunteerId).execute();
            if (n == 0) return Optional.of(find(volunteerId, checkId).isPresent() ? Refusal.ALREADY_DONE : Refusal.NOT_FOUND);
            audit.record(h, actor, "volunteer.dbs_verified", "volunteer:" + volunteerId, "check " + checkId + " group:" + groupId);
            return Optional.<Refusal>empty();
        });
    }

    /** A lead records the Update Service's answer to a status check made today or earlier; the recheck date moves a year on. */
    Optional<Refusal> recordStatus(long volunteerId, long checkId, Form form, Actor actor) {
        Optional<DbsCheck> check = find(volunteerId, checkId);
        if (check.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
        if (!check.get().updateService()) return Optional.of(Refusal.CLOSED);
        String status = form.value("status");
        if (!DbsCheck.STATUSES.contains(status)) form.error("status", "volunteers.dbs.error.status");
        LocalDate on = form.date("statusCheckedOn", "volunteers.dbs.error.statusCheckedOn");
        if (on != null && (on.isAfter(VolunteersFeature.today()) || on.isBefore(check.get().issuedOn()))) {
            form.error("statusCheckedOn", "volunteers.dbs.error.statusCheckedOn.range");
        }
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            UPDATE volunteer_dbs_checks SET status = :s, status_checked_on = :on, recheck_due = :due, reminded_for = NULL
                            WHERE id = :c AND volunteer_id = :v""")
                    .bind("s", status).bind("on", on).bind("due", DbsCheck.recheckDue(check.get().issuedOn(), true, on))
                    .bind("c", checkId).bind("v", volunteerId).execute();
            audit.record(h, actor, "volunteer.dbs_status", "volunteer:" + volunteerId, "check " + checkId + " " + status);
        });
        return Optional.empty();
    }

    /** The volunteer removes a certificate of theirs (their own data; a verified one stops counting). */
    Optional<Refusal> delete(long volunteerId, long checkId, Actor actor) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM volunteer_dbs_checks WHERE id = :c AND volunteer_id = :v").bind("c", checkId).bind("v", volunteerId).execute();
            if (n == 0) return Optional.of(Refusal.NOT_FOUND);
            audit.record(h, actor, "volunteer.dbs_removed", "volunteer:" + volunteerId, "check " + checkId);
            return Optional.<Refusal>empty();
        });
    }
}
