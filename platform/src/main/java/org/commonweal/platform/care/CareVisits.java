package org.commonweal.platform.care;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.volunteers.Slots;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Visits of an ongoing match: the next ones from a weekly request's slots, and those the volunteer logs (day, length, a
 * short note that is not about the person's health), approved by the coordinator as hours are.
 */
final class CareVisits {
    static final int NOTE_MAX = 200;
    /** How many upcoming visits a page lists. */
    static final int UPCOMING = 4;

    private final Jdbi jdbi;
    private final AuditLog audit;

    CareVisits(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** The next days the request's weekly slots fall on, from {@code from} (inclusive); a one-off request's day if still to come. */
    static List<LocalDate> upcoming(CareRequest r, LocalDate from) {
        if (!r.recurring()) return r.oneOffOn().isBefore(from) ? List.of() : List.of(r.oneOffOn());
        Set<Integer> days = r.slots().stream().map(s -> Slots.DAYS.indexOf(s.substring(0, s.indexOf('-'))) + 1).collect(Collectors.toSet());
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; out.size() < UPCOMING && d.isBefore(from.plusWeeks(2)); d = d.plusDays(1)) {
            if (days.contains(d.getDayOfWeek().getValue())) out.add(d);
        }
        return out;
    }

    /** The volunteer logs a visit of their ongoing match; the form's errors (422) when a field is wrong. */
    Optional<Refusal> log(CareMatch m, Form form, Actor actor) {
        if (!CareMatch.ACCEPTED.equals(m.status())) return Optional.of(Refusal.CLOSED);
        LocalDate day = form.date("visitedOn", "care.error.visitedOn");
        if (day != null && day.isAfter(CareFeature.today())) form.error("visitedOn", "care.error.visitedOn.future");
        int minutes = 0;
        try {
            minutes = Integer.parseInt(form.value("minutes").strip());
        } catch (NumberFormatException e) {
            minutes = -1;
        }
        if (minutes < 5 || minutes > 720) form.error("minutes", "care.error.minutes");
        String note = form.value("note").strip();
        form.set("note", note);
        if (note.length() > NOTE_MAX) form.error("note", "care.error.note");
        else if (note.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) form.error("note", "error.controlCharacters");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        int length = minutes;
        return jdbi.inTransaction(h -> {
            int added = h.createUpdate("""
                            INSERT INTO care_visits (match_id, visited_on, minutes, note, status) VALUES (:m, :d, :min, :note, 'logged')
                            ON CONFLICT (match_id, visited_on) DO NOTHING""")
                    .bind("m", m.id()).bind("d", day).bind("min", length).bind("note", note).execute();
            if (added == 0) {
                form.error("visitedOn", "care.error.visitedOn.twice");
                return Optional.of(Refusal.INVALID);
            }
            audit.record(h, actor, "care.visit_logged", CareRequest.auditSubject(m.requestId()), day.toString());
            return Optional.<Refusal>empty();
        });
    }

    Optional<CareVisit> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE v.id = :id").bind("id", id).map(CareVisits::visit).findOne());
    }

    /** The coordinator approves a logged visit. */
    Optional<Refusal> approve(long visitId, Actor actor) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE care_visits SET status = 'approved', approved_by = :by, approved_at = now() WHERE id = :id AND status = 'logged'")
                    .bind("by", actor.accountId()).bind("id", visitId).execute();
            if (changed == 0) return Optional.of(Refusal.CLOSED);
            audit.record(h, actor, "care.visit_approved", "care_visit:" + visitId, "");
            return Optional.<Refusal>empty();
        });
    }

    /** The match's visits, latest first. */
    List<CareVisit> ofRequest(long requestId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE m.request_id = :r ORDER BY v.visited_on DESC, v.id DESC").bind("r", requestId)
                .map(CareVisits::visit).list());
    }

    /** The group's visits waiting for approval, oldest first. */
    List<CareVisit> waiting(long groupId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE m.group_id = :g AND v.status = 'logged' ORDER BY v.visited_on, v.id").bind("g", groupId)
                .map(CareVisits::visit).list());
    }

    private static final String SELECT = """
            SELECT v.id, v.match_id, v.visited_on, v.minutes, v.note, v.status, a.name AS volunteer_name, v.approved_at
            FROM care_visits v JOIN care_matches m ON m.id = v.match_id JOIN accounts a ON a.id = m.volunteer_id
            """;

    private static CareVisit visit(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c) throws java.sql.SQLException {
        return new CareVisit(rs.getLong("id"), rs.getLong("match_id"), rs.getObject("visited_on", LocalDate.class), rs.getInt("minutes"), rs.getString("note"),
                rs.getString("status"), rs.getString("volunteer_name"), rs.getObject("approved_at", OffsetDateTime.class));
    }
}
