package org.commonweal.platform.groups;

import org.commonweal.platform.core.accounts.PersonalData;

/**
 * The groups' part of a person's data download and of deleting an account. Memberships, requests to join and the
 * skills profile go with the account (foreign keys cascade); invitations name an email address, not an account, so
 * the eraser deletes those sent to the person's address.
 */
final class GroupsPersonalData {
    private GroupsPersonalData() {
    }

    static void register(PersonalData data) {
        data.register("group-memberships", (h, account) -> data.rows(h.createQuery("""
                        SELECT g.id AS group_id, g.name AS group_name, m.role, m.admin, m.shown, m.started_on, m.ended_on, m.added_at
                          FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.account_id = :a ORDER BY g.id""").bind("a", account),
                row -> "/groups/" + row.get("groupId")));
        data.register("group-join-requests", (h, account) -> data.rows(h.createQuery("""
                        SELECT g.id AS group_id, g.name AS group_name, r.message, r.requested_at
                          FROM group_join_requests r JOIN groups g ON g.id = r.group_id WHERE r.account_id = :a ORDER BY g.id""").bind("a", account),
                row -> "/groups/" + row.get("groupId")));
        data.register("group-invitations", (h, account) -> data.rows(h.createQuery("""
                        SELECT g.id AS group_id, g.name AS group_name, i.role, i.created_at, i.expires_at, i.used_at, i.withdrawn_at, i.declined_at
                          FROM group_invites i JOIN groups g ON g.id = i.group_id JOIN accounts a ON lower(a.email) = lower(i.email)
                         WHERE a.id = :a ORDER BY i.id""").bind("a", account)));
        data.register("groups-created", (h, account) -> data.rows(h.createQuery(
                        "SELECT id, name, kind, created_at FROM groups WHERE created_by = :a ORDER BY id").bind("a", account),
                row -> "/groups/" + row.get("id")));
        data.register("group-verifications-recorded", (h, account) -> data.rows(h.createQuery("""
                        SELECT v.group_id, g.name AS group_name, v.identifier, v.checked, v.checked_on, v.verified, v.recorded_at
                          FROM group_verifications v JOIN groups g ON g.id = v.group_id WHERE v.officer_id = :a ORDER BY v.id""").bind("a", account)));
        data.register("skills-profile", (h, account) -> data.rows(h.createQuery(
                "SELECT skills, interests, findable, updated_at FROM resident_skills WHERE account_id = :a").bind("a", account)));
        data.onErase("group-invitations", (h, account) -> h.createUpdate(
                "DELETE FROM group_invites i USING accounts a WHERE a.id = :a AND lower(i.email) = lower(a.email)").bind("a", account).execute());
    }
}
