package org.commonweal.platform.core.search;

import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.subjects.Subject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one full-text search across the platform. Features publish their public items (inside the transaction
 * that creates or changes them, so search never shows what was rolled back) and withdraw them when they are
 * hidden, withdrawn or deleted. Matching is accent- and stem-insensitive; titles weigh more than bodies.
 */
public final class SearchIndex {
    /** Results per page. */
    public static final int PAGE_SIZE = 20;
    /** Longer queries are cut: nobody types more, and it bounds the work a query can cause. */
    public static final int MAX_QUERY = 200;

    private final Jdbi jdbi;
    private final PlaceService places;

    public SearchIndex(Jdbi jdbi, PlaceService places) {
        this.jdbi = jdbi;
        this.places = places;
    }

    /** Adds or replaces the item, inside the caller's transaction. */
    public void publish(Handle h, SearchDocument d) {
        publishAll(h, List.of(d));
    }

    /** Adds or replaces the items in one batch (an import of thousands at once), inside the caller's transaction. */
    public void publishAll(Handle h, List<SearchDocument> documents) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO search_documents (kind, id, title, body, url, place_id) VALUES (:kind, :id, :title, :body, :url, :place)
                ON CONFLICT (kind, id) DO UPDATE SET title = excluded.title, body = excluded.body, url = excluded.url,
                    place_id = excluded.place_id, updated_at = now()""");
        for (SearchDocument d : documents) {
            batch.bind("kind", d.subject().kind()).bind("id", d.subject().id()).bind("title", d.title()).bind("body", d.body())
                    .bind("url", d.url()).bind("place", d.placeId()).add();
        }
        if (batch.size() > 0) batch.execute();
    }

    public void publish(SearchDocument d) {
        jdbi.useHandle(h -> publish(h, d));
    }

    /** Removes the item (no error if it was never published). */
    public void withdraw(Handle h, Subject subject) {
        h.createUpdate("DELETE FROM search_documents WHERE kind = :kind AND id = :id")
                .bind("kind", subject.kind()).bind("id", subject.id()).execute();
    }

    public void withdraw(Subject subject) {
        jdbi.useHandle(h -> withdraw(h, subject));
    }

    /**
     * The kinds that have something in the index, alphabetically: the search page offers these as filters (a kind
     * that publishes nothing, such as a whole budget process, would only ever filter to nothing). A skip scan over
     * the primary key, so it costs one index probe per kind however large the index.
     */
    public List<String> kinds() {
        return jdbi.withHandle(h -> h.createQuery("""
                WITH RECURSIVE k AS (
                    SELECT min(kind) AS kind FROM search_documents
                    UNION ALL
                    SELECT (SELECT min(kind) FROM search_documents WHERE kind > k.kind) FROM k WHERE k.kind IS NOT NULL)
                SELECT kind FROM k WHERE kind IS NOT NULL""").mapTo(String.class).list());
    }

    /** What to look for: words (as typed, quotes and "-word" allowed), kinds (empty = all), a place (null = anywhere). */
    public record Query(String text, Set<String> kinds, Long placeId, int page) {
    }

    /** One page of hits, best first, plus whether a further page exists. */
    public record Results(List<SearchHit> hits, boolean more) {
    }

    public Results search(Query q) {
        String text = q.text() == null ? "" : q.text().strip();
        if (text.length() > MAX_QUERY) text = text.substring(0, MAX_QUERY);
        if (text.isEmpty()) return new Results(List.of(), false);
        int page = Math.max(1, q.page());
        List<Long> within = q.placeId() == null ? null : new ArrayList<>(places.within(q.placeId()));
        String textFinal = text;
        boolean byKind = q.kinds() != null && !q.kinds().isEmpty();
        String sql = """
                WITH q AS (SELECT websearch_to_tsquery('english'::regconfig, search_unaccent(:text)) AS tsq),
                page AS (
                    SELECT d.kind, d.id, d.title, d.body, d.url, d.place_id, d.updated_at, ts_rank(d.document, q.tsq) AS rank
                    FROM search_documents d, q
                    WHERE d.document @@ q.tsq %s %s
                    ORDER BY rank DESC, d.updated_at DESC, d.kind, d.id
                    LIMIT :limit OFFSET :offset)
                SELECT page.kind, page.id, page.title, page.url, page.place_id, p.name AS place_name,
                       ts_headline('english'::regconfig, left(page.body, 5000), q.tsq,
                                   'StartSel=⟦, StopSel=⟧, MaxWords=30, MinWords=12, MaxFragments=2') AS extract
                FROM page CROSS JOIN q LEFT JOIN places p ON p.id = page.place_id
                ORDER BY page.rank DESC, page.updated_at DESC, page.kind, page.id""".formatted(
                byKind ? "AND d.kind = ANY(:kinds)" : "", within == null ? "" : "AND d.place_id = ANY(:places)");
        // The GIN index finds the matches; only the page's rows get their extract built (ts_headline is costly).
        List<SearchHit> hits = jdbi.withHandle(h -> {
            var query = h.createQuery(sql).bind("text", textFinal).bind("limit", PAGE_SIZE + 1).bind("offset", (page - 1) * PAGE_SIZE);
            if (byKind) query.bindArray("kinds", String.class, q.kinds().toArray(String[]::new));
            if (within != null) query.bindArray("places", Long.class, within.toArray(Long[]::new));
            return query.map((rs, c) -> new SearchHit(rs.getString("kind"), rs.getLong("id"), rs.getString("title"),
                    Extract.parse(rs.getString("extract")), rs.getString("url"), (Long) rs.getObject("place_id"), rs.getString("place_name"))).list();
        });
        boolean more = hits.size() > PAGE_SIZE;
        return new Results(more ? hits.subList(0, PAGE_SIZE) : hits, more);
    }
}
