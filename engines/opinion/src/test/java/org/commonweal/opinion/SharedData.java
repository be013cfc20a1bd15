package org.commonweal.opinion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real conversations read in place: {@code <repoRoot>/../shared/data}, the repo root holding the launcher. */
final class SharedData {
    private SharedData() {
    }

    static Path dir(String relative) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("commonweal"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no repository root (a directory holding 'commonweal') above " + Path.of("").toAbsolutePath());
        Path dir = p.resolveSibling("shared").resolve("data").resolve(relative);
        if (!Files.isDirectory(dir)) throw new IllegalStateException("shared data not found at " + dir);
        return dir;
    }

    static List<Path> conversations(String set) {
        try (Stream<Path> s = Files.list(dir(set))) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
