package org.commonweal.pb.pabulib;

import org.commonweal.pb.Project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV dialect of pabulib files, as Python's csv module reads it: fields separated by ';', a field
 * that starts with '"' runs to the closing quote ("" inside is one quote) and may span lines; text after
 * the closing quote is kept; a quote elsewhere is an ordinary character. Fields are trimmed, as pabutools does.
 */
final class PabulibCsv {
    private final String text;
    private final String fileName;
    private int pos;
    private int line;
    private int recordLine;
    private int recordStart;

    /** {@link #nextPlain} at the end of the text. */
    static final int END = -1;
    /** {@link #nextPlain} for a line with quotes, left unread for {@link #next()}. */
    static final int QUOTED = -2;

    PabulibCsv(String text, String fileName) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.fileName = fileName;
    }

    /** Line number where the record last returned by {@link #next()} starts. */
    int line() {
        return recordLine;
    }

    String text() {
        return text;
    }

    /**
     * The fast path for the many voter lines: splits the next line, when it has no quotes, into trimmed
     * field ranges of {@link #text()} without creating strings. Returns the number of fields (0 for a blank
     * line; ranges beyond the arrays' length are not stored), {@link #END} or {@link #QUOTED}.
     */
    int nextPlain(int[] starts, int[] ends) {
        if (pos >= text.length()) return END;
        int end = lineEnd(pos);
        if (text.indexOf('"', pos, end) >= 0) return QUOTED;
        line++;
        recordLine = line;
        recordStart = pos;
        int count = 0;
        if (!isBlank(pos, end)) {
            for (int start = pos; ; count++) {
                int sep = text.indexOf(';', start, end);
                int fieldEnd = sep < 0 ? end : sep;
                if (count < starts.length) {
                    starts[count] = trimStart(start, fieldEnd);
                    ends[count] = trimEnd(starts[count], fieldEnd);
                }
                if (sep < 0) {
                    count++;
                    break;
                }
                start = sep + 1;
            }
        }
        pos = skipNewline(end);
        return count;
    }

    /** Steps back so that {@link #next()} returns the line {@link #nextPlain} just split. */
    void reread() {
        pos = recordStart;
        line--;
    }

    /** The next record, or null at the end of the text. A blank line is an empty array. */
    String[] next() {
        if (pos >= text.length()) return null;
        line++;
        recordLine = line;
        recordStart = pos;
        int end = lineEnd(pos);
        if (text.indexOf('"', pos, end) < 0) {
            String[] fields = splitPlain(pos, end);
            pos = skipNewline(end);
            return fields;
        }
        return splitQuoted();
    }

    private int lineEnd(int from) {
        int n = text.indexOf('\n', from);
        if (n < 0) n = text.length();
        int r = text.indexOf('\r', from, n);
        return r < 0 ? n : r;
    }

    private int skipNewline(int end) {
        if (end < text.length() && text.charAt(end) == '\r') end++;
        if (end < text.length() && text.charAt(end) == '\n') end++;
        return end;
    }

    private String[] splitPlain(int from, int end) {
        if (isBlank(from, end)) return new String[0];
        int count = 1;
        for (int i = text.indexOf(';', from, end); i >= 0; i = text.indexOf(';', i + 1, end)) count++;
        String[] fields = new String[count];
        int start = from;
        for (int f = 0; f < count; f++) {
            int sep = f == count - 1 ? end : text.indexOf(';', start, end);
            fields[f] = trimmed(start, sep);
            start = sep + 1;
        }
        return fields;
    }

    private String[] splitQuoted() {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean fieldStarted = false;
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
                pos = skipNewline(pos);
                if (fieldStarted || !fields.isEmpty() || !field.isEmpty()) fields.add(field.toString().strip());
                return fields.toArray(String[]::new);
            }
            char c = text.charAt(pos);
            if (c == ';') {
                fields.add(field.toString().strip());
                field.setLength(0);
                fieldStarted = true;
                pos++;
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                readQuoted(field);
            } else {
                field.append(c);
                pos++;
            }
        }
    }

    private void readQuoted(StringBuilder field) {
        int openedOnLine = line;
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new PabulibFormatException(fileName, openedOnLine, "quoted field is never closed (missing '\"')");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    field.append('"');
                    pos += 2;
                } else {
                    pos++;
                    return;
                }
            } else {
                if (c == '\n') line++;
                else if (c == '\r' && (pos + 1 >= text.length() || text.charAt(pos + 1) != '\n')) line++;
                field.append(c);
                pos++;
            }
        }
    }

    private boolean isBlank(int from, int end) {
        return skipSpaceForward(text, from, end) == end;
    }

    private String trimmed(int from, int end) {
        int start = trimStart(from, end);
        return text.substring(start, trimEnd(start, end));
    }

    private int trimStart(int from, int end) {
        return skipSpaceForward(text, from, end);
    }

    private int trimEnd(int from, int end) {
        return skipSpaceBackward(text, from, end);
    }

    /** The first index in [from, end) that is not whitespace, or end. */
    static int skipSpaceForward(String s, int from, int end) {
        while (from < end && isSpace(s.charAt(from))) from++;
        return from;
    }

    /** One past the last index in [from, end) that is not whitespace, or from. */
    static int skipSpaceBackward(String s, int from, int end) {
        while (end > from && isSpace(s.charAt(end - 1))) end--;
        return end;
    }

    /** {@link Character#isWhitespace} with one comparison for the printable ASCII and Latin-1 letters that make up most text. */
    private static boolean isSpace(char c) {
        return (c <= ' ' || c >= 0x80) && Character.isWhitespace(c);
    }

    /** Number of ','-separated items in s[from, to); at least 1. */
    static int items(String s, int from, int to) {
        int count = 1;
        for (int i = s.indexOf(',', from, to); i >= 0; i = s.indexOf(',', i + 1, to)) count++;
        return count;
    }

    /** A field as the writer must put it so that this reader returns exactly {@code value}. */
    static String quote(String value) {
        boolean needs = value.indexOf(';') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                || value.startsWith("\"");
        if (!needs) return value;
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** An amount of money; a decimal comma ("4000,5") is accepted when there is no decimal point, as pabutools does. */
    static BigDecimal parseAmount(String text) throws NumberFormatException {
        return new BigDecimal(text.indexOf('.') < 0 ? text.replace(',', '.') : text);
    }

    /** The 'vote' column of a ballot: project ids joined by ','. */
    static String joinIds(List<Project> projects, int[] chosen) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < chosen.length; i++) {
            if (i > 0) s.append(',');
            s.append(projects.get(chosen[i]).id());
        }
        return s.toString();
    }

    private static String plain(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** The 'points' column of a ballot: numbers (in units of 10^-scale) joined by ',', as written (1.5, not 1.50). */
    static String joinPoints(long[] points, int scale) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < points.length; i++) {
            if (i > 0) s.append(',');
            s.append(scale == 0 ? Long.toString(points[i]) : plain(BigDecimal.valueOf(points[i], scale)));
        }
        return s.toString();
    }
}
