package org.commonweal.cli.pb;

import org.commonweal.cli.UsageException;
import org.commonweal.pb.Instance;
import org.commonweal.pb.pabulib.PabulibFormatException;
import org.commonweal.pb.pabulib.PabulibReader;

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
        Path file = Path.of(path);
        try {
            if (Files.isDirectory(file)) throw new UsageException(path + ": is a directory, not a .pb file");
            return PabulibReader.read(file);
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
