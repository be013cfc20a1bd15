package org.commonweal.platform.library;

import org.commonweal.platform.core.accounts.PersonalData;

/**
 * The library's part of a person's data: the stories they wrote, the nominations they made, where others named them
 * (in a story or an award round, with their answer) and the awards they received as a volunteer. When they delete their
 * account, their unpublished drafts go; published stories stay as the community's record, with no author (the foreign
 * key sets it to null); every naming of their address and their volunteer awards and nominations go, so their name
 * can never come back on a page. Other people's addresses (those a writer or nominator named) are never in a download.
 */
final class LibraryPersonalData {
    private LibraryPersonalData() {
    }

    static void register(PersonalData data) {
        data.register("library-stories", (h, account) -> data.rows(h.createQuery("""
                SELECT s.id, s.title, s.summary, s.problem, s.approach, p.name AS place, s.theme, s.purpose, s.participants,
                       s.started_on, s.ended_on, s.outcomes, s.evidence, s.cost_minor, s.lessons, s.status, s.created_at, s.published_at,
                       ARRAY(SELECT t.tag FROM library_story_tags t WHERE t.story_id = s.id ORDER BY t.tag) AS tags,
                       ARRAY(SELECT l.title || ' <' || l.url || '>' FROM library_story_links l WHERE l.story_id = s.id ORDER BY l.id) AS documents,
                       (SELECT count(*) FROM library_story_photos ph WHERE ph.story_id = s.id) AS photos
                  FROM library_stories s JOIN places p ON p.id = s.place_id WHERE s.author_id = :a ORDER BY s.id""").bind("a", account),
                row -> StoryIndex.url((Long) row.get("id"))));
        // Nominations go with their nominator's account (foreign key, on delete cascade); awards stay with their group.
        data.register("award-nominations", (h, account) -> data.rows(h.createQuery("""
                SELECT n.round_id, r.title AS round, n.group_id, n.person_email IS NOT NULL AS nominated_a_volunteer, n.reason, n.created_at
                  FROM award_nominations n JOIN award_rounds r ON r.id = n.round_id WHERE n.nominator_id = :a ORDER BY n.id""").bind("a", account)));
        data.register("library-named", (h, account) -> data.rows(h.createQuery("""
                SELECT s.title AS story, r.title AS award_round, n.consent, n.asked_at, n.answered_at
                  FROM library_named_people n JOIN accounts a ON lower(a.email) = n.email
                  LEFT JOIN library_stories s ON s.id = n.story_id LEFT JOIN award_rounds r ON r.id = n.round_id
                 WHERE a.id = :a ORDER BY n.id""").bind("a", account)));
        data.register("awards-received", (h, account) -> data.rows(h.createQuery("""
                SELECT r.title AS award_round, r.status, w.citation, w.created_at
                  FROM awards w JOIN award_rounds r ON r.id = w.round_id JOIN accounts a ON lower(a.email) = w.person_email
                 WHERE a.id = :a ORDER BY w.id""").bind("a", account)));
        data.onErase("library-named", (h, account) -> h.createUpdate("""
                WITH person AS (SELECT lower(email) AS email FROM accounts WHERE id = :a),
                     named AS (DELETE FROM library_named_people WHERE email = (SELECT email FROM person)),
                     awarded AS (DELETE FROM awards WHERE person_email = (SELECT email FROM person))
                DELETE FROM award_nominations WHERE person_email = (SELECT email FROM person)""").bind("a", account).execute());
        data.onErase("library-stories", (h, account) -> h.createUpdate(
                "DELETE FROM library_stories WHERE author_id = :a AND status <> 'published'").bind("a", account).execute());
    }
}
