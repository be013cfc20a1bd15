package org.commonweal.platform.library;

import org.commonweal.platform.core.opendata.OpenDataset;
import org.commonweal.platform.core.search.SearchDocument;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How stories appear to the rest of the platform, once published and only then: the subject kind "story" (comments
 * and follows), the site-wide search, and the open dataset "library-stories" (public fields only: never the author).
 */
final class StoryIndex {
    static final String KIND = "story";
    private final Jdbi jdbi;
    private final SearchIndex search;

    StoryIndex(Jdbi jdbi, SearchIndex search) {
        this.jdbi = jdbi;
        this.search = search;
    }

    static String url(long id) {
        return "/library/" + id;
    }

    /** Brings the search index in line with the story, inside the transaction that changed it. */
    void update(Handle h, long id) {
        Story s = StoryService.find(h, id, false).orElseThrow();
        Subject subject = new Subject(KIND, id);
        if (s.published()) {
            // Tags go in with the words, so the one search finds a story by its tags too.
            search.publish(h, new SearchDocument(subject, s.title(), s.summary() + "\n" + s.approach() + "\n" + s.outcomes() + "\n"
                    + String.join(", ", StoryTags.of(h, id)), url(id), s.placeId()));
        } else {
            search.withdraw(h, subject);
        }
    }

    /** A published story as a subject others comment on; drafts are nobody's subject yet. */
    Optional<SubjectInfo> find(long id) {
        return jdbi.withHandle(h -> StoryService.find(h, id, false)).filter(Story::published)
                .map(s -> new SubjectInfo(new Subject(KIND, id), s.title(), url(id), s.placeId(), s.authorId(), true));
    }

    OpenDataset dataset() {
        return new OpenDataset("library-stories", "opendata.library.title", "opendata.library.description",
                List.of("id", "title", "summary", "problem", "approach", "place_id", "place_name", "theme", "purpose", "participants",
                        "started_on", "ended_on", "outcomes", "evidence", "cost_pounds", "lessons", "source_kind", "source_id", "tags", "published_at"),
                sink -> jdbi.useHandle(h -> h.createQuery("""
                        SELECT s.*, p.name AS place_name,
                               (SELECT string_agg(t.tag, '; ' ORDER BY t.tag) FROM library_story_tags t WHERE t.story_id = s.id) AS tags
                          FROM library_stories s JOIN places p ON p.id = s.place_id
                         WHERE s.status = 'published' ORDER BY s.id""")
                        .setFetchSize(500)
                        .map((rs, c) -> Arrays.<Object>asList(rs.getLong("id"), rs.getString("title"), rs.getString("summary"),
                                rs.getString("problem"), rs.getString("approach"), rs.getLong("place_id"), rs.getString("place_name"),
                                rs.getString("theme"), rs.getString("purpose"), rs.getObject("participants"),
                                rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class), rs.getString("outcomes"),
                                rs.getString("evidence"), rs.getObject("cost_minor") == null ? null
                                        : java.math.BigDecimal.valueOf(rs.getLong("cost_minor"), 2), rs.getString("lessons"),
                                rs.getString("source_kind"), rs.getObject("source_id"), rs.getString("tags"),
                                rs.getObject("published_at", OffsetDateTime.class)))
                        .useStream(rows -> rows.forEach(sink))));
    }
}
