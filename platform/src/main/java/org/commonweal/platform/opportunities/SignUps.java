package org.commonweal.platform.opportunities;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.mail.Outbox;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Volunteers sign up for sessions. Once a session's places are taken, later sign-ups wait in order; when a volunteer
 * cancels, the first waiting takes the place and is told by mail. Every change locks the session's row first, so
 * concurrent sign-ups are counted one after another and the capacity is never exceeded. Coordinators check volunteers
 * in (came or did not come) once the session has started.
 */
public final class SignUps {
    /** What a sign-up attempt came to; {@code UNMET} carries the requirement not met, in words ({@code reasonKey} and its arguments). */
    public record Outcome(String kind, String reasonKey, Object... args) {
        static final Outcome SIGNED_UP = new Outcome("signed_up", null), WAITING = new Outcome("waiting", null),
                ALREADY = new Outcome("already", null), CLOSED = new Outcome("closed", null);

        boolean unmet() {
            return kind.equals("unmet");
        }
    }

    /** One account's place in one session: signed up, or waiting at a position (1 = next to be promoted). */
    public record Standing(String status, int position, Boolean attended) {
        public boolean signedUp() {
            return status.equals("signed_up");
        }
    }

    /** A volunteer on a session's list, as its coordinators see it. */
    public record Entry(long id, long accountId, String name, String status, int position, Boolean attended) {
    }

    /** A sign-up as its volunteer sees it on their own page. */
    public record Mine(long opportunityId, String title, long shiftId, String role, OffsetDateTime startsAt, OffsetDateTime endsAt, String status,
                int position, Boolean attended) {
        public String when() {
            return new Shift(shiftId, opportunityId, role, startsAt, endsAt, 0, "", null, 1, 0, 0).when();
        }

        public boolean upcoming() {
            return endsAt.isAfter(OffsetDateTime.now());
        }
    }

    private static final String POSITION = """
            (SELECT count(*) FROM opportunity_signups w WHERE w.session_id = u.session_id AND w.status = 'waiting' AND w.id <= u.id)""";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Messages messages;
    private final Requirements requirements;
    private final String baseUrl;

    SignUps(Jdbi jdbi, AuditLog audit, Outbox outbox, Messages messages, Requirements requirements, String baseUrl) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.outbox = outbox;
        this.messages = messages;
        this.requirements = requirements;
        this.baseUrl = baseUrl;
    }

    /**
     * Signs the account up for the session, or puts it on the waiting list when the session is full, once it meets the
     * opportunity's requirements ({@code ageConfirmed}: the volunteer says they are old enough).
     */
    Outcome signUp(Opportunity o, long shiftId, long accountId, boolean ageConfirmed, Actor actor) {
        if (!o.open()) return Outcome.CLOSED;
        Optional<Outcome> unmet = requirements.unmet(o, accountId, ageConfirmed);
        if (unmet.isPresent()) return unmet.get();
        return jdbi.inTransaction(h -> {
            Optional<Boolean> upcoming = h.createQuery("SELECT starts_at > now() FROM opportunity_sessions WHERE id = :s AND opportunity_id = :o FOR UPDATE")
                    .bind("s", shiftId).bind("o", o.id()).mapTo(Boolean.class).findOne();
            if (upcoming.isEmpty() || !upcoming.get()) return Outcome.CLOSED;
            if (standing(h, shiftId, accountId).isPresent()) return Outcome.ALREADY;
            boolean room = freePlaces(h, shiftId) > 0;
            h.createUpdate("INSERT INTO opportunity_signups (session_id, account_id, status) VALUES (:s, :a, :status)")
                    .bind("s", shiftId).bind("a", accountId).bind("status", room ? "signed_up" : "waiting").execute();
            audit.record(h, actor, room ? "opportunity.signed_up" : "opportunity.waiting", "opportunity:" + o.id(), "session:" + shiftId);
            return room ? Outcome.SIGNED_UP : Outcome.WAITING;
        });
    }

    /** Cancels the account's own sign-up (or leaves the waiting list); a freed place goes to the first waiting, who is mailed. */
    Optional<Refusal> cancel(Opportunity o, long shiftId, long accountId, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Shift> shift = lockShift(h, o.id(), shiftId);
            if (shift.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
            if (shift.get().past()) return Optional.of(Refusal.CLOSED);
            int n = h.createUpdate("DELETE FROM opportunity_signups WHERE session_id = :s AND account_id = :a")
                    .bind("s", shiftId).bind("a", accountId).execute();
            if (n == 0) return Optional.of(Refusal.NOT_FOUND);
            audit.record(h, actor, "opportunity.cancelled_signup", "opportunity:" + o.id(), "session:" + shiftId);
            promote(h, o, shift.get());
            return Optional.<Refusal>empty();
        });
    }

    /** Moves the first waiting into free places, in the order they joined, and mails each. The caller holds the session's lock. */
    private void promote(Handle h, Opportunity o, Shift shift) {
        int free = freePlaces(h, shift.id());
        if (free <= 0) return;
        List<String> emails = h.createQuery("""
                WITH promoted AS (
                    UPDATE opportunity_signups SET status = 'signed_up'
                    WHERE id IN (SELECT id FROM opportunity_signups WHERE session_id = :s AND status = 'waiting' ORDER BY id LIMIT :free)
                    RETURNING account_id)
                SELECT a.email FROM promoted p JOIN accounts a ON a.id = p.account_id""")
                .bind("s", shift.id()).bind("free", free).mapTo(String.class).list();
        for (String email : emails) {
            outbox.enqueue(h, email, messages.get("opportunities.mail.promoted.subject", o.title()),
                    messages.get("opportunities.mail.promoted.body", o.title(), shift.role(), shift.when(), baseUrl + o.url()));
        }
    }

    private static int freePlaces(Handle h, long shiftId) {
        return h.createQuery("""
                SELECT s.capacity - (SELECT count(*) FROM opportunity_signups u WHERE u.session_id = s.id AND u.status = 'signed_up')
                FROM opportunity_sessions s WHERE s.id = :s""").bind("s", shiftId).mapTo(Integer.class).one();
    }

    private static Optional<Shift> lockShift(Handle h, long opportunityId, long shiftId) {
        boolean exists = h.createQuery("SELECT id FROM opportunity_sessions WHERE id = :s AND opportunity_id = :o FOR UPDATE")
                .bind("s", shiftId).bind("o", opportunityId).mapTo(Long.class).findOne().isPresent();
        if (!exists) return Optional.empty();
        return h.createQuery(Opportunities.SHIFT_SELECT + " WHERE s.id = :s").bind("s", shiftId).map((rs, c) -> Opportunities.shift(rs)).findOne();
    }

    /** The account's standing in each session of the opportunity it signed up for or waits for, by session id. */
    java.util.Map<Long, Standing> standings(long opportunityId, long accountId) {
        java.util.Map<Long, Standing> out = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT u.session_id, u.status, u.attended, " + POSITION + """
                         AS position
                        FROM opportunity_signups u JOIN opportunity_sessions s ON s.id = u.session_id
                        WHERE s.opportunity_id = :o AND u.account_id = :a""").bind("o", opportunityId).bind("a", accountId)
                .map((rs, c) -> java.util.Map.entry(rs.getLong("session_id"), new Standing(rs.getString("status"),
                        rs.getString("status").equals("waiting") ? rs.getInt("position") : 0, (Boolean) rs.getObject("attended"))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** The coordinator's check-in: the volunteer signed up for this session came ({@code attended}) or did not. Only once it started. */
    Optional<Refusal> checkIn(Opportunity o, long shiftId, long signUpId, boolean attended, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Shift> shift = lockShift(h, o.id(), shiftId);
            if (shift.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
            if (shift.get().startsAt().isAfter(OffsetDateTime.now())) return Optional.of(Refusal.CLOSED);
            int n = h.createUpdate("""
                    UPDATE opportunity_signups SET attended = :attended, checked_at = now()
                    WHERE id = :id AND session_id = :s AND status = 'signed_up'""")
                    .bind("attended", attended).bind("id", signUpId).bind("s", shiftId).execute();
            if (n == 0) return Optional.of(Refusal.NOT_FOUND);
            audit.record(h, actor, attended ? "opportunity.attended" : "opportunity.did_not_attend", "opportunity:" + o.id(), "signup:" + signUpId);
            return Optional.<Refusal>empty();
        });
    }

    Optional<Standing> standing(long shiftId, long accountId) {
        return jdbi.withHandle(h -> standing(h, shiftId, accountId));
    }

    private static Optional<Standing> standing(Handle h, long shiftId, long accountId) {
        return h.createQuery("SELECT u.status, u.attended, " + POSITION + " AS position FROM opportunity_signups u WHERE u.session_id = :s AND u.account_id = :a")
                .bind("s", shiftId).bind("a", accountId)
                .map((rs, c) -> new Standing(rs.getString("status"), rs.getString("status").equals("waiting") ? rs.getInt("position") : 0,
                        (Boolean) rs.getObject("attended"))).findOne();
    }

    /** The session's volunteers for its coordinators: those signed up, then the waiting list in order. */
    List<Entry> roster(long shiftId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT u.id, u.account_id, a.name, u.status, u.attended, " + POSITION + """
                         AS position
                        FROM opportunity_signups u JOIN accounts a ON a.id = u.account_id
                        WHERE u.session_id = :s ORDER BY u.status, u.id""")
                .bind("s", shiftId).map((rs, c) -> new Entry(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("status"),
                        rs.getString("status").equals("waiting") ? rs.getInt("position") : 0, (Boolean) rs.getObject("attended"))).list());
    }

    /** The account's sign-ups: upcoming ones soonest first, then past ones latest first. */
    List<Mine> mine(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT o.id AS opportunity_id, o.title, s.id AS shift_id, s.role, s.starts_at, s.ends_at, u.status, u.attended, "
                        + POSITION + """
                         AS position
                        FROM opportunity_signups u JOIN opportunity_sessions s ON s.id = u.session_id JOIN opportunities o ON o.id = s.opportunity_id
                        WHERE u.account_id = :a
                        ORDER BY s.ends_at <= now(), CASE WHEN s.ends_at > now() THEN s.starts_at END, s.starts_at DESC LIMIT 500""")
                .bind("a", accountId).map((rs, c) -> new Mine(rs.getLong("opportunity_id"), rs.getString("title"), rs.getLong("shift_id"), rs.getString("role"),
                        rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class), rs.getString("status"),
                        rs.getString("status").equals("waiting") ? rs.getInt("position") : 0, (Boolean) rs.getObject("attended"))).list());
    }
}
