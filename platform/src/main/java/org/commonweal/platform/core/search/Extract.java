package org.commonweal.platform.core.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A snippet of a result with the matched words marked, as parts, so the template escapes every part and
 * wraps the matched ones in {@code <mark>}: user text never reaches the page as markup.
 */
public record Extract(List<Part> parts) {
    public record Part(String text, boolean matched) {
    }

    static final char START = '\u27e6';
    static final char STOP = '\u27e7';

    /** Splits PostgreSQL's ts_headline output at the start/stop marks SearchIndex asks it for. */
    static Extract parse(String headline) {
        List<Part> parts = new ArrayList<>();
        if (headline == null) return new Extract(parts);
        StringBuilder current = new StringBuilder();
        boolean matched = false;
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            if (c == START || c == STOP) {
                if (!current.isEmpty()) parts.add(new Part(current.toString(), matched));
                current.setLength(0);
                matched = c == START;
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) parts.add(new Part(current.toString(), matched));
        return new Extract(List.copyOf(parts));
    }
}
