package org.commonweal.platform.conversations;

import org.commonweal.opinion.io.ConversationFile;
import org.commonweal.opinion.io.OpinionFormatException;
import org.commonweal.opinion.io.VoteRow;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Brings in a conversation a council ran on Polis, from either layout of its export, read by the engine's own reader
 * (the one {@code commonweal opinion analyse} uses): the openData CSVs ({@code comments.csv} + {@code votes.csv}, with
 * {@code summary.csv} for the topic) or the JSON export ({@code votes.json} + {@code comments.json} +
 * {@code conversation.json}). Participants and statements keep the file's ids as their numbers. A file that cannot
 * be read is refused naming the file, the line and the field, and nothing is stored: the whole import is one
 * transaction.
 */
final class PolisImport {
    static final List<String> FILES = List.of("comments.csv", "votes.csv", "summary.csv", "participants-votes.csv",
            "votes.json", "comments.json", "conversation.json");

    /** One uploaded file: its name as sent and its bytes. */
    record Upload(String name, InputStream content) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final ConversationIndex index;
    private final Analyses analyses;

    PolisImport(Jdbi jdbi, AuditLog audit, ConversationIndex index, Analyses analyses) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.index = index;
        this.analyses = analyses;
    }

    /** Imports the uploaded files; the new conversation's id, or empty with the form's errors (field "files" or the settings'). */
    Optional<Long> load(Form form, List<Upload> uploads, CurrentUser owner, Actor actor) throws IOException {
        String moderation = form.value("moderation");
        if (!Conversation.MODERATIONS.contains(moderation)) form.error("moderation", "conversations.error.moderation");
        String participation = form.value("participation");
        if (!Conversation.PARTICIPATIONS.contains(participation)) form.error("participation", "conversations.error.participation");
        String topicGiven = form.value("topic").strip();
        form.set("topic", topicGiven);
        if (topicGiven.length() > 200) form.error("topic", "conversations.error.topic.tooLong");
        if (uploads.isEmpty()) form.error("files", "conversations.error.import.noFiles");
        for (Upload u : uploads) {
            if (!FILES.contains(u.name())) {
                form.error("files", "conversations.error.import.unknownFile", u.name());
                break;
            }
        }
        if (form.hasErrors()) return Optional.empty();
        Path dir = Files.createTempDirectory("conversation-import");
        try {
            for (Upload u : uploads) Files.copy(u.content(), dir.resolve(u.name()));
            ConversationFile file;
            try {
                file = ConversationFile.read(dir);
            } catch (OpinionFormatException e) {
                form.error("files", "conversations.error.import.format", e.file(), e.line(), e.field() == null ? "" : e.field(), e.getMessage());
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                // A reader's failure we did not foresee (a malformed JSON it passed on, say) is still the file's fault, not a 500.
                form.error("files", "conversations.error.import.unreadable", String.valueOf(e.getMessage()));
                return Optional.empty();
            }
            String topic = topicGiven.isEmpty() ? file.topic().strip() : topicGiven;
            if (topic.isEmpty()) form.error("topic", "conversations.error.import.topic");
            else if (topic.length() > 200) form.error("topic", "conversations.error.topic.tooLong");
            for (org.commonweal.opinion.io.Statement s : file.statements().values()) {
                String text = s.text() == null ? "" : s.text().strip();
                if (text.isEmpty() || text.length() > 1000 || s.id() < 0 || s.id() > Integer.MAX_VALUE) {
                    form.error("files", "conversations.error.import.statement", s.id());
                    break;
                }
            }
            String description = file.description() == null ? "" : file.description().strip();
            if (description.length() > 5000) form.error("files", "conversations.error.import.description");
            for (long pid : participants(file)) {
                if (pid < 0 || pid > Integer.MAX_VALUE) {
                    form.error("files", "conversations.error.import.participant", pid);
                    break;
                }
            }
            if (form.hasErrors()) return Optional.empty();
            long id = store(file, topic, description, moderation, participation, owner, actor, uploads.stream().map(Upload::name).sorted().toList());
            analyses.recompute(id);
            return Optional.of(id);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Everyone the files name: voters, and writers of statements (a writer who never voted still wrote). */
    private static java.util.SortedSet<Long> participants(ConversationFile file) {
        java.util.SortedSet<Long> pids = new java.util.TreeSet<>();
        for (VoteRow v : file.votes()) pids.add(v.participant());
        for (org.commonweal.opinion.io.Statement s : file.statements().values()) if (s.authorId() >= 0) pids.add(s.authorId());
        return pids;
    }

    private long store(ConversationFile file, String topic, String description, String moderation, String participation, CurrentUser owner,
                       Actor actor, List<String> names) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                    INSERT INTO conversations (topic, description, moderation, participation, owner_id, for_council, imported_from)
                    VALUES (:topic, :description, :moderation, :participation, :owner, :council, :from)""")
                    .bind("topic", topic).bind("description", description).bind("moderation", moderation).bind("participation", participation)
                    .bind("owner", owner.id()).bind("council", owner.has(Role.OFFICER)).bind("from", String.join(", ", names))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Map<Long, Long> participantRow = new HashMap<>();
            for (long pid : participants(file)) {
                participantRow.put(pid, h.createUpdate("INSERT INTO conversation_participants (conversation_id, number) VALUES (:c, :n)")
                        .bind("c", id).bind("n", (int) pid).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            }
            Map<Long, Long> statementRow = new HashMap<>();
            for (org.commonweal.opinion.io.Statement s : file.statements().values()) {
                String status = s.moderatedOut() ? "rejected" : s.moderation() > 0 ? "approved" : "pending";
                statementRow.put(s.id(), h.createUpdate("""
                                INSERT INTO conversation_statements (conversation_id, number, body, author_id, status) VALUES (:c, :n, :b, :a, :s)""")
                        .bind("c", id).bind("n", (int) s.id()).bind("b", s.text().strip()).bind("a", participantRow.get(s.authorId()))
                        .bind("s", status).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            }
            // Rows come oldest first and a later vote on the same statement replaces the earlier, as in Polis.
            Map<List<Long>, VoteRow> latest = new LinkedHashMap<>();
            for (VoteRow v : file.votes()) latest.put(List.of(v.participant(), v.statement()), v);
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO conversation_votes (participant_id, statement_id, conversation_id, vote, voted_at)
                    VALUES (?, ?, ?, ?, CASE WHEN ? > 0 THEN to_timestamp(? / 1000.0) ELSE now() END)""");
            for (VoteRow v : latest.values()) {
                batch.add(participantRow.get(v.participant()), statementRow.get(v.statement()), id, v.vote().value(), v.timestampMillis(), v.timestampMillis());
                if (batch.size() >= 5_000) batch.execute();
            }
            if (batch.size() > 0) batch.execute();
            audit.record(h, actor, "conversation.imported", "conversation:" + id, topic);
            index.update(h, id);
            return id;
        });
    }
}
