package org.commonweal.platform.opportunities;

import org.commonweal.platform.core.accounts.PersonalData;

/**
 * The volunteering part of a person's data download: their sign-ups (with check-in), the hours they logged (with the
 * decision and its reason), and the opportunities they posted for a group. Sign-ups and hours go with the account (the
 * foreign keys cascade); opportunities stay with their group, no longer naming who posted them.
 */
final class OpportunitiesPersonalData {
    private OpportunitiesPersonalData() {
    }

    static void register(PersonalData data) {
        data.register("volunteering-sign-ups", (h, account) -> data.rows(h.createQuery("""
                SELECT o.id AS opportunity_id, o.title AS opportunity, s.role, s.starts_at, s.ends_at, u.status, u.attended, u.checked_at,
                       u.reminded_at, u.created_at AS signed_up_at
                  FROM opportunity_signups u JOIN opportunity_sessions s ON s.id = u.session_id JOIN opportunities o ON o.id = s.opportunity_id
                 WHERE u.account_id = :a ORDER BY s.starts_at, u.id""").bind("a", account),
                row -> Opportunity.url((Long) row.get("opportunityId"))));
        data.register("volunteering-hours", (h, account) -> data.rows(h.createQuery("""
                SELECT v.opportunity_id, o.title AS opportunity, v.role, v.worked_on, v.quarters / 4.0 AS hours, v.note, v.status, v.reason,
                       v.decided_at, v.created_at AS logged_at
                  FROM volunteer_hours v JOIN opportunities o ON o.id = v.opportunity_id
                 WHERE v.account_id = :a ORDER BY v.worked_on, v.id""").bind("a", account),
                row -> Opportunity.url((Long) row.get("opportunityId"))));
        data.register("volunteering-opportunities-posted", (h, account) -> data.rows(h.createQuery("""
                SELECT id, title, created_at, closed_at FROM opportunities WHERE created_by = :a ORDER BY id""").bind("a", account),
                row -> Opportunity.url((Long) row.get("id"))));
    }
}
