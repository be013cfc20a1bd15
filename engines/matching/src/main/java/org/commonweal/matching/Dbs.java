package org.commonweal.matching;

import java.util.Arrays;
import java.util.Optional;

/** The levels of a DBS check, in order: a volunteer qualifies for a request when their level is at least the one asked. */
public enum Dbs {
    NONE("none", "no DBS check"),
    BASIC("basic", "a basic DBS check"),
    STANDARD("standard", "a standard DBS check"),
    ENHANCED("enhanced", "an enhanced DBS check"),
    ENHANCED_BARRED("enhanced-barred", "an enhanced DBS check with a barred-list check");

    private final String code;
    private final String inWords;

    Dbs(String code, String inWords) {
        this.code = code;
        this.inWords = inWords;
    }

    public String code() {
        return code;
    }

    public String inWords() {
        return inWords;
    }

    public boolean covers(Dbs required) {
        return compareTo(required) >= 0;
    }

    public static Optional<Dbs> of(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join("|", Arrays.stream(values()).map(Dbs::code).toList());
    }
}
