package org.commonweal.platform.core.search;

import org.commonweal.platform.core.subjects.Subject;

/** One public item as search knows it: what it is, its words, its page and its place (nullable). */
public record SearchDocument(Subject subject, String title, String body, String url, Long placeId) {
    public SearchDocument {
        if (title == null || title.isBlank()) throw new IllegalArgumentException("a search document needs a title");
        body = body == null ? "" : body;
    }
}
