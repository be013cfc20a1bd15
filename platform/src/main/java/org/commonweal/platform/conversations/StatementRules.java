package org.commonweal.platform.conversations;

import java.util.regex.Pattern;

/**
 * What a statement may be: one short idea in plain words. Markup and script are refused rather than escaped, since a
 * statement with tags in it is someone testing the site, not an opinion; control characters are refused as everywhere.
 */
final class StatementRules {
    private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?]|javascript\\s*:|&#|\\bon[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private StatementRules() {
    }

    /** The message key of what is wrong with the (stripped) text, or null when it may be posted. */
    static String problem(String text) {
        if (text.isEmpty()) return "conversations.error.statement.required";
        if (text.length() > Statement.MAX_LENGTH) return "conversations.error.statement.tooLong";
        if (text.chars().anyMatch(c -> Character.isISOControl(c))) return "conversations.error.statement.control";
        if (MARKUP.matcher(text).find()) return "conversations.error.statement.markup";
        return null;
    }
}
