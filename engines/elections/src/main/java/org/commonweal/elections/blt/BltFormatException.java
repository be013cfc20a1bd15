package org.commonweal.elections.blt;

/** A BLT file that cannot be read: the message names the file, the line and the problem. */
public final class BltFormatException extends Exception {
    private final String file;
    private final int line;
    private final String problem;

    public BltFormatException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
