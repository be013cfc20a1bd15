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

    /** The shared HexJSON map of the 2024 constituencies. */
    public static org.commonweal.elections.model.HexLayout hexLayout() {
        try {
            var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file("uk-constituencies-2023.hexjson").toFile());
            java.util.Map<String, org.commonweal.elections.model.HexLayout.Hex> hexes = new java.util.HashMap<>();
            root.get("hexes").properties().forEach(e -> hexes.put(e.getKey(), new org.commonweal.elections.model.HexLayout.Hex(e.getKey(),
                    e.getValue().get("n").asText(), e.getValue().get("q").asInt(), e.getValue().get("r").asInt())));
            return new org.commonweal.elections.model.HexLayout(hexes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ConstituencyResult> read(String name) {
        try {
            return ResultsCsv.parse(name, Files.readString(file(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
