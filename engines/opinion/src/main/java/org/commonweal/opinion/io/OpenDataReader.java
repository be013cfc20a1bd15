package org.commonweal.opinion.io;

import org.commonweal.opinion.Vote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the openData layout of compdemocracy/openData: {@code comments.csv} (comment-id, moderated, comment-body)
 * and {@code votes.csv} (timestamp, comment-id, voter-id, vote: 1 agree, −1 disagree, 0 pass); later votes
 * replace earlier ones; {@code summary.csv}'s topic if present.
 */
final class OpenDataReader {
    private OpenDataReader() {
    }

    static ConversationFile read(Path folder) throws IOException, OpinionFormatException {
        Csv comments = Csv.parse("comments.csv", readText(folder, "comments.csv"), "comment-id", "moderated", "comment-body");
        Map<Long, Statement> statements = new HashMap<>();
        for (Csv.Row r : comments.rows) {
            long id = comments.integer(r, "comment-id");
            long mod = comments.integer(r, "moderated");
            if (mod < -1 || mod > 1) throw new OpinionFormatException("comments.csv", r.line(), "moderated", "is " + mod + "; it should be 1, 0 or -1");
            long author = comments.header.containsKey("author-id") ? comments.integer(r, "author-id") : -1;
            if (statements.put(id, new Statement(id, author, comments.get(r, "comment-body"), (int) mod, false)) != null) {
                throw new OpinionFormatException("comments.csv", r.line(), "comment-id", "comment " + id + " appears twice");
            }
        }
        Csv votesCsv = Csv.parse("votes.csv", readText(folder, "votes.csv"), "timestamp", "comment-id", "voter-id", "vote");
        List<VoteRow> votes = new ArrayList<>();
        for (Csv.Row r : votesCsv.rows) {
            long tid = votesCsv.integer(r, "comment-id");
            long vote = votesCsv.integer(r, "vote");
            if (vote < -1 || vote > 1) throw new OpinionFormatException("votes.csv", r.line(), "vote", "is " + vote + "; a vote is 1, -1 or 0");
            if (!statements.containsKey(tid)) throw new OpinionFormatException("votes.csv", r.line(), "comment-id", "comment " + tid + " is not in comments.csv");
            votes.add(new VoteRow(votesCsv.integer(r, "voter-id"), tid, Vote.of((int) vote), votesCsv.integer(r, "timestamp")));
        }
        return new ConversationFile(topic(folder), "", statements, votes);
    }

    /** summary.csv is key,value lines whose value may itself hold unquoted commas, so it is read by line. */
    private static String topic(Path folder) throws IOException {
        Path summary = folder.resolve("summary.csv");
        if (!Files.exists(summary)) return "";
        for (String line : Files.readAllLines(summary, StandardCharsets.UTF_8)) {
            if (!line.startsWith("topic,")) continue;
            String value = line.substring("topic,".length()).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1).replace("\"\"", "\"");
            return value;
        }
        return "";
    }

    private static String readText(Path folder, String name) throws IOException, OpinionFormatException {
        Path path = folder.resolve(name);
        if (!Files.exists(path)) throw new OpinionFormatException(name, 0, null, "is missing");
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
