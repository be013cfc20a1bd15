package org.commonweal.platform.library;

import org.commonweal.platform.core.accounts.PersonalData;

/**
 * The library's part of a person's data: the stories they wrote and the nominations they made. When they delete their account, their unpublished
 * drafts go; published stories stay as the community's record, with no author (the foreign key sets it to null).
 */
final class LibraryPersonalData {
    private LibraryPersonalData() {
    }

    static void register(PersonalData data) {
        data.register("library-stories", (h, account) -> data.rows(h.createQuery("""
                SELECT s.id, s.title, s.summary, s.problem, s.approach, p.name AS place, s.theme, s.purpose, s.participants,
                       s.started_on, s.ended_on, s.outcomes, s.evidence, s.cost_minor, s.lessons, s.status, s.created_at, s.published_at
                  FROM library_stories s JOIN places p ON p.id = s.place_id WHERE s.author_id = :a ORDER BY s.id""").bind("a", account),
                row -> StoryIndex.url((Long) row.get("id"))));
        // Nominations go with their nominator's account (foreign key, on delete cascade); awards stay with their group.
        data.register("award-nominations", (h, account) -> data.rows(h.createQuery("""
                SELECT n.round_id, r.title AS round, n.group_id, n.reason, n.created_at
                  FROM award_nominations n JOIN award_rounds r ON r.id = n.round_id WHERE n.nominator_id = :a ORDER BY n.id""").bind("a", account)));
        data.onErase("library-stories", (h, account) -> h.createUpdate(
                "DELETE FROM library_stories WHERE author_id = :a AND status <> 'published'").bind("a", account).execute());
    }
}
