package org.commonweal.platform.core.feature;

import java.util.List;

/**
 * What a feature puts on the home page: a heading (a message key) and a few entries, each a link with a line under it
 * in words, and where to see the rest. A section with no entries is not shown.
 */
public record HomeSection(String titleKey, List<Entry> entries, String moreHref, String moreKey) {
    public HomeSection {
        entries = List.copyOf(entries);
    }

    /** One link on the home page, with the line under it (already in words). */
    public record Entry(String title, String href, String detail) {
    }
}
