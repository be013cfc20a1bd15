package org.commonweal.platform.budgets;

import org.commonweal.platform.core.accounts.PersonalData;

/**
 * The budgets' part of a person's data export: the proposals they wrote. Ballots are not in it, and cannot be: a voter
 * is kept only as an HMAC of pot and account under the ballot key (see V2__budgets.sql), and the export never holds that key.
 * Delivery updates keep no author (an officer's update is in the officer's own audit trail).
 */
final class BudgetsPersonalData {
    private BudgetsPersonalData() {
    }

    static void register(PersonalData data) {
        data.register("budget-proposals", (h, account) -> data.rows(h.createQuery("""
                SELECT r.id, p.process_id, p.name AS pot, r.title, r.description, r.theme, r.estimated_cost, r.council_cost, p.currency,
                       r.status, r.status_reason, r.created_at, r.updated_at
                  FROM budget_proposals r JOIN budget_pots p ON p.id = r.pot_id
                 WHERE r.author_id = :a ORDER BY r.id""").bind("a", account),
                row -> ProposalIndex.url((Long) row.get("processId"), (Long) row.get("id"))));
    }
}
