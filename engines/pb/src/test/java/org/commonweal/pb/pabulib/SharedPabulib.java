package org.commonweal.pb.pabulib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared pabulib files, read in place: {@code <repoRoot>/../shared/data/pabulib}, where the repo root holds the launcher. */
public final class SharedPabulib {
    private SharedPabulib() {
    }

    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("commonweal"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("no repository root (a folder with the 'commonweal' launcher) above " + Path.of("").toAbsolutePath());
        return dir.resolveSibling("shared").resolve("data").resolve("pabulib");
    }

    public static Path file(String name) {
        return directory().resolve(name);
    }

    /** Every .pb file, sorted by name. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pb")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
