package org.commonweal.cli.elections;

import org.commonweal.cli.UsageException;
import org.commonweal.elections.blt.BltElection;
import org.commonweal.elections.blt.BltFormatException;
import org.commonweal.elections.blt.BltReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finding and reading BLT files for the elections commands, with every failure as a one-line usage error. */
final class BltFiles {
    private BltFiles() {
    }

    /** A file stands for itself; a directory for its .blt files in name order. */
    static List<Path> expand(Path p) throws UsageException {
        if (Files.isRegularFile(p)) return List.of(p);
        if (!Files.isDirectory(p)) throw new UsageException("no such file or directory: " + p);
        try (Stream<Path> s = Files.list(p)) {
            List<Path> blts = s.filter(f -> f.getFileName().toString().endsWith(".blt") && Files.isRegularFile(f)).sorted().toList();
            if (blts.isEmpty()) throw new UsageException("no .blt files in " + p);
            return blts;
        } catch (IOException e) {
            throw new UsageException("cannot list " + p + ": " + e.getMessage());
        }
    }

    static BltElection read(Path file) throws UsageException {
        try {
            return BltReader.read(file);
        } catch (BltFormatException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
