package org.commonweal.platform.budgets;

import org.commonweal.platform.core.accounts.PersonalData;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The budgets' part of a person's data export: the proposals they wrote. Ballots are not in it, and cannot be: a voter
 * is kept only as an HMAC of pot and account under the ballot key (see V2__budgets.sql), and the export never holds that key.
 * Delivery updates keep no author (an officer's update is in the officer's own audit trail).
 */
final class BudgetsPersonalData {
    private BudgetsPersonalData() {
    }

    static void register(PersonalData data) {
        data.register("budget-proposals", (h, account) -> {
            List<Map<String, Object>> rows = data.rows(h.createQuery("""
                    SELECT r.id, p.process_id, b.title AS process, p.name AS pot, r.title, r.description, r.theme, p.currency,
                           r.estimated_cost, r.council_cost, r.status, r.status_reason, r.created_at, r.updated_at
                      FROM budget_proposals r JOIN budget_pots p ON p.id = r.pot_id JOIN budget_processes b ON b.id = p.process_id
                     WHERE r.author_id = :a ORDER BY r.id""").bind("a", account),
                    row -> ProposalIndex.url((Long) row.get("processId"), (Long) row.get("id")));
            // Amounts are kept in the currency's minor unit; the download shows them as the open data does, in the major unit.
            for (Map<String, Object> row : rows) {
                int scale = Money.scale((String) row.get("currency"));
                for (String amount : new String[]{"estimatedCost", "councilCost"}) {
                    if (row.get(amount) instanceof Long minor) row.put(amount, BigDecimal.valueOf(minor, scale));
                }
            }
            return rows;
        });
    }
}
