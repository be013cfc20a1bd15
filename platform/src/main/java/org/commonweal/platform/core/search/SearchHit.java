package org.commonweal.platform.core.search;

/** One result: the kind ("problem" ...), its title, a short extract with the matched words marked, its page. */
public record SearchHit(String kind, long id, String title, Extract extract, String url, Long placeId, String placeName) {
}
