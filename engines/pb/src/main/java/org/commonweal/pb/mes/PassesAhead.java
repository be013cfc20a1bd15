package org.commonweal.pb.mes;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The plain passes of an add1 completion, two at a time where the machine has a second core: while the completion
 * computes one pass (a plain one, or a jump's landing), a second run computes the plain pass it will likely ask for
 * next, so that it finds that pass ready unless it stops or jumps there. Each run keeps its own state and every pass
 * is deterministic, so which thread computed a pass never changes its result; a pass computed ahead and not asked for
 * is dropped.
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

    /**
     * The plain pass (explanations off, no base) at this many increments: the one computed ahead if it is that one, else
     * computed here while the second run, if {@code next} is not negative, computes the pass the completion will likely
     * ask for after this one.
     */
    EqualSharesRun.Result pass(long increments, long next) {
        if (pending != null && pendingAt == increments) return await();
        if (next >= 0) ahead(next);
        else if (pending != null) drop();
        return here.run(budgetAt(budget, increments, step), voters, supported, false);
    }

    /** Starts the plain pass at this many increments on the second run (nothing on one core), dropping any other. */
    void ahead(long increments) {
        if (second == null || (pending != null && pendingAt == increments)) return;
        if (pending != null) drop();
        pendingAt = increments;
        pending = CompletableFuture.supplyAsync(() -> ahead.run(budgetAt(budget, increments, step), voters, supported, false), second);
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
