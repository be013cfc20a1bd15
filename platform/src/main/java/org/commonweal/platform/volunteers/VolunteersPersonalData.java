package org.commonweal.platform.volunteers;

import org.commonweal.platform.core.accounts.PersonalData;

/**
 * The volunteers' part of a person's data download and of deleting an account. The profile and everything on it (groups,
 * away dates, training, references, certificates) hang off the profile and go with the account (foreign keys cascade);
 * certificates a safeguarding lead entered or verified stay, their lead's account set to null.
 */
final class VolunteersPersonalData {
    private VolunteersPersonalData() {
    }

    static void register(PersonalData data) {
        data.register("volunteer-profile", (h, account) -> data.rows(h.createQuery("""
                        SELECT id, display_name, skills, languages, slots, interests, transport, home_place_id, home_lat, home_lon, radius_km,
                               max_hours_week, capacity, gender, email, mobile, source, external_id, external_check_ref, created_at, updated_at
                          FROM volunteers WHERE account_id = :a""").bind("a", account), row -> ProfileRoutes.PATH));
        data.register("volunteer-groups", (h, account) -> data.rows(h.createQuery("""
                        SELECT vg.group_id, vg.joined_at FROM volunteer_groups vg JOIN volunteers v ON v.id = vg.volunteer_id
                         WHERE v.account_id = :a ORDER BY vg.group_id""").bind("a", account), row -> "/groups/" + row.get("groupId")));
        data.register("volunteer-away", (h, account) -> data.rows(h.createQuery("""
                        SELECT x.from_date, x.to_date, x.note FROM volunteer_away x JOIN volunteers v ON v.id = x.volunteer_id
                         WHERE v.account_id = :a ORDER BY x.from_date, x.id""").bind("a", account)));
        data.register("volunteer-training", (h, account) -> data.rows(h.createQuery("""
                        SELECT x.kind, x.name, x.completed_on, x.expires_on FROM volunteer_training x JOIN volunteers v ON v.id = x.volunteer_id
                         WHERE v.account_id = :a ORDER BY x.completed_on, x.id""").bind("a", account)));
        data.register("volunteer-references", (h, account) -> data.rows(h.createQuery("""
                        SELECT x.name, x.relationship, x.contact, x.received FROM volunteer_references x JOIN volunteers v ON v.id = x.volunteer_id
                         WHERE v.account_id = :a ORDER BY x.id""").bind("a", account)));
        data.register("volunteer-dbs-certificates", (h, account) -> data.rows(h.createQuery("""
                        SELECT x.level, x.certificate_number, x.issued_on, x.update_service, x.status, x.status_checked_on, x.recheck_due,
                               x.verified_group_id, x.verified_at
                          FROM volunteer_dbs_checks x JOIN volunteers v ON v.id = x.volunteer_id WHERE v.account_id = :a ORDER BY x.issued_on, x.id""")
                .bind("a", account)));
        // As a safeguarding lead: which certificates they verified, never another person's certificate number.
        data.register("volunteer-dbs-verified", (h, account) -> data.rows(h.createQuery("""
                        SELECT id AS certificate_id, level, verified_group_id, verified_at FROM volunteer_dbs_checks WHERE verified_by = :a ORDER BY id""")
                .bind("a", account)));
    }
}
