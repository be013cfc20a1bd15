package org.commonweal.cli.elections;

import org.commonweal.cli.Console;
import org.commonweal.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One run of the {@code commonweal} command in-process, with what it printed. */
public record CliRun(int exit, String out, String err) {
    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A House of Commons Library file from the shared data folder beside the repository, read in place. */
    static String ukElections(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("commonweal"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("no ancestor holds the 'commonweal' launcher");
        return dir.resolveSibling("shared").resolve("data").resolve("uk-elections").resolve(name).toString();
    }
}
