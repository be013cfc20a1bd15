package org.commonweal.platform.problems;

import org.commonweal.platform.core.accounts.PersonalData;

/** The problems' part of a person's data export: problems they reported, problems they support, solutions they proposed. */
final class ProblemsPersonalData {
    private ProblemsPersonalData() {
    }

    static void register(PersonalData data) {
        data.register("problems", (h, account) -> data.rows(h.createQuery("""
                SELECT p.id, pl.name AS place, p.title, p.description, p.theme, p.status, p.status_reason, p.supporters,
                       ph.alt_text AS photo_description, p.created_at, p.updated_at
                  FROM problems p JOIN places pl ON pl.id = p.place_id LEFT JOIN problem_photos ph ON ph.problem_id = p.id
                 WHERE p.author_id = :a ORDER BY p.id""").bind("a", account),
                row -> ProblemIndex.problemUrl((Long) row.get("id"))));
        // The home place is kept as it was when they supported (the problem page counts supporters per place).
        data.register("problem-supports", (h, account) -> data.rows(h.createQuery("""
                SELECT s.problem_id, p.title, pl.name AS home_place_then, s.created_at
                  FROM problem_supports s JOIN problems p ON p.id = s.problem_id LEFT JOIN places pl ON pl.id = s.home_place_id
                 WHERE s.account_id = :a ORDER BY s.created_at, s.problem_id""").bind("a", account),
                row -> ProblemIndex.problemUrl((Long) row.get("problemId"))));
        data.register("problem-solutions", (h, account) -> data.rows(h.createQuery("""
                SELECT s.id, s.problem_id, s.title, s.description, s.proposal_key AS budget_proposal, s.status, s.status_reason,
                       s.created_at, s.updated_at
                  FROM problem_solutions s WHERE s.author_id = :a ORDER BY s.id""").bind("a", account),
                row -> ProblemIndex.solutionUrl((Long) row.get("id"))));
    }
}
