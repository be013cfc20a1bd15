package org.commonweal.platform.conversations;

import org.commonweal.platform.core.http.Secrets;
import org.jdbi.v3.core.Handle;

import java.util.Optional;

/**
 * Who is taking part, as a conversation knows them: a signed-in account, or (where the conversation lets anyone take
 * part) the random participant cookie, kept only as its hash, so the tables never hold the cookie itself.
 */
record Participant(Long accountId, String cookie) {
    static final String COOKIE = "cw_participant";

    static Participant account(long accountId) {
        return new Participant(accountId, null);
    }

    boolean anonymous() {
        return accountId == null;
    }

    /** The keyed form stored for an anonymous participant: per conversation, so two conversations cannot be linked. */
    String key(long conversationId) {
        return cookie == null ? null : Secrets.sha256(conversationId + ":" + cookie);
    }

    /** The participant's row in the conversation, if they have voted or written there. */
    Optional<Long> find(Handle h, long conversationId) {
        if (accountId == null && cookie == null) return Optional.empty();
        return h.createQuery(accountId != null
                        ? "SELECT id FROM conversation_participants WHERE conversation_id = :c AND account_id = :who"
                        : "SELECT id FROM conversation_participants WHERE conversation_id = :c AND anonymous_key = :who")
                .bind("c", conversationId).bind("who", accountId != null ? (Object) accountId : key(conversationId)).mapTo(Long.class).findOne();
    }

    /** The participant's row, made on their first vote or statement with the next participant number. */
    long findOrCreate(Handle h, long conversationId) {
        Optional<Long> found = find(h, conversationId);
        if (found.isPresent()) return found.get();
        // Numbers are handed out one at a time per conversation (an advisory lock, not the conversation's row, so votes do not wait).
        h.execute("SELECT pg_advisory_xact_lock(hashtextextended('conversation-participants', ?))", conversationId);
        found = find(h, conversationId);
        if (found.isPresent()) return found.get();
        return h.createUpdate("""
                INSERT INTO conversation_participants (conversation_id, number, account_id, anonymous_key)
                VALUES (:c, (SELECT coalesce(max(number) + 1, 0) FROM conversation_participants WHERE conversation_id = :c), :account, :key)""")
                .bind("c", conversationId).bind("account", accountId).bind("key", key(conversationId))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }
}
