package org.commonweal.platform.conversations;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.commonweal.opinion.Analysis;
import org.commonweal.opinion.OpinionState;
import org.commonweal.opinion.VoteMatrix;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The opinion maps, worked out in the background and cached. {@link #recomputeDue} is the job: it finds the conversations
 * with votes or statement changes since their last analysis and runs the engine on each (never in a request); the
 * result is stored as JSON, with the engine's state for the next run's warm start. Pages read {@link #latest}, kept in
 * memory for {@link #FRESH} so a vote does not read the database's copy each time.
 */
final class Analyses {
    private static final Logger LOG = LoggerFactory.getLogger(Analyses.class);
    /** How often the job looks for conversations to recompute: at most this often per conversation. */
    static final Duration EVERY = Duration.ofSeconds(3);
    /** How long a page trusts the copy in memory before looking for a newer one another instance may have stored. */
    static final Duration FRESH = Duration.ofSeconds(2);
    /**
     * Votes are stamped when cast, before their transaction commits; a vote committed just after an analysis read the
     * votes may carry an earlier time. Looking this far back before the last read catches it (at the cost of one
     * more run).
     */
    static final Duration LATE_COMMIT = Duration.ofSeconds(2);

    /**
     * A conversation whose map took t to work out waits this many times t before the job works it out again: a large
     * one (seconds of work) then takes at most a fifth of a core, leaving the rest to the votes coming in.
     */
    static final int BACKOFF = 4;

    private record Cached(Optional<OpinionMap> map, long loadedAtNanos) {
    }

    private final Jdbi jdbi;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    /** Per conversation, the System.nanoTime() before which the job leaves it alone (see {@link #BACKOFF}). */
    private final Map<Long, Long> notBefore = new ConcurrentHashMap<>();

    Analyses(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The latest analysis of the conversation, if one has been made. */
    Optional<OpinionMap> latest(long conversationId) {
        Cached c = cache.get(conversationId);
        if (c != null && System.nanoTime() - c.loadedAtNanos() < FRESH.toNanos()) return c.map();
        Optional<OpinionMap> map = jdbi.withHandle(h -> h.createQuery("SELECT analysis::text FROM conversation_analyses WHERE conversation_id = :c")
                .bind("c", conversationId).mapTo(String.class).findOne()).map(text -> read(text, OpinionMap.class));
        cache.put(conversationId, new Cached(map, System.nanoTime()));
        return map;
    }

    /** The job: {@link #recomputeDue(boolean)} with the back-off. */
    void runJob() {
        recomputeDue(true);
    }

    /**
     * Recomputes every conversation with something new since its last analysis (unless {@code backOff} and it was
     * worked out too recently for its size); returns how many it did.
     */
    int recomputeDue(boolean backOff) {
        List<Long> due = jdbi.withHandle(h -> h.createQuery("""
                SELECT c.id FROM conversations c LEFT JOIN conversation_analyses a ON a.conversation_id = c.id
                WHERE (a.conversation_id IS NULL AND EXISTS (SELECT 1 FROM conversation_votes v WHERE v.conversation_id = c.id))
                   OR c.changed_at > a.read_at - make_interval(secs => :late)
                   OR EXISTS (SELECT 1 FROM conversation_votes v WHERE v.conversation_id = c.id AND v.voted_at > a.read_at - make_interval(secs => :late))
                ORDER BY c.id""").bind("late", (double) LATE_COMMIT.toSeconds()).mapTo(Long.class).list());
        int done = 0;
        for (long id : due) {
            long started = System.nanoTime();
            if (backOff && started < notBefore.getOrDefault(id, started)) continue;
            try {
                recompute(id);
                done++;
                long ended = System.nanoTime();
                notBefore.put(id, ended + BACKOFF * (ended - started));
            } catch (RuntimeException e) {
                LOG.warn("the opinion map of conversation {} could not be worked out", id, e);
            }
        }
        return done;
    }

    /** Runs the engine on the conversation's votes now and stores the map (the job's work, and the import's). */
    void recompute(long conversationId) {
        record Votes(VoteMatrix matrix, OffsetDateTime readAt, OpinionState previous) {
        }
        Votes votes = jdbi.inTransaction(h -> {
            OffsetDateTime readAt = h.createQuery("SELECT now()").mapTo(OffsetDateTime.class).one();
            VoteMatrix.Builder b = VoteMatrix.builder();
            h.createQuery("""
                    SELECT p.number AS pid, s.number AS tid, v.vote FROM conversation_votes v
                    JOIN conversation_participants p ON p.id = v.participant_id JOIN conversation_statements s ON s.id = v.statement_id
                    WHERE v.conversation_id = :c""").bind("c", conversationId).setFetchSize(10_000)
                    .map((rs, x) -> b.vote(rs.getInt("pid"), rs.getInt("tid"), org.commonweal.opinion.Vote.of(rs.getInt("vote"))))
                    .forEach(ignored -> { });
            h.createQuery("SELECT number FROM conversation_statements WHERE conversation_id = :c AND status = 'rejected'")
                    .bind("c", conversationId).mapTo(Integer.class).forEach(b::moderatedOut);
            OpinionState previous = h.createQuery("SELECT state::text FROM conversation_analyses WHERE conversation_id = :c AND state IS NOT NULL")
                    .bind("c", conversationId).mapTo(String.class).findOne().map(this::state).orElse(null);
            return new Votes(b.build(), readAt, previous);
        });
        if (votes.matrix().voteCount() == 0) {
            // Nobody's votes left (an erased account's were the only ones): no map, rather than one with their dot.
            jdbi.useHandle(h -> forget(h, conversationId));
            cache.remove(conversationId);
            return;
        }
        Analysis analysis = org.commonweal.opinion.OpinionMath.update(votes.previous(), votes.matrix());
        OpinionMap map = MapOf.analysis(analysis, OffsetDateTime.now());
        String mapJson = write(map);
        String stateJson = write(analysis.state());
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO conversation_analyses (conversation_id, read_at, computed_at, analysis, state)
                VALUES (:c, :read, now(), CAST(:map AS jsonb), CAST(:state AS jsonb))
                ON CONFLICT (conversation_id) DO UPDATE SET read_at = excluded.read_at, computed_at = excluded.computed_at,
                    analysis = excluded.analysis, state = excluded.state""")
                .bind("c", conversationId).bind("read", votes.readAt()).bind("map", mapJson).bind("state", stateJson).execute());
        cache.put(conversationId, new Cached(Optional.of(map), System.nanoTime()));
    }

    /** Forgets a conversation's analysis, when no votes are left to map. */
    static void forget(Handle h, long conversationId) {
        h.execute("DELETE FROM conversation_analyses WHERE conversation_id = ?", conversationId);
    }

    private OpinionState state(String text) {
        try {
            return json.readValue(text, OpinionState.class);
        } catch (Exception e) {
            // A state stored by an older engine: start cold, as a first update does.
            LOG.info("the stored opinion-map state could not be read ({}); starting afresh", e.getMessage());
            return null;
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (Exception e) {
            throw new IllegalStateException("stored opinion map unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
