package org.commonweal.platform.volunteers;

import java.util.Arrays;
import java.util.Optional;

/**
 * The levels of a DBS certificate, lowest first; a level covers another when it is at least as high. The barred-list
 * levels all count as the matching engine's single {@code enhanced-barred} (see {@link #matchingCode}).
 */
public enum DbsLevel {
    NONE("none", "none"),
    BASIC("basic", "basic"),
    STANDARD("standard", "standard"),
    ENHANCED("enhanced", "enhanced"),
    ENHANCED_ADULTS("enhanced_adults", "enhanced-barred"),
    ENHANCED_CHILDREN("enhanced_children", "enhanced-barred"),
    ENHANCED_BOTH("enhanced_both", "enhanced-barred");

    private final String code;
    private final String matchingCode;

    DbsLevel(String code, String matchingCode) {
        this.code = code;
        this.matchingCode = matchingCode;
    }

    /** The code stored and posted in forms; its words are the message {@code volunteers.dbs.level.<code>}. */
    public String code() {
        return code;
    }

    /** The level as {@code engines/matching}'s {@code Dbs.of} reads it: none, basic, standard, enhanced, enhanced-barred. */
    public String matchingCode() {
        return matchingCode;
    }

    public boolean covers(DbsLevel required) {
        return compareTo(required) >= 0;
    }

    /** The levels a certificate can have (every one but {@link #NONE}). */
    public static java.util.List<DbsLevel> certificates() {
        return Arrays.stream(values()).filter(l -> l != NONE).toList();
    }

    public static Optional<DbsLevel> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
