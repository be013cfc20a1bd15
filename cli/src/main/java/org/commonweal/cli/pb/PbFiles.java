package org.commonweal.cli.pb;

import org.commonweal.cli.UsageException;
import org.commonweal.pb.Instance;
import org.commonweal.pb.pabulib.PabulibFormatException;
import org.commonweal.pb.pabulib.PabulibReader;
import org.commonweal.pb.pabulib.ValidatedInstance;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a .pb file for a command: a missing, unreadable or malformed file is one clear line, never a stack trace. */
final class PbFiles {
    private PbFiles() {
    }

    static Instance read(String path) throws UsageException {
        return readAs(path, PabulibReader::read);
    }

    /** The file with every ballot that breaks its META's rules (see {@link PabulibReader#readValidated}). */
    static ValidatedInstance readValidated(String path) throws UsageException {
        return readAs(path, PabulibReader::readValidated);
    }

    private interface Reading<T> {
        T read(Path file) throws IOException;
    }

    private static <T> T readAs(String path, Reading<T> reading) throws UsageException {
        Path file = Path.of(path);
        try {
            if (Files.isDirectory(file)) throw new UsageException(path + ": is a directory, not a .pb file");
            return reading.read(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(path + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UsageException(path + ": permission denied");
        } catch (PabulibFormatException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException(path + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
