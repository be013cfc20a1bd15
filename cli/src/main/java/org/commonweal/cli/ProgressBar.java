package org.commonweal.cli;

import java.io.PrintStream;

/**
 * A progress bar on stderr for long work. On a terminal it redraws one line; otherwise (CI, pipes) it
 * prints a line at every tenth of the work so logs stay short.
 */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String label;
    private final long total;
    private final boolean interactive;
    private long done;
    private int lastDecile = -1;

    ProgressBar(PrintStream err, String label, long total, boolean interactive) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
        this.interactive = interactive;
    }

    public synchronized void step(String item) {
        done++;
        int filled = (int) (WIDTH * done / total);
        if (interactive) {
            String name = item.length() > 40 ? item.substring(0, 37) + "..." : item;
            err.printf("\r%s [%s%s] %d/%d %-40s", label, "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, name);
        } else {
            int decile = (int) (10 * done / total);
            if (decile != lastDecile) {
                lastDecile = decile;
                err.printf("%s %d/%d%n", label, done, total);
            }
        }
    }

    @Override
    public void close() {
        if (interactive) err.println();
    }
}
