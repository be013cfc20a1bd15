package org.commonweal.platform.groups;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An officer's check of a group's identifier against its register (the Charity Commission's, Companies House's...):
 * what they checked, on which day, and the outcome. A check that confirms the group marks it verified; one that does
 * not takes the badge away. Every check is kept and audited.
 */
public final class Verifications {
    public record Check(String identifier, String checked, LocalDate checkedOn, boolean verified, String officer, OffsetDateTime recordedAt) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final GroupIndex index;

    Verifications(Jdbi jdbi, AuditLog audit, GroupIndex index) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.index = index;
    }

    List<Check> history(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT v.identifier, v.checked, v.checked_on, v.verified, a.name AS officer, v.recorded_at
                        FROM group_verifications v LEFT JOIN accounts a ON a.id = v.officer_id WHERE v.group_id = :g ORDER BY v.id DESC""")
                .bind("g", groupId).map((rs, c) -> new Check(rs.getString("identifier"), rs.getString("checked"),
                        rs.getObject("checked_on", LocalDate.class), rs.getBoolean("verified"), rs.getString("officer"),
                        rs.getObject("recorded_at", OffsetDateTime.class))).list());
    }

    /** Records the officer's check: the identifier must be one of the group's, the day not in the future. */
    Optional<Refusal> record(Group group, Form form, Actor actor) {
        String identifier = form.value("identifier");
        if (!group.identifiers().contains(identifier)) form.error("identifier", "groups.error.verify.identifier");
        String checked = form.requireText("checked", 2000, "groups.error.verify.checked", "groups.error.verify.checked.tooLong");
        LocalDate on = form.date("checkedOn", "groups.error.verify.checkedOn");
        if (on != null && on.isAfter(Memberships.today())) form.error("checkedOn", "groups.error.verify.future");
        String outcome = form.value("outcome");
        if (!outcome.equals("verified") && !outcome.equals("not_verified")) form.error("outcome", "groups.error.verify.outcome");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        boolean verified = outcome.equals("verified");
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO group_verifications (group_id, identifier, checked, checked_on, verified, officer_id)
                            VALUES (:g, :i, :c, :on, :v, :o)""")
                    .bind("g", group.id()).bind("i", identifier).bind("c", checked).bind("on", on).bind("v", verified).bind("o", actor.accountId()).execute();
            h.createUpdate("UPDATE groups SET verified_at = CASE WHEN :v THEN now() END WHERE id = :g").bind("v", verified).bind("g", group.id()).execute();
            audit.record(h, actor, verified ? "group.verified" : "group.not_verified", "group:" + group.id(), identifier + " checked " + on + ": " + checked);
            index.update(h, group.id());
        });
        return Optional.empty();
    }
}
