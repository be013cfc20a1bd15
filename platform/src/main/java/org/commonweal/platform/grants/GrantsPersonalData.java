package org.commonweal.platform.grants;

import org.commonweal.platform.core.accounts.PersonalData;

/**
 * The grants' part of a person's data export: the applications they wrote for their groups, the panels they sit on, the
 * scores they gave and the conflicts of interest they declared, and the programmes they set up as an officer. On account
 * deletion the database's own rules apply: panel seats, scores and declarations go with the person; applications and
 * programmes stay (they are the group's and the council's), no longer naming them.
 */
final class GrantsPersonalData {
    private GrantsPersonalData() {
    }

    static void register(PersonalData data) {
        data.register("grant-applications", (h, account) -> data.rows(h.createQuery("""
                        SELECT a.id, a.programme_id, g.title AS programme, a.group_id, a.title, a.amount, g.currency, a.status, a.created_at, a.submitted_at
                          FROM grant_applications a JOIN grant_programmes g ON g.id = a.programme_id WHERE a.applicant_id = :a ORDER BY a.id""").bind("a", account),
                row -> "/grants/applications/" + row.get("id")));
        data.register("grant-panels", (h, account) -> data.rows(h.createQuery("""
                        SELECT p.programme_id, g.title AS programme, p.appointed_at
                          FROM grant_panel p JOIN grant_programmes g ON g.id = p.programme_id WHERE p.account_id = :a ORDER BY p.programme_id""").bind("a", account),
                row -> "/grants/" + row.get("programmeId")));
        data.register("grant-scores", (h, account) -> data.rows(h.createQuery("""
                        SELECT s.application_id, a.title AS application, c.name AS criterion, s.score, s.comment, s.scored_at
                          FROM grant_scores s JOIN grant_applications a ON a.id = s.application_id JOIN grant_criteria c ON c.id = s.criterion_id
                         WHERE s.scorer_id = :a ORDER BY s.application_id, c.position""").bind("a", account)));
        data.register("grant-conflicts", (h, account) -> data.rows(h.createQuery("""
                        SELECT c.application_id, a.title AS application, c.reason, c.declared_at
                          FROM grant_conflicts c JOIN grant_applications a ON a.id = c.application_id WHERE c.account_id = :a ORDER BY c.application_id""")
                .bind("a", account)));
        data.register("grant-programmes-created", (h, account) -> data.rows(h.createQuery(
                        "SELECT id, title, created_at FROM grant_programmes WHERE created_by = :a ORDER BY id").bind("a", account),
                row -> "/grants/" + row.get("id")));
    }
}
