package org.commonweal.cli.pb;

/** How many ballots a file holds, how many break its own rules, and whether those were counted. */
record Ballots(int cast, int invalid, boolean invalidCounted) {
    int counted() {
        return invalidCounted ? cast : cast - invalid;
    }

    /** One sentence for the text output, or null when every ballot is valid. */
    String sentence() {
        if (invalid == 0) return null;
        String these = invalid == 1 ? "1 ballot breaks" : invalid + " ballots break";
        return these + " the file's own rules (pb validate lists them): "
                + (invalidCounted ? "counted as cast; --drop-invalid leaves them out." : "left out (--drop-invalid).");
    }
}
