package org.commonweal.platform.conversations;

import org.commonweal.platform.core.http.Refusal;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Votes: one per participant and statement (voting again replaces it), and which statement a participant is shown next.
 * A participant's own votes are read only for themselves (what is left to vote on, their own count); every other page
 * sees counts.
 */
final class Ballots {
    static final Map<String, Integer> VOTES = Map.of("agree", 1, "disagree", -1, "pass", 0);
    /** The priority of a statement the latest analysis has not seen yet: new statements are shown early, as Polis does. */
    static final double NEW_STATEMENT_PRIORITY = 1.0;

    private final Jdbi jdbi;
    private final Analyses analyses;
    private final Eligibility eligibility;

    Ballots(Jdbi jdbi, Analyses analyses, Eligibility eligibility) {
        this.jdbi = jdbi;
        this.analyses = analyses;
        this.eligibility = eligibility;
    }

    /**
     * Counts the participant's vote on a statement shown in the conversation; a second vote on it replaces the first.
     * Refused with {@link Refusal#FORBIDDEN}, storing nothing, when the participant may not take part ({@link Eligibility}).
     */
    Optional<Refusal> vote(Conversation c, Participant who, long statementId, String vote) {
        Integer value = VOTES.get(vote);
        if (value == null) return Optional.of(Refusal.INVALID);
        if (!c.open()) return Optional.of(Refusal.CLOSED);
        return jdbi.inTransaction(h -> {
            if (!eligibility.admits(h, c, who)) return Optional.of(Refusal.FORBIDDEN);
            boolean shown = h.createQuery("SELECT EXISTS (SELECT 1 FROM conversation_statements WHERE id = :s AND conversation_id = :c AND status IN "
                    + c.shownStatuses() + ")").bind("s", statementId).bind("c", c.id()).mapTo(Boolean.class).one();
            if (!shown) return Optional.of(Refusal.NOT_FOUND);
            long participant = who.findOrCreate(h, c.id());
            h.createUpdate("""
                    INSERT INTO conversation_votes (participant_id, statement_id, conversation_id, vote) VALUES (:p, :s, :c, :v)
                    ON CONFLICT (participant_id, statement_id) DO UPDATE SET vote = excluded.vote, voted_at = clock_timestamp()""")
                    .bind("p", participant).bind("s", statementId).bind("c", c.id()).bind("v", value).execute();
            return Optional.<Refusal>empty();
        });
    }

    VoteCard.Progress progress(Conversation c, Participant who) {
        return jdbi.withHandle(h -> {
            Optional<Long> participant = who.find(h, c.id());
            int shown = h.createQuery("SELECT count(*) FROM conversation_statements WHERE conversation_id = :c AND status IN " + c.shownStatuses())
                    .bind("c", c.id()).mapTo(Integer.class).one();
            int voted = participant.isEmpty() ? 0 : h.createQuery("""
                    SELECT count(*) FROM conversation_votes v JOIN conversation_statements s ON s.id = v.statement_id
                    WHERE v.participant_id = :p AND s.status IN\s""" + c.shownStatuses()).bind("p", participant.get()).mapTo(Integer.class).one();
            return new VoteCard.Progress(voted, shown);
        });
    }

    /**
     * The statement to show the participant next: one they have not voted on, drawn at random weighted by the engine's
     * priorities from the latest analysis (as Polis routes statements), with a draw fixed by the participant and how
     * many votes they have cast, so reloading the page shows the same statement. Empty when they have voted on them all.
     */
    Optional<Statement> next(Conversation c, Participant who) {
        Map<Integer, Double> priorities = analyses.latest(c.id()).map(OpinionMap::priorities).orElse(Map.of());
        return jdbi.withHandle(h -> {
            Optional<Long> participant = who.find(h, c.id());
            List<Statement> left = h.createQuery("SELECT " + Statement.BARE + " FROM conversation_statements s WHERE s.conversation_id = :c AND s.status IN "
                            + c.shownStatuses() + " AND NOT EXISTS (SELECT 1 FROM conversation_votes v WHERE v.statement_id = s.id AND v.participant_id = :p)"
                            + " ORDER BY s.number")
                    .bind("c", c.id()).bind("p", participant.orElse(-1L)).map((rs, x) -> Statement.read(rs)).list();
            if (left.isEmpty()) return Optional.<Statement>empty();
            double total = 0;
            double[] weights = new double[left.size()];
            for (int i = 0; i < left.size(); i++) {
                weights[i] = Math.max(1e-9, priorities.getOrDefault(left.get(i).number(), NEW_STATEMENT_PRIORITY));
                total += weights[i];
            }
            long seed = participant.orElse(0L) * 1_000_003L + left.size();
            double draw = new SplittableRandom(seed).nextDouble() * total;
            for (int i = 0; i < left.size(); i++) {
                draw -= weights[i];
                if (draw <= 0) return Optional.of(left.get(i));
            }
            return Optional.of(left.getLast());
        });
    }
}
