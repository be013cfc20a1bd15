package org.commonweal.elections.fptp;

/** A results file that cannot be read, naming the file, the line (1-based) and what is wrong there. */
public final class ResultsFormatException extends IllegalArgumentException {
    private final String source;
    private final int line;

    public ResultsFormatException(String source, int line, String problem) {
        super(source + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
