package org.commonweal.platform.conversations;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Refusal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Statements: writing one (refused while banned; near-duplicates offered first), the moderation of strict and open
 * conversations, and the lists pages show. Counts are aggregates; who voted what never leaves {@link Ballots}.
 */
final class Statements {
    /** Per participant: plenty for a conversation, too few to flood one. */
    static final RateLimiter.Limit WRITES = new RateLimiter.Limit("conversation-statements", 10, Duration.ofMinutes(10));
    /** Trigram similarity from which a statement is offered as a possible duplicate (0..1). */
    static final double SIMILAR = 0.4;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Eligibility eligibility;

    Statements(Jdbi jdbi, AuditLog audit, Eligibility eligibility) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.eligibility = eligibility;
    }

    /** What writing a statement came to: its number and whether it waits for a moderator, or the refusal. */
    record Written(Integer number, boolean waiting, Refusal refusal) {
    }

    /**
     * Adds the form's {@code body} as the participant's statement. Unless the form says {@code anyway}, a statement like
     * one already shown is refused with the similar ones to choose from ({@link #similar}); the page offers to send it anyway.
     * A participant who may not take part ({@link Eligibility}) is refused with {@link Refusal#FORBIDDEN} and nothing is stored.
     */
    Written write(Conversation c, Participant who, Form form) {
        if (!c.open()) return new Written(null, false, Refusal.CLOSED);
        String body = form.value("body").strip().replace("\r\n", "\n");
        form.set("body", body);
        String problem = StatementRules.problem(body);
        if (problem != null) form.error("body", problem);
        else if (!form.value("anyway").equals("yes") && !similar(c, body).isEmpty()) form.error("body", "conversations.error.statement.similar");
        if (form.hasErrors()) return new Written(null, false, Refusal.INVALID);
        return jdbi.inTransaction(h -> {
            if (!eligibility.admits(h, c, who)) return new Written(null, false, Refusal.FORBIDDEN);
            long author = who.findOrCreate(h, c.id());
            int n = nextNumber(h, c.id());
            h.createUpdate("INSERT INTO conversation_statements (conversation_id, number, body, author_id, status) VALUES (:c, :n, :b, :a, :s)")
                    // pending either way: strict moderation hides it until approved, open shows it until rejected.
                    .bind("c", c.id()).bind("n", n).bind("b", body).bind("a", author).bind("s", "pending").execute();
            changed(h, c.id());
            return new Written(n, c.strict(), null);
        });
    }

    /** Statements already shown that look like {@code text}: the same words, or most of the same letters. */
    List<Statement> similar(Conversation c, String text) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Statement.COLUMNS + """
                         FROM conversation_statements s
                        WHERE s.conversation_id = :c AND s.status IN\s""" + c.shownStatuses() + """
                          AND (s.words @@ plainto_tsquery('english'::regconfig, search_unaccent(:t))
                               OR similarity(search_unaccent(lower(s.body)), search_unaccent(lower(:t))) >= :min)
                        ORDER BY similarity(search_unaccent(lower(s.body)), search_unaccent(lower(:t))) DESC, s.number LIMIT 3""")
                .bind("c", c.id()).bind("t", text).bind("min", SIMILAR).map((rs, x) -> Statement.read(rs)).list());
    }

    /** The statements participants see, in the order they were written. */
    List<Statement> shown(Conversation c) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Statement.COLUMNS
                        + " FROM conversation_statements s WHERE s.conversation_id = :c AND s.status IN " + c.shownStatuses() + " ORDER BY s.number")
                .bind("c", c.id()).map((rs, x) -> Statement.read(rs)).list());
    }

    /** Every statement, for the moderators' page: waiting ones first. */
    List<Statement> all(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Statement.COLUMNS
                        + " FROM conversation_statements s WHERE s.conversation_id = :c ORDER BY s.status <> 'pending', s.number DESC")
                .bind("c", conversationId).map((rs, x) -> Statement.read(rs)).list());
    }

    Optional<Statement> find(long conversationId, long statementId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Statement.COLUMNS + " FROM conversation_statements s WHERE s.id = :id AND s.conversation_id = :c")
                .bind("id", statementId).bind("c", conversationId).map((rs, x) -> Statement.read(rs)).findOne());
    }

    long waiting(long conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM conversation_statements WHERE conversation_id = :c AND status = 'pending'")
                .bind("c", conversationId).mapTo(Long.class).one());
    }

    /** A moderator approves or rejects a statement; a rejected one leaves the map (its votes no longer count). */
    Optional<Refusal> moderate(long conversationId, long statementId, Form form, Actor actor) {
        String decision = form.value("decision");
        String status = switch (decision) {
            case "approve" -> "approved";
            case "reject" -> "rejected";
            default -> null;
        };
        if (status == null) {
            form.error("decision", "conversations.error.decision");
            return Optional.of(Refusal.INVALID);
        }
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                    UPDATE conversation_statements SET status = :s, moderated_by = :by, moderated_at = now()
                    WHERE id = :id AND conversation_id = :c""")
                    .bind("s", status).bind("by", actor.accountId()).bind("id", statementId).bind("c", conversationId).execute();
            if (n == 0) return Optional.of(Refusal.NOT_FOUND);
            changed(h, conversationId);
            audit.record(h, actor, "conversation.statement." + status, "conversation:" + conversationId, "statement " + statementId);
            return Optional.<Refusal>empty();
        });
    }

    static int nextNumber(Handle h, long conversationId) {
        h.execute("SELECT pg_advisory_xact_lock(hashtextextended('conversation-statements', ?))", conversationId);
        return h.createQuery("SELECT coalesce(max(number) + 1, 0) FROM conversation_statements WHERE conversation_id = :c")
                .bind("c", conversationId).mapTo(Integer.class).one();
    }

    /** Tells the analysis job the statements changed (votes tell it by their own times). */
    static void changed(Handle h, long conversationId) {
        h.execute("UPDATE conversations SET changed_at = clock_timestamp() WHERE id = ?", conversationId);
    }
}
