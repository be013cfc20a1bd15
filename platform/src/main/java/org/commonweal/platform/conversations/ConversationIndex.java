package org.commonweal.platform.conversations;

import org.commonweal.platform.core.opendata.OpenDataset;
import org.commonweal.platform.core.search.SearchDocument;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How conversations appear to the rest of the platform: the subject kind "conversation" (followed, discussed), in the
 * site-wide search, and the open dataset "conversation-statements": every statement shown to participants with its
 * counts of agree, disagree and pass, never who voted or who wrote it.
 */
final class ConversationIndex {
    static final String KIND = "conversation";

    private final Jdbi jdbi;
    private final SearchIndex search;

    ConversationIndex(Jdbi jdbi, SearchIndex search) {
        this.jdbi = jdbi;
        this.search = search;
    }

    static Subject subject(long id) {
        return new Subject(KIND, id);
    }

    void update(Handle h, long id) {
        Conversation c = ConversationService.find(h, id).orElseThrow();
        if (c.withheld()) search.withdraw(h, subject(id));
        else search.publish(h, new SearchDocument(subject(id), c.topic(), c.description(), Conversation.url(id), null));
    }

    void withdraw(Handle h, long id) {
        search.withdraw(h, subject(id));
    }

    Optional<SubjectInfo> find(long id) {
        return jdbi.withHandle(h -> ConversationService.find(h, id)).filter(c -> !c.withheld()).map(c -> new SubjectInfo(subject(id), c.topic(), Conversation.url(id), null,
                c.ownerId(), c.open()));
    }

    OpenDataset statements() {
        return new OpenDataset("conversation-statements", "conversations.opendata.title", "conversations.opendata.description",
                List.of("conversation_id", "conversation_topic", "statement_number", "statement", "seed", "agrees", "disagrees", "passes", "created_at"),
                sink -> jdbi.useHandle(h -> h.createQuery("""
                        SELECT c.id AS conversation_id, c.topic, s.number, s.body, s.seed, s.created_at,
                               count(v.vote) FILTER (WHERE v.vote = 1) AS agrees, count(v.vote) FILTER (WHERE v.vote = -1) AS disagrees,
                               count(v.vote) FILTER (WHERE v.vote = 0) AS passes
                        FROM conversation_statements s JOIN conversations c ON c.id = s.conversation_id
                        LEFT JOIN conversation_votes v ON v.statement_id = s.id
                        WHERE NOT c.withheld AND (s.status = 'approved' OR (c.moderation = 'open' AND s.status = 'pending'))
                        GROUP BY c.id, s.id ORDER BY c.id, s.number""")
                        .setFetchSize(500)
                        .map((rs, x) -> Arrays.<Object>asList(rs.getLong("conversation_id"), rs.getString("topic"), rs.getInt("number"),
                                rs.getString("body"), rs.getBoolean("seed"), rs.getLong("agrees"), rs.getLong("disagrees"), rs.getLong("passes"),
                                rs.getObject("created_at", java.time.OffsetDateTime.class)))
                        .useStream(rows -> rows.forEach(sink))));
    }
}
