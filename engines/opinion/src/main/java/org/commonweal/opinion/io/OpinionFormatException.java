package org.commonweal.opinion.io;

/** A conversation file that cannot be read, naming the file, the line (1-based; 0 when it is the whole file) and the field. */
public final class OpinionFormatException extends Exception {
    private final String file;
    private final int line;
    private final String field;

    public OpinionFormatException(String file, int line, String field, String problem) {
        super(file + (line > 0 ? " line " + line : "") + (field == null ? "" : ", field " + field) + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The field (column or JSON key) at fault, or null when the problem is the file's structure. */
    public String field() {
        return field;
    }
}
