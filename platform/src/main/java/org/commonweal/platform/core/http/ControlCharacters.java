package org.commonweal.platform.core.http;

/**
 * Which control characters text from a request or an uploaded file may not hold. Tab, line feed and carriage return
 * are always allowed: text areas and files carry them. PostgreSQL cannot store a NUL at all.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /** Whether a typed value holds a C0 or C1 control or DEL: nobody types one, and they can forge log lines or mail headers. */
    public static boolean in(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    /**
     * The 1-based line of an uploaded text file's first C0 control or DEL, or 0 when there is none. C1 controls are let
     * through: published files carry stray ones from mis-decoded sources (the House of Commons Library's 2024 results
     * have a U+0081 in a name), and they are stored and shown harmlessly.
     */
    public static int firstLine(String text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') line++;
            else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) return line;
        }
        return 0;
    }
}
