package org.commonweal.cli.elections;

import org.commonweal.cli.UsageException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared test data (the folder {@code shared/data} beside the project) above the current directory, for defaults of file options. */
final class SharedData {
    private SharedData() {
    }

    /** @param relative a path under the shared folder, e.g. {@code data/stv/glasgow-2007} */
    static Path find(String relative, String option) throws UsageException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) return candidate;
        }
        throw new UsageException("shared/" + relative + " not found above " + Path.of("").toAbsolutePath() + "; give " + option);
    }
}
