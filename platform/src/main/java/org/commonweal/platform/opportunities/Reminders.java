package org.commonweal.platform.opportunities;

import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.mail.Outbox;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The day before a session, each volunteer signed up for it gets a reminder by mail, once: the job runs through the
 * day, and a sign-up made late the day before is still reminded at the next run. Those waiting are not reminded (they
 * have no place yet).
 */
final class Reminders {
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Messages messages;
    private final String baseUrl;

    Reminders(Jdbi jdbi, Outbox outbox, Messages messages, String baseUrl) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    /** Sends the reminders due on {@code today} (a UK day): for sessions starting tomorrow. @return how many were queued */
    int send(LocalDate today) {
        record Due(long signUp, String email, long opportunityId, String title, String role, OffsetDateTime startsAt, OffsetDateTime endsAt,
                   String placeName, String venue) {
        }
        OffsetDateTime from = ZonedDateTime.of(today.plusDays(1).atStartOfDay(), Opportunity.ZONE).toOffsetDateTime();
        OffsetDateTime to = ZonedDateTime.of(today.plusDays(2).atStartOfDay(), Opportunity.ZONE).toOffsetDateTime();
        return jdbi.inTransaction(h -> {
            var due = h.createQuery("""
                    SELECT u.id, a.email, o.id AS opportunity_id, o.title, s.role, s.starts_at, s.ends_at, p.name AS place_name, s.venue
                    FROM opportunity_signups u JOIN opportunity_sessions s ON s.id = u.session_id JOIN opportunities o ON o.id = s.opportunity_id
                         JOIN accounts a ON a.id = u.account_id JOIN places p ON p.id = s.place_id
                    WHERE u.status = 'signed_up' AND u.reminded_at IS NULL AND s.starts_at >= :from AND s.starts_at < :to
                      AND o.closed_at IS NULL
                    ORDER BY u.id FOR UPDATE OF u SKIP LOCKED""")
                    .bind("from", from).bind("to", to)
                    .map((rs, c) -> new Due(rs.getLong("id"), rs.getString("email"), rs.getLong("opportunity_id"), rs.getString("title"),
                            rs.getString("role"), rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
                            rs.getString("place_name"), rs.getString("venue"))).list();
            for (Due d : due) {
                String when = new Shift(0, d.opportunityId(), d.role(), d.startsAt(), d.endsAt(), 0, d.placeName(), d.venue(), 1, 0, 0).when();
                String where = d.venue() == null ? d.placeName() : d.venue() + ", " + d.placeName();
                outbox.enqueue(h, d.email(), messages.get("opportunities.mail.reminder.subject", d.title()),
                        messages.get("opportunities.mail.reminder.body", d.title(), d.role(), when, where, baseUrl + Opportunity.url(d.opportunityId())));
                h.createUpdate("UPDATE opportunity_signups SET reminded_at = now() WHERE id = :id").bind("id", d.signUp()).execute();
            }
            return due.size();
        });
    }
}
