package org.commonweal.elections.stv;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real data read in place: {@code <repoRoot>/../shared/data}, the repo root holding the launcher. */
public final class SharedData {
    private SharedData() {
    }

    public static Path dir(String relative) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("commonweal"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no repository root (a directory holding 'commonweal') above " + Path.of("").toAbsolutePath());
        Path dir = p.resolveSibling("shared").resolve("data").resolve(relative);
        if (!Files.isDirectory(dir)) throw new IllegalStateException("shared data not found at " + dir);
        return dir;
    }

    public static Path glasgow() {
        return dir("stv/glasgow-2007");
    }
}
