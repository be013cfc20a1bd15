package org.commonweal.platform.conversations;

import org.commonweal.platform.core.opendata.CsvCell;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A conversation in Polis's openData layout (compdemocracy/openData), so a council's conversation can be read by the
 * tools that read Polis's: {@code comments.csv}, {@code votes.csv}, {@code participants-votes.csv} and
 * {@code summary.csv}. Participants are their numbers in the conversation, never a name or an account. A seed
 * statement's author id is -1, the engine reader's "not said". Cells go through {@link CsvCell} (a statement starting like a formula gets a leading
 * apostrophe, as every export of the platform does).
 */
final class PolisExport {
    static final List<String> FILES = List.of("comments.csv", "votes.csv", "participants-votes.csv", "summary.csv");
    /** Polis's datetime column, e.g. "Mon Jul 17 16:10:15 GMT 2017". */
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ENGLISH)
            .withZone(ZoneId.of("UTC"));

    private final Jdbi jdbi;
    private final Analyses analyses;
    private final String baseUrl;

    PolisExport(Jdbi jdbi, Analyses analyses, String baseUrl) {
        this.jdbi = jdbi;
        this.analyses = analyses;
        this.baseUrl = baseUrl;
    }

    void write(Conversation c, String file, Writer out) throws IOException {
        switch (file) {
            case "comments.csv" -> comments(c, out);
            case "votes.csv" -> votes(c, out);
            case "participants-votes.csv" -> participants(c, out);
            case "summary.csv" -> summary(c, out);
            default -> throw new IllegalArgumentException(file);
        }
    }

    private void comments(Conversation c, Writer out) throws IOException {
        line(out, List.of("timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"));
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT s.created_at, s.number, p.number AS author, s.status, s.body,
                               count(v.vote) FILTER (WHERE v.vote = 1) AS agrees, count(v.vote) FILTER (WHERE v.vote = -1) AS disagrees
                        FROM conversation_statements s LEFT JOIN conversation_participants p ON p.id = s.author_id
                        LEFT JOIN conversation_votes v ON v.statement_id = s.id
                        WHERE s.conversation_id = :c GROUP BY s.id, p.number ORDER BY s.number""").bind("c", c.id())
                .map((rs, x) -> {
                    OffsetDateTime at = rs.getObject("created_at", OffsetDateTime.class);
                    return List.<Object>of(at.toInstant().toEpochMilli(), DATETIME.format(at), rs.getInt("number"),
                            rs.getObject("author") == null ? -1 : rs.getInt("author"), rs.getLong("agrees"), rs.getLong("disagrees"),
                            moderated(rs.getString("status")), rs.getString("body"));
                }).forEach(row -> line(out, row)));
    }

    private void votes(Conversation c, Writer out) throws IOException {
        line(out, List.of("timestamp", "datetime", "comment-id", "voter-id", "vote"));
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT v.voted_at, s.number AS tid, p.number AS pid, v.vote FROM conversation_votes v
                        JOIN conversation_statements s ON s.id = v.statement_id JOIN conversation_participants p ON p.id = v.participant_id
                        WHERE v.conversation_id = :c ORDER BY v.voted_at, p.number, s.number""").bind("c", c.id()).setFetchSize(10_000)
                .map((rs, x) -> {
                    OffsetDateTime at = rs.getObject("voted_at", OffsetDateTime.class);
                    return List.<Object>of(at.toInstant().toEpochMilli(), DATETIME.format(at), rs.getInt("tid"), rs.getInt("pid"), rs.getInt("vote"));
                }).forEach(row -> line(out, row)));
    }

    private void participants(Conversation c, Writer out) throws IOException {
        List<Integer> tids = jdbi.withHandle(h -> h.createQuery("SELECT number FROM conversation_statements WHERE conversation_id = :c ORDER BY number")
                .bind("c", c.id()).mapTo(Integer.class).list());
        Map<Integer, Integer> column = new HashMap<>();
        for (int i = 0; i < tids.size(); i++) column.put(tids.get(i), i);
        Map<Integer, Integer> groups = new HashMap<>();
        analyses.latest(c.id()).ifPresent(map -> map.dots().stream().filter(d -> d.group() >= 0).forEach(d -> groups.put(d.participant(), d.group())));
        List<Object> header = new ArrayList<>(List.of("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree"));
        header.addAll(tids);
        line(out, header);
        record Row(int pid, int comments, Integer[] votes) {
        }
        Map<Integer, Row> rows = new java.util.TreeMap<>();
        jdbi.useHandle(h -> {
            h.createQuery("""
                    SELECT p.number, (SELECT count(*) FROM conversation_statements s WHERE s.author_id = p.id) AS comments
                    FROM conversation_participants p WHERE p.conversation_id = :c""").bind("c", c.id())
                    .map((rs, x) -> rows.put(rs.getInt("number"), new Row(rs.getInt("number"), rs.getInt("comments"), new Integer[tids.size()]))).list();
            h.createQuery("""
                    SELECT p.number AS pid, s.number AS tid, v.vote FROM conversation_votes v
                    JOIN conversation_statements s ON s.id = v.statement_id JOIN conversation_participants p ON p.id = v.participant_id
                    WHERE v.conversation_id = :c""").bind("c", c.id()).setFetchSize(10_000)
                    .map((rs, x) -> rows.get(rs.getInt("pid")).votes()[column.get(rs.getInt("tid"))] = rs.getInt("vote")).forEach(v -> { });
        });
        for (Row r : rows.values()) {
            int votes = 0, agree = 0, disagree = 0;
            for (Integer v : r.votes()) {
                if (v == null) continue;
                votes++;
                if (v == 1) agree++;
                if (v == -1) disagree++;
            }
            List<Object> line = new ArrayList<>(List.of(r.pid(), groups.containsKey(r.pid()) ? groups.get(r.pid()) : "", r.comments(), votes, agree, disagree));
            for (Integer v : r.votes()) line.add(v == null ? "" : v);
            line(out, line);
        }
    }

    private void summary(Conversation c, Writer out) throws IOException {
        record Figures(long voters, long commenters, long comments) {
        }
        Figures f = jdbi.withHandle(h -> h.createQuery("""
                SELECT (SELECT count(DISTINCT participant_id) FROM conversation_votes WHERE conversation_id = :c) AS voters,
                       (SELECT count(DISTINCT author_id) FROM conversation_statements WHERE conversation_id = :c AND author_id IS NOT NULL) AS commenters,
                       (SELECT count(*) FROM conversation_statements WHERE conversation_id = :c) AS comments""").bind("c", c.id())
                .map((rs, x) -> new Figures(rs.getLong("voters"), rs.getLong("commenters"), rs.getLong("comments"))).one());
        var map = analyses.latest(c.id());
        line(out, List.of("topic", c.topic()));
        line(out, List.of("url", baseUrl + Conversation.url(c.id())));
        line(out, List.of("voters", f.voters()));
        line(out, List.of("voters-in-conv", map.map(OpinionMap::inConversation).orElse(0)));
        line(out, List.of("commenters", f.commenters()));
        line(out, List.of("comments", f.comments()));
        line(out, List.of("groups", map.map(m -> m.groups().size()).orElse(0)));
        line(out, List.of("conversation-description", c.description()));
    }

    private static int moderated(String status) {
        return switch (status) {
            case "approved" -> 1;
            case "rejected" -> -1;
            default -> 0;
        };
    }

    private static void line(Writer out, List<?> cells) {
        try {
            out.write(cells.stream().map(CsvCell::of).collect(Collectors.joining(",")));
            out.write("\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
