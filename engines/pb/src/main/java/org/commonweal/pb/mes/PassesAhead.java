package org.commonweal.pb.mes;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The plain passes of an add1 completion, shared between two cores where the machine has a second one. The completion
 * says which passes it wants (the one it asks for, the one it will likely ask for after it and, while it steps, the one
 * after that; or one ahead of a landing it computes itself); a second run on its own thread takes the lowest of them
 * nobody has taken yet. When the completion asks for a pass the second run is still computing, it computes another
 * wanted pass itself rather than wait, so whichever core is free takes the next pass: the cores need not take turns,
 * and a core slowed by the machine takes fewer (docs/benchmarks.md has what that gains). Each run keeps its own state
 * and every pass is deterministic, so which core computed a pass never changes its result; a pass computed ahead and
 * never asked for is dropped.
 */
final class PassesAhead<V> implements AutoCloseable {
    private final EqualSharesRun<V> here;
    private final EqualSharesRun<V> ahead;
    private final long budget;
    private final long step;
    private final long voters;
    private final boolean[] supported;
    private final Thread second;

    // Guarded by this: the passes taken by either core (by increments); the one the completion asks for and the one it
    // will likely ask for next (-1: none), the one after that being wanted too while it steps.
    private final Map<Long, CompletableFuture<EqualSharesRun.Result>> taken = new HashMap<>();
    private long wantedFirst = -1, wantedThen = -1;
    private boolean closed;

    /** ahead null, or a single core: every pass on the caller's thread. */
    PassesAhead(EqualSharesRun<V> here, EqualSharesRun<V> ahead, long budget, long step, long voters, boolean[] supported) {
        this.here = here;
        this.ahead = ahead;
        this.budget = budget;
        this.step = step;
        this.voters = voters;
        this.supported = supported;
        if (ahead != null && Runtime.getRuntime().availableProcessors() > 1) {
            second = new Thread(this::computeAhead, "equal-shares-ahead");
            second.setDaemon(true);
            second.start();
        } else {
            second = null;
        }
    }

    static long budgetAt(long budget, long increments, long step) {
        return Math.addExact(budget, Math.multiplyExact(increments, step));
    }

    /**
     * The plain pass (explanations off, no base) at this many increments. {@code next}, if not negative, is the pass the
     * completion will likely ask for after this one: it and the one after it are wanted too, so the second run takes
     * them when free, or this thread computes one of them while the second run finishes the one asked for.
     */
    EqualSharesRun.Result pass(long increments, long next) {
        if (second == null) return run(here, increments);
        while (true) {
            CompletableFuture<EqualSharesRun.Result> asked, computing = null;
            long mine = -1;
            synchronized (this) {
                taken.keySet().removeIf(k -> k < increments);
                asked = taken.get(increments);
                want(increments, next);
                if (asked == null) mine = increments;
                else if (!asked.isDone()) mine = free();
                if (mine >= 0) {
                    computing = new CompletableFuture<>();
                    taken.put(mine, computing);
                }
            }
            if (mine < 0) return result(asked);
            try {
                computing.complete(run(here, mine));
            } catch (RuntimeException | Error e) {
                computing.completeExceptionally(e);
                if (mine == increments) throw e;
            }
            if (mine == increments) return computing.join();
        }
    }

    /** Lets the second run take the plain pass at this many increments (nothing on one core), instead of any other. */
    void ahead(long increments) {
        if (second == null) return;
        synchronized (this) {
            want(increments, -1);
        }
    }

    private void want(long first, long then) {
        wantedFirst = first;
        wantedThen = then;
        notifyAll();
    }

    /** The second run's loop: the lowest wanted pass nobody has taken, until closed. */
    private void computeAhead() {
        while (true) {
            long increments = -1;
            CompletableFuture<EqualSharesRun.Result> computing = new CompletableFuture<>();
            synchronized (this) {
                while (!closed && (increments = free()) < 0) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) return;
                taken.put(increments, computing);
            }
            // A pass may fail where the completion never goes (money too large to hold): its failure waits to be asked for.
            try {
                computing.complete(run(ahead, increments));
            } catch (RuntimeException | Error e) {
                computing.completeExceptionally(e);
            }
        }
    }

    /** The lowest wanted pass nobody has taken, or -1: the one asked for, the likely next one, and the one after it. */
    private long free() {
        if (wantedFirst >= 0 && !taken.containsKey(wantedFirst)) return wantedFirst;
        if (wantedThen >= 0 && !taken.containsKey(wantedThen)) return wantedThen;
        if (wantedThen >= 0 && !taken.containsKey(wantedThen + 1)) return wantedThen + 1;
        return -1;
    }

    private EqualSharesRun.Result run(EqualSharesRun<V> run, long increments) {
        return run.run(budgetAt(budget, increments, step), voters, supported, false);
    }

    private static EqualSharesRun.Result result(CompletableFuture<EqualSharesRun.Result> pass) {
        try {
            return pass.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    @Override
    public void close() {
        if (second == null) return;
        synchronized (this) {
            closed = true;
            notifyAll();
        }
    }
}
