package org.commonweal.platform.budgets;

import org.jdbi.v3.core.Handle;

/**
 * Ballots and the close of voting exclude each other: every transaction that adds a ballot holds the process's lock
 * shared, and a phase change holds it exclusively, so no ballot lands after the count that closes voting. It is a
 * transaction-scoped PostgreSQL advisory lock rather than a row lock, because hundreds of casts a second sharing a
 * row lock would each rewrite that row's lock record (a multixact), queueing on one tuple.
 * Take it before reading the phase, in its own statement, so the phase read afterwards is current.
 */
final class VotingLock {
    /** The first key of our advisory locks ("CWBV"): other users of advisory locks (Flyway) use one-key locks. */
    private static final int NAMESPACE = 0x43574256;

    private VotingLock() {
    }

    static void shared(Handle h, long processId) {
        h.createQuery("SELECT pg_advisory_xact_lock_shared(:ns, :id)::text").bind("ns", NAMESPACE).bind("id", key(processId))
                .mapTo(String.class).one();
    }

    static void exclusive(Handle h, long processId) {
        h.createQuery("SELECT pg_advisory_xact_lock(:ns, :id)::text").bind("ns", NAMESPACE).bind("id", key(processId))
                .mapTo(String.class).one();
    }

    /** Ids past 2^31 fold onto others: two processes then share a lock, which only makes one wait a little. */
    private static int key(long processId) {
        return (int) (processId ^ (processId >>> 32));
    }
}
