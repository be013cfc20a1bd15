package org.commonweal.elections.blt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the BLT ballot format (as used by OpenSTV, Droop and the Electoral Reform Society's programs):
 * <pre>
 *   CANDIDATES SEATS
 *   -W1 -W2            (optional: withdrawn candidates)
 *   WEIGHT C1 C2 ... 0 (one line per group of identical ballots)
 *   0
 *   "Name of candidate 1"
 *   ...
 *   "Title"
 * </pre>
 * Blank lines, surrounding spaces and {@code #} comments (outside quotes) are ignored. Inside quotes,
 * {@code \"} and {@code \\} stand for a quote and a backslash. Whatever follows the title is ignored, as
 * other BLT programs ignore it (the ERS test files put more quoted lines and a first-preference table there).
 * Files must be UTF-8 (a byte order mark is allowed).
 */
public final class BltReader {
    /** Far above any real electorate, and small enough that sums of weights can never overflow. */
    static final long MAX_WEIGHT = 1_000_000_000L;
    private final String file;
    private final List<Token> tokens;
    private final int lastLine;
    private int pos;

    private BltReader(String file, String text) throws BltFormatException {
        this.file = file;
        this.tokens = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        boolean endsWithNewline = lines.length > 1 && lines[lines.length - 1].isEmpty();
        this.lastLine = Math.max(1, endsWithNewline ? lines.length - 1 : lines.length);
        for (int i = 0; i < lines.length; i++) tokenize(lines[i], i + 1);
    }

    public static BltElection read(Path path) throws IOException, BltFormatException {
        String name = path.getFileName().toString();
        return read(name, TextDecoding.utf8(Files.readAllBytes(path), name));
    }

    /** @param file the name used in error messages */
    public static BltElection read(String file, String text) throws BltFormatException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new BltReader(file, body).parse();
    }

    /** A token, or (when {@code error} is set) a line that could not be split, reported only if the parse reaches it. */
    private record Token(String text, boolean quoted, int line, String error) {
        Token(String text, boolean quoted, int line) {
            this(text, quoted, line, null);
        }
    }

    private void tokenize(String line, int number) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                return;
            } else if (c == '"') {
                StringBuilder s = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i++);
                    if (d == '\\' && i < n) {
                        s.append(line.charAt(i++));
                    } else if (d == '"') {
                        closed = true;
                        break;
                    } else {
                        s.append(d);
                    }
                }
                if (!closed) {
                    tokens.add(new Token(s.toString(), true, number, "unterminated quoted string"));
                    return;
                }
                tokens.add(new Token(s.toString(), true, number));
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '#' && line.charAt(i) != '"') i++;
                tokens.add(new Token(line.substring(start, i), false, number));
            }
        }
    }

    private BltFormatException error(int line, String problem) {
        return new BltFormatException(file, line, problem);
    }

    private Token next(String expected) throws BltFormatException {
        if (pos >= tokens.size()) throw error(lastLine, "file ends where " + expected + " was expected");
        return checked(tokens.get(pos++));
    }

    private Token checked(Token t) throws BltFormatException {
        if (t.error() != null) throw error(t.line(), t.error());
        return t;
    }

    private long number(Token t, String what) throws BltFormatException {
        if (t.quoted()) throw error(t.line(), what + " expected but found quoted text \"" + t.text() + "\"");
        if (t.text().contains("=")) throw error(t.line(), "equal rankings ('" + t.text() + "') are not supported");
        try {
            return Long.parseLong(t.text());
        } catch (NumberFormatException e) {
            throw error(t.line(), what + " expected but found '" + t.text() + "'");
        }
    }

    private BltElection parse() throws BltFormatException {
        Token first = next("the number of candidates");
        long candidates = number(first, "the number of candidates");
        Token seatsToken = next("the number of seats");
        long seats = number(seatsToken, "the number of seats");
        if (seatsToken.line() != first.line()) throw error(first.line(), "the first line must hold the number of candidates and the number of seats");
        if (candidates < 1 || candidates > 100_000) throw error(first.line(), "number of candidates must be between 1 and 100000, was " + candidates);
        if (seats < 1 || seats > candidates) throw error(first.line(), "number of seats must be between 1 and the number of candidates (" + candidates + "), was " + seats);
        int n = (int) candidates;

        Set<Integer> withdrawn = new LinkedHashSet<>();
        while (pos < tokens.size() && !tokens.get(pos).quoted() && tokens.get(pos).text().startsWith("-")) {
            Token t = tokens.get(pos++);
            long w = -number(t, "a withdrawn candidate");
            if (w < 1 || w > n) throw error(t.line(), "withdrawn candidate " + w + " does not exist (there are " + n + " candidates)");
            if (!withdrawn.add((int) w)) throw error(t.line(), "candidate " + w + " is withdrawn twice");
        }

        List<BltBallot> ballots = new ArrayList<>();
        boolean[] seen = new boolean[n + 1];
        while (true) {
            Token weightToken = next("a ballot line or the 0 that ends the ballots");
            long weight = number(weightToken, "a ballot weight");
            if (weight == 0) break;
            if (weight < 0 || weight > MAX_WEIGHT) throw error(weightToken.line(), "ballot weight must be between 1 and " + MAX_WEIGHT + ", was " + weight);
            ballots.add(ballot(weightToken, weight, n, seen));
        }

        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Token t = next("the name of candidate " + i);
            if (!t.quoted()) throw error(t.line(), "the name of candidate " + i + " must be in double quotes, found '" + t.text() + "'");
            names.add(t.text());
        }
        String title = "";
        if (pos < tokens.size()) {
            Token t = checked(tokens.get(pos));
            if (!t.quoted()) throw error(t.line(), "the title must be in double quotes, found '" + t.text() + "'");
            title = t.text();
        }
        return new BltElection(names, (int) seats, withdrawn, ballots, title);
    }

    /** @param seen all false on entry and on return: one array for every line keeps reading linear in the file's size */
    private BltBallot ballot(Token weightToken, long weight, int candidates, boolean[] seen) throws BltFormatException {
        int line = weightToken.line();
        List<Integer> ranking = new ArrayList<>();
        while (true) {
            if (pos >= tokens.size() || tokens.get(pos).line() != line) throw error(line, "ballot line does not end with 0");
            Token t = checked(tokens.get(pos++));
            if (t.text().equals("-")) throw error(line, "skipped rankings ('-') are not supported");
            long c = number(t, "a candidate number");
            if (c == 0) break;
            if (c < 1 || c > candidates) throw error(line, "candidate " + c + " does not exist (there are " + candidates + " candidates)");
            if (seen[(int) c]) throw error(line, "candidate " + c + " is ranked twice");
            seen[(int) c] = true;
            ranking.add((int) c);
        }
        for (int c : ranking) seen[c] = false;
        if (pos < tokens.size() && tokens.get(pos).line() == line) {
            throw error(line, "unexpected text after the 0 that ends the ballot: '" + tokens.get(pos).text() + "'");
        }
        return new BltBallot(weight, ranking.stream().mapToInt(Integer::intValue).toArray());
    }
}
