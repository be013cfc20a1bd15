package org.commonweal.platform.care;

import org.commonweal.platform.core.accounts.PersonalData;

import java.util.List;
import java.util.Map;

/**
 * Help requests in a person's data download: the requests made for them, with their care needs opened (the only place
 * outside the request's page the needs ever appear), the requests they asked for someone else (without that person's
 * needs), their matches and visits as a volunteer, and the match runs they ran as a coordinator.
 * <p>
 * Erasure is the foreign keys': a person's requests, and a volunteer's matches and visits, go with their account (the
 * requests they had taken on open again); an asker's or coordinator's name is set to null on what stays.
 */
final class CarePersonalData {
    private CarePersonalData() {
    }

    static void register(PersonalData data, SealedNeeds sealed) {
        data.register("care-requests-for-me", (h, account) -> {
            List<Map<String, Object>> rows = data.rows(h.createQuery("""
                    SELECT r.id, r.person_name, a.name AS asked_by, r.relationship, r.consent, r.consent_given_on, r.consent_confirmed_at,
                           r.kind, r.skills, r.one_off_on, r.slots, p.name AS place, r.lat, r.lon, r.languages, r.gender_preference,
                           r.continuity, r.safeguarding, r.status, r.created_at, r.needs_sealed
                      FROM care_requests r JOIN places p ON p.id = r.place_id LEFT JOIN accounts a ON a.id = r.asker_id
                     WHERE r.person_id = :a ORDER BY r.id""").bind("a", account), row -> CareRequest.url((Long) row.get("id")));
            for (Map<String, Object> row : rows) {
                byte[] value = (byte[]) row.remove("needsSealed");
                row.put("careNeeds", value == null ? null : sealed.open((Long) row.get("id"), value));
            }
            return rows;
        });
        data.register("care-requests-asked", (h, account) -> data.rows(h.createQuery("""
                SELECT r.id, r.person_name, r.relationship, r.consent, r.consent_given_on, r.kind, r.status, r.created_at
                  FROM care_requests r WHERE r.asker_id = :a AND (r.person_id IS NULL OR r.person_id <> :a) ORDER BY r.id""").bind("a", account),
                row -> CareRequest.url((Long) row.get("id"))));
        data.register("care-matches-as-volunteer", (h, account) -> data.rows(h.createQuery("""
                SELECT m.id, m.request_id, r.kind, m.status, m.cost_metres, m.reasons, m.created_at, m.answered_at
                  FROM care_matches m JOIN care_requests r ON r.id = m.request_id WHERE m.volunteer_id = :a ORDER BY m.id""").bind("a", account)));
        data.register("care-visits-as-volunteer", (h, account) -> data.rows(h.createQuery("""
                SELECT v.id, m.request_id, v.visited_on, v.minutes, v.note, v.status, v.logged_at, v.approved_at
                  FROM care_visits v JOIN care_matches m ON m.id = v.match_id WHERE m.volunteer_id = :a ORDER BY v.id""").bind("a", account)));
        data.register("care-match-runs", (h, account) -> data.rows(h.createQuery("""
                SELECT id, group_id, run_at, requests, volunteers, matched, total_metres, greedy_matched, greedy_metres
                  FROM care_match_runs WHERE run_by = :a ORDER BY id""").bind("a", account)));
        // A volunteer's account going takes their matches with it: the requests they had taken on look for someone again.
        data.onErase("care-volunteer-matches", (h, account) -> h.createUpdate("""
                UPDATE care_requests SET status = 'open'
                 WHERE status = 'matched' AND id IN (SELECT request_id FROM care_matches WHERE volunteer_id = :a AND status = 'accepted')""")
                .bind("a", account).execute());
    }
}
