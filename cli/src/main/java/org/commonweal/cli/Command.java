package org.commonweal.cli;

import java.util.List;

/** One top-level word of the {@code commonweal} command (serve, demo, pb, elections, ...). */
public interface Command {
    String name();

    /** One line for {@code commonweal help}. */
    String summary();

    /** @return the process exit code; throw {@link UsageException} for bad arguments or input. */
    int run(List<String> args, Console console) throws Exception;
}
