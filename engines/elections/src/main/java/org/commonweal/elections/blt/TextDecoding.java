package org.commonweal.elections.blt;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text, or says which line is not UTF-8 and what the file seems to be instead,
 * since the JDK's own message ("Input length = 1") names neither.
 */
final class TextDecoding {
    /** How much of the start of a file is looked at to tell UTF-16 (every other byte NUL) from binary data. */
    private static final int SNIFF = 4096;

    private TextDecoding() {
    }

    static String utf8(byte[] bytes, String file) throws BltFormatException {
        if (looksLikeUtf16(bytes)) throw new BltFormatException(file, 1, "not valid UTF-8 (the file looks like UTF-16; save it as UTF-8)");
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            int at = in.position();
            int line = 1, lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new BltFormatException(file, line, "not valid UTF-8 (byte 0x" + String.format("%02X", bytes[at] & 0xFF) + " in column " + (at - lineStart + 1) + "; "
                    + (hasNul(bytes) ? "the file looks like binary data, not text)" : "the file looks like Latin-1 or Windows-1252; save it as UTF-8)"));
        }
        if (hasNul(bytes)) {
            int line = 1;
            for (int i = 0; bytes[i] != 0; i++) if (bytes[i] == '\n') line++;
            throw new BltFormatException(file, line, "not a text file (it contains NUL bytes)");
        }
        return out.flip().toString();
    }

    /** A byte order mark of UTF-16, or a NUL in every other byte of the start (ASCII text saved as UTF-16). */
    private static boolean looksLikeUtf16(byte[] b) {
        if (b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF))) return true;
        int n = Math.min(b.length, SNIFF) & ~1;
        if (n < 4) return false;
        int evenNul = 0, oddNul = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) evenNul++;
            if (b[i + 1] == 0) oddNul++;
        }
        int pairs = n / 2;
        return Math.max(evenNul, oddNul) * 10 >= pairs * 9 && Math.min(evenNul, oddNul) * 10 <= pairs;
    }

    private static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) if (b == 0) return true;
        return false;
    }
}
