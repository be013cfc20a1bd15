package org.commonweal.pb.pabulib;

/** A .pb file that does not follow the pabulib format; the message names the file, the line and the problem. */
public final class PabulibFormatException extends RuntimeException {
    private final String fileName;
    private final int line;
    private final String problem;

    public PabulibFormatException(String fileName, int line, String problem) {
        super(fileName + (line > 0 ? ":" + line : "") + ": " + problem);
        this.fileName = fileName;
        this.line = line;
        this.problem = problem;
    }

    public String fileName() {
        return fileName;
    }

    /** 1-based line number, or 0 when the problem concerns the whole file (e.g. a missing section). */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
