package org.commonweal.platform.opportunities;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Jdbi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hours volunteers log, against a session they attended (its day and role) or ad hoc against an opportunity (a day
 * and one of its roles); the group's coordinators approve them or reject them with a reason. Only approved hours count
 * in totals and in the record a volunteer downloads. Hours are kept in quarter hours so totals are exact.
 */
public final class Hours {
    static final String[] FIELDS = {"session", "role", "date", "hours", "note"};

    /** Logged hours, as their volunteer (their record) or the group's coordinators (to decide) see them. */
    public record Logged(long id, long opportunityId, String opportunityTitle, long groupId, String groupName, long accountId, String volunteerName,
                  String role, LocalDate workedOn, int quarters, String note, String status, String reason) {
        public BigDecimal hours() {
            return inHours(quarters);
        }
    }

    /** A line of the record "for a CV": a role held with a group, from its first day to its last, and its approved hours. */
    public record RoleHeld(String groupName, String role, LocalDate from, LocalDate to, int quarters) {
        public BigDecimal hours() {
            return inHours(quarters);
        }
    }

    private static final String SELECT = """
            SELECT v.id, v.opportunity_id, o.title, o.group_id, v.account_id, a.name AS volunteer_name, v.role, v.worked_on, v.quarters, v.note,
                   v.status, v.reason
            FROM volunteer_hours v JOIN opportunities o ON o.id = v.opportunity_id JOIN accounts a ON a.id = v.account_id""";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Groups groups;

    Hours(Jdbi jdbi, AuditLog audit, Groups groups) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.groups = groups;
    }

    static BigDecimal inHours(int quarters) {
        BigDecimal hours = BigDecimal.valueOf(quarters).divide(BigDecimal.valueOf(4)).stripTrailingZeros();
        return hours.scale() < 0 ? hours.setScale(0) : hours;
    }

    /** Hours typed as a number of hours in quarter steps ("2", "1.5", "0.25"), or null with an error on the field. */
    static Integer quarters(Form form, int max) {
        String text = form.value("hours").strip();
        form.set("hours", text);
        try {
            BigDecimal q = new BigDecimal(text).multiply(BigDecimal.valueOf(4));
            if (q.stripTrailingZeros().scale() <= 0 && q.signum() > 0 && q.intValueExact() <= max) return q.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            // the field error below says what is wanted
        }
        form.error("hours", "opportunities.error.hours.amount", inHours(max));
        return null;
    }

    /**
     * Logs the account's hours for the opportunity: against a session they were checked in at (at most its length, once
     * per session), or ad hoc (a role of the opportunity and a day not in the future).
     */
    Optional<Refusal> log(Opportunity o, long accountId, Form form, Actor actor) {
        String note = form.value("note").strip();
        form.set("note", note);
        if (note.length() > 1000) form.error("note", "opportunities.error.hours.note");
        Optional<Long> session = OpportunityDetails.parseId(form.value("session"));
        return jdbi.inTransaction(h -> {
            String role;
            LocalDate day;
            int max = 96;
            if (session.isPresent()) {
                record Attended(String role, OffsetDateTime startsAt, OffsetDateTime endsAt, Boolean attended) {
                }
                Optional<Attended> a = h.createQuery("""
                        SELECT s.role, s.starts_at, s.ends_at, u.attended FROM opportunity_sessions s
                        LEFT JOIN opportunity_signups u ON u.session_id = s.id AND u.account_id = :a
                        WHERE s.id = :s AND s.opportunity_id = :o""").bind("a", accountId).bind("s", session.get()).bind("o", o.id())
                        .map((rs, c) -> new Attended(rs.getString("role"), rs.getObject("starts_at", OffsetDateTime.class),
                                rs.getObject("ends_at", OffsetDateTime.class), (Boolean) rs.getObject("attended"))).findOne();
                if (a.isEmpty() || !Boolean.TRUE.equals(a.get().attended())) {
                    form.error("session", "opportunities.error.hours.notAttended");
                    return Optional.of(Refusal.INVALID);
                }
                role = a.get().role();
                day = a.get().startsAt().atZoneSameInstant(Opportunity.ZONE).toLocalDate();
                max = Math.max(1, new Shift(session.get(), o.id(), role, a.get().startsAt(), a.get().endsAt(), 0, "", null, 1, 0, 0).quarters());
                boolean logged = h.createQuery("SELECT 1 FROM volunteer_hours WHERE session_id = :s AND account_id = :a")
                        .bind("s", session.get()).bind("a", accountId).mapTo(Integer.class).findOne().isPresent();
                if (logged) form.error("session", "opportunities.error.hours.already");
            } else {
                role = form.value("role").strip();
                if (!o.roles().contains(role)) form.error("role", "opportunities.error.hours.role");
                day = form.date("date", "opportunities.error.hours.date");
                if (day != null && day.isAfter(LocalDate.now(Opportunity.ZONE))) form.error("date", "opportunities.error.hours.future");
            }
            Integer quarters = quarters(form, max);
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            long id = h.createUpdate("""
                    INSERT INTO volunteer_hours (opportunity_id, session_id, account_id, role, worked_on, quarters, note)
                    VALUES (:o, :s, :a, :role, :day, :q, :note)""").bind("o", o.id()).bind("s", session.orElse(null)).bind("a", accountId)
                    .bind("role", role).bind("day", day).bind("q", quarters).bind("note", note)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "opportunity.hours_logged", "opportunity:" + o.id(), "hours:" + id);
            return Optional.<Refusal>empty();
        });
    }

    /** The sessions of the opportunity the account was checked in at and has not logged hours for yet, latest first. */
    List<Shift> loggable(long opportunityId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery(Opportunities.SHIFT_SELECT + """
                         JOIN opportunity_signups u ON u.session_id = s.id AND u.account_id = :a AND u.attended
                        WHERE s.opportunity_id = :o
                          AND NOT EXISTS (SELECT 1 FROM volunteer_hours v WHERE v.session_id = s.id AND v.account_id = :a)
                        ORDER BY s.starts_at DESC LIMIT 100""").bind("a", accountId).bind("o", opportunityId)
                .map((rs, c) -> Opportunities.shift(rs)).list());
    }

    /** A coordinator approves pending hours, or rejects them with a reason (required). */
    Optional<Refusal> decide(Opportunity o, long hoursId, boolean approve, Form form, Actor actor) {
        String reason = approve ? null : form.requireText("reason", 1000, "opportunities.error.reason.required", "opportunities.error.reason.tooLong");
        return jdbi.inTransaction(h -> {
            Optional<String> status = h.createQuery("SELECT status FROM volunteer_hours WHERE id = :id AND opportunity_id = :o FOR UPDATE")
                    .bind("id", hoursId).bind("o", o.id()).mapTo(String.class).findOne();
            if (status.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
            if (!status.get().equals("pending")) return Optional.of(Refusal.CLOSED);
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            h.createUpdate("UPDATE volunteer_hours SET status = :st, reason = :r, decided_by = :by, decided_at = now() WHERE id = :id")
                    .bind("st", approve ? "approved" : "rejected").bind("r", reason).bind("by", actor.accountId()).bind("id", hoursId).execute();
            audit.record(h, actor, approve ? "opportunity.hours_approved" : "opportunity.hours_rejected", "opportunity:" + o.id(), "hours:" + hoursId);
            return Optional.<Refusal>empty();
        });
    }

    /** The opportunity's hours waiting for a decision, oldest first. */
    List<Logged> pending(long opportunityId) {
        return named(jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE v.opportunity_id = :o AND v.status = 'pending' ORDER BY v.id LIMIT 500")
                .bind("o", opportunityId).map((rs, c) -> logged(rs)).list()));
    }

    /** Everything the account logged, latest day first. */
    List<Logged> ofAccount(long accountId) {
        return named(jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE v.account_id = :a ORDER BY v.worked_on DESC, v.id DESC LIMIT 2000")
                .bind("a", accountId).map((rs, c) -> logged(rs)).list()));
    }

    /** The roles the account held, by group and role, with their first and last day and approved hours: only approved hours count. */
    List<RoleHeld> roles(long accountId) {
        record Row(long groupId, String role, LocalDate from, LocalDate to, int quarters) {
        }
        List<Row> rows = jdbi.withHandle(h -> h.createQuery("""
                SELECT o.group_id, v.role, min(v.worked_on) AS first_day, max(v.worked_on) AS last_day, sum(v.quarters) AS quarters
                FROM volunteer_hours v JOIN opportunities o ON o.id = v.opportunity_id
                WHERE v.account_id = :a AND v.status = 'approved'
                GROUP BY o.group_id, v.role ORDER BY max(v.worked_on) DESC, v.role""").bind("a", accountId)
                .map((rs, c) -> new Row(rs.getLong("group_id"), rs.getString("role"), rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class), rs.getInt("quarters"))).list());
        Map<Long, String> names = groups.names(rows.stream().map(Row::groupId).distinct().toList());
        return rows.stream().map(r -> new RoleHeld(names.getOrDefault(r.groupId(), ""), r.role(), r.from(), r.to(), r.quarters())).toList();
    }

    private List<Logged> named(List<Logged> found) {
        Map<Long, String> names = groups.names(found.stream().map(Logged::groupId).distinct().toList());
        return found.stream().map(l -> new Logged(l.id(), l.opportunityId(), l.opportunityTitle(), l.groupId(), names.getOrDefault(l.groupId(), ""),
                l.accountId(), l.volunteerName(), l.role(), l.workedOn(), l.quarters(), l.note(), l.status(), l.reason())).toList();
    }

    private static Logged logged(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Logged(rs.getLong("id"), rs.getLong("opportunity_id"), rs.getString("title"), rs.getLong("group_id"), null, rs.getLong("account_id"),
                rs.getString("volunteer_name"), rs.getString("role"), rs.getObject("worked_on", LocalDate.class), rs.getInt("quarters"),
                rs.getString("note"), rs.getString("status"), rs.getString("reason"));
    }
}
