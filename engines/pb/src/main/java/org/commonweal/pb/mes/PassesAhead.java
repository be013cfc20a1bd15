package org.commonweal.pb.mes;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The plain passes of an add1 completion, two at a time where the machine has a second core: while the pass at
 * increment k is computed, a second run computes the pass at k + 1 when the completion is stepping, so that it asks
 * for that pass next unless it stops there. Each run keeps its own state and every pass is deterministic, so which thread computed a pass
 * never changes its result; a pass computed ahead and not asked for is dropped.
 */
final class PassesAhead<V> implements AutoCloseable {
    private final EqualSharesRun<V> here;
    private final EqualSharesRun<V> ahead;
    private final long budget;
    private final long step;
    private final long voters;
    private final boolean[] supported;
    private final ExecutorService second;
    private CompletableFuture<EqualSharesRun.Result> pending;
    private long pendingAt = -1;

    /** ahead null, or a single core: every pass on the caller's thread. */
    PassesAhead(EqualSharesRun<V> here, EqualSharesRun<V> ahead, long budget, long step, long voters, boolean[] supported) {
        this.here = here;
        this.ahead = ahead;
        this.budget = budget;
        this.step = step;
        this.voters = voters;
        this.supported = supported;
        this.second = ahead != null && Runtime.getRuntime().availableProcessors() > 1
                ? Executors.newSingleThreadExecutor(task -> {
                    Thread t = new Thread(task, "equal-shares-ahead");
                    t.setDaemon(true);
                    return t;
                })
                : null;
    }

    static long budgetAt(long budget, long increments, long step) {
        return Math.addExact(budget, Math.multiplyExact(increments, step));
    }

    /** The plain pass (explanations off, no base) at this many increments; stepOn: the next one asked for is likely the one after. */
    EqualSharesRun.Result pass(long increments, boolean stepOn) {
        if (pending != null && pendingAt == increments) return await();
        if (pending != null) drop();
        if (second != null && stepOn) {
            long next = increments + 1;
            pendingAt = next;
            pending = CompletableFuture.supplyAsync(() -> ahead.run(budgetAt(budget, next, step), voters, supported, false), second);
        }
        return here.run(budgetAt(budget, increments, step), voters, supported, false);
    }

    /**
     * Waits for the pass computed ahead, which was not asked for, since the second run must be idle before it takes
     * another; its failure is dropped with it (it may fail where the completion never goes: money too large to hold).
     */
    private void drop() {
        CompletableFuture<EqualSharesRun.Result> unwanted = pending;
        pending = null;
        pendingAt = -1;
        unwanted.exceptionally(failure -> null).join();
    }

    private EqualSharesRun.Result await() {
        CompletableFuture<EqualSharesRun.Result> wanted = pending;
        pending = null;
        pendingAt = -1;
        try {
            return wanted.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    @Override
    public void close() {
        if (second != null) second.shutdownNow();
    }
}
