package org.commonweal.pb;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real data: the repository root is the first ancestor holding the launcher, data sits beside it. */
public final class SharedData {
    private SharedData() {
    }

    public static Path pabulib() {
        return root().resolve("pabulib");
    }

    public static Path pabulib(String file) {
        return pabulib().resolve(file);
    }

    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("commonweal"))) return p.getParent().resolve("shared").resolve("data");
        }
        throw new IllegalStateException("no ancestor of " + Path.of("").toAbsolutePath() + " contains the commonweal launcher");
    }
}
