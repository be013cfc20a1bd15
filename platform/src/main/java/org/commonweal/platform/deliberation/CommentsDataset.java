package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.opendata.OpenDataset;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** The open dataset "comments": every comment a visitor can read (hidden ones left out), with its author's public display name. */
final class CommentsDataset {
    private CommentsDataset() {
    }

    static OpenDataset of(Jdbi jdbi) {
        return new OpenDataset("comments", "opendata.comments.title", "opendata.comments.description",
                List.of("id", "subject", "parent_id", "author", "created_at", "edited_at", "body"),
                sink -> jdbi.useHandle(h -> h.createQuery("""
                        SELECT c.id, c.subject_kind || ':' || c.subject_id AS subject, c.parent_id, a.name AS author, c.created_at, c.edited_at, c.body
                        FROM comments c LEFT JOIN accounts a ON a.id = c.author_id WHERE c.hidden_at IS NULL ORDER BY c.id""")
                        .setFetchSize(500)
                        .map((rs, c) -> Arrays.<Object>asList(rs.getLong("id"), rs.getString("subject"), rs.getObject("parent_id"),
                                rs.getString("author"), rs.getObject("created_at", OffsetDateTime.class), rs.getObject("edited_at", OffsetDateTime.class),
                                rs.getString("body")))
                        .useStream(rows -> rows.forEach(sink))));
    }
}
