package org.commonweal.cli.elections;

import org.commonweal.cli.UsageException;
import org.commonweal.elections.fptp.ConstituencyResult;
import org.commonweal.elections.fptp.ResultsCsv;
import org.commonweal.elections.fptp.ResultsFormatException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a constituency results CSV (any layout {@link ResultsCsv} recognises), turning every problem into one line. */
final class ResultsFileReader {
    private ResultsFileReader() {
    }

    static List<ConstituencyResult> read(String file) throws UsageException {
        Path path = Path.of(file);
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new UsageException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read (" + e.getMessage() + ")");
        }
        try {
            return ResultsCsv.parse(file, text);
        } catch (ResultsFormatException e) {
            throw new UsageException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
    }
}
