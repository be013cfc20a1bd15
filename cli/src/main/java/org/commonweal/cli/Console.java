package org.commonweal.cli;

import java.io.PrintStream;

/** Where a command writes: results to out, progress and diagnostics to err (so --json output stays clean). */
public record Console(PrintStream out, PrintStream err) {
    public static Console system() {
        return new Console(System.out, System.err);
    }

    public ProgressBar progress(String label, long total) {
        return new ProgressBar(err, label, total, System.console() != null);
    }
}
