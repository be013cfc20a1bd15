package org.commonweal.elections.fptp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The House of Commons Library files in the shared data folder, read in place (never copied). */
public final class UkElectionData {
    private UkElectionData() {
    }

    /** {@code <repo root>/../shared/data/uk-elections/<name>}; the repo root is the first ancestor holding the launcher. */
    public static Path file(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("commonweal"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("no ancestor of " + Path.of("").toAbsolutePath() + " holds the 'commonweal' launcher");
        return dir.resolveSibling("shared").resolve("data").resolve("uk-elections").resolve(name);
    }

    public static List<ConstituencyResult> read(String name) {
        try {
            return ResultsCsv.parse(name, Files.readString(file(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
