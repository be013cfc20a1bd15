package org.commonweal.platform.conversations;

import org.commonweal.platform.core.accounts.PersonalData;

/**
 * Conversations' part of a person's data download: the statements they wrote and their own votes (agree, disagree,
 * pass), which nobody else is ever shown. Taking part with the anonymous participant cookie leaves nothing tied to an
 * account. Deleting the account deletes both (the foreign keys cascade from the account to its participant rows), and the
 * conversations they took part in are mapped again without them.
 */
final class ConversationsPersonalData {
    private ConversationsPersonalData() {
    }

    static void register(PersonalData data) {
        data.register("conversation-statements", (h, account) -> data.rows(h.createQuery("""
                SELECT c.id AS conversation_id, c.topic, s.number AS statement_number, s.body, s.status, s.created_at
                  FROM conversation_statements s JOIN conversation_participants p ON p.id = s.author_id
                  JOIN conversations c ON c.id = s.conversation_id
                 WHERE p.account_id = :a ORDER BY c.id, s.number""").bind("a", account),
                row -> Conversation.url((Long) row.get("conversationId"))));
        data.register("conversation-votes", (h, account) -> data.rows(h.createQuery("""
                SELECT c.id AS conversation_id, c.topic, s.number AS statement_number, s.body AS statement,
                       CASE v.vote WHEN 1 THEN 'agree' WHEN -1 THEN 'disagree' ELSE 'pass' END AS vote, v.voted_at
                  FROM conversation_votes v JOIN conversation_participants p ON p.id = v.participant_id
                  JOIN conversation_statements s ON s.id = v.statement_id JOIN conversations c ON c.id = v.conversation_id
                 WHERE p.account_id = :a ORDER BY c.id, s.number""").bind("a", account),
                row -> Conversation.url((Long) row.get("conversationId"))));
        // The cached maps still hold the person's dot: their conversations are mapped again without them.
        data.onErase("conversation-maps", (h, account) -> h.execute("""
                UPDATE conversations SET changed_at = clock_timestamp()
                WHERE id IN (SELECT conversation_id FROM conversation_participants WHERE account_id = ?)""", account));
    }
}
