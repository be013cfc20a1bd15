package org.commonweal.opinion.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.opinion.Vote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Polis JSON export. Both spellings Polis tools use are accepted ({@code pid}/{@code tid}/{@code mod} and
 * {@code participant_id}/{@code statement_id}/{@code moderated}). Polis's database stores agree as −1, but exports
 * have been re-signed by some tools, so the sign is taken from the comments' own {@code agree_count} and
 * {@code disagree_count} when they are there (agree = +1 otherwise). Later votes replace earlier ones by
 * {@code modified}.
 */
final class PolisExportReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolisExportReader() {
    }

    private record Entry(int line, JsonNode node) {
    }

    static ConversationFile read(Path folder) throws IOException, OpinionFormatException {
        String topic = "";
        String description = "";
        Path conversation = folder.resolve("conversation.json");
        if (Files.exists(conversation)) {
            JsonNode about = entries(conversation, false).get(0).node();
            if (about.path("topic").isTextual()) topic = about.get("topic").asText();
            if (about.path("description").isTextual()) description = about.get("description").asText();
        }
        Path commentsFile = folder.resolve("comments.json");
        if (!Files.exists(commentsFile)) throw new OpinionFormatException(folder.resolve("comments.json").toString(), 0, null, "is missing");
        Map<Long, Statement> statements = new HashMap<>();
        Map<Long, long[]> statedCounts = new HashMap<>();
        for (Entry e : entries(commentsFile, true)) {
            String file = "comments.json";
            long tid = integer(e, file, "tid", "statement_id");
            String text = text(e, file, "txt");
            int mod = e.node().has("mod") || e.node().has("moderated") ? (int) integer(e, file, "mod", "moderated") : 0;
            JsonNode meta = e.node().get("is_meta");
            long author = e.node().has("pid") || e.node().has("participant_id") ? integer(e, file, "pid", "participant_id") : -1;
            if (statements.put(tid, new Statement(tid, author, text, mod, meta != null && meta.asBoolean(false))) != null) {
                throw new OpinionFormatException(file, e.line(), "tid", "statement " + tid + " appears twice");
            }
            JsonNode a = e.node().get("agree_count");
            JsonNode d = e.node().get("disagree_count");
            if (a != null && d != null && a.canConvertToLong() && d.canConvertToLong()) statedCounts.put(tid, new long[]{a.asLong(), d.asLong()});
        }
        List<long[]> votes = new ArrayList<>();
        for (Entry e : entries(folder.resolve("votes.json"), true)) {
            String file = "votes.json";
            long pid = integer(e, file, "pid", "participant_id");
            long tid = integer(e, file, "tid", "statement_id");
            long vote = integer(e, file, "vote");
            if (vote < -1 || vote > 1) throw new OpinionFormatException(file, e.line(), "vote", "is " + vote + "; a vote is 1, -1 or 0");
            if (!statements.containsKey(tid)) throw new OpinionFormatException(file, e.line(), "tid", "statement " + tid + " is not in comments.json");
            JsonNode m = e.node().get("modified");
            votes.add(new long[]{pid, tid, vote, m == null ? 0 : (long) m.asDouble(0)});
        }
        boolean flip = agreeIsMinusOne(votes, statedCounts);
        List<VoteRow> rows = new ArrayList<>();
        for (long[] v : votes) rows.add(new VoteRow(v[0], v[1], Vote.of((int) (flip ? -v[2] : v[2])), v[3]));
        return new ConversationFile(topic, description, statements, rows);
    }

    /** True when the comments' stated agree counts match the −1 votes better than the +1 votes. */
    private static boolean agreeIsMinusOne(List<long[]> votes, Map<Long, long[]> stated) {
        if (stated.isEmpty()) return false;
        Map<Long, long[]> counted = new HashMap<>();
        for (long[] v : votes) {
            long[] c = counted.computeIfAbsent(v[1], k -> new long[2]);
            if (v[2] > 0) c[0]++;
            else if (v[2] < 0) c[1]++;
        }
        long plusMisfit = 0;
        long minusMisfit = 0;
        for (Map.Entry<Long, long[]> s : stated.entrySet()) {
            long[] c = counted.getOrDefault(s.getKey(), new long[2]);
            plusMisfit += Math.abs(s.getValue()[0] - c[0]) + Math.abs(s.getValue()[1] - c[1]);
            minusMisfit += Math.abs(s.getValue()[0] - c[1]) + Math.abs(s.getValue()[1] - c[0]);
        }
        return minusMisfit < plusMisfit;
    }

    /** The objects of a JSON array (or the single object), each with the line it starts on. */
    private static List<Entry> entries(Path path, boolean array) throws IOException, OpinionFormatException {
        String file = path.getFileName().toString();
        if (!Files.exists(path)) throw new OpinionFormatException(file, 0, null, "is missing");
        List<Entry> result = new ArrayList<>();
        try (JsonParser p = new JsonFactory(MAPPER).createParser(path.toFile())) {
            JsonToken first = p.nextToken();
            if (first == null) throw new OpinionFormatException(file, 0, null, "is empty");
            if (!array) {
                if (first != JsonToken.START_OBJECT) throw new OpinionFormatException(file, p.currentLocation().getLineNr(), null, "should be a JSON object");
                result.add(new Entry(p.currentLocation().getLineNr(), p.readValueAsTree()));
                return result;
            }
            if (first != JsonToken.START_ARRAY) throw new OpinionFormatException(file, p.currentLocation().getLineNr(), null, "should be a JSON array of objects");
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int line = p.currentLocation().getLineNr();
                if (p.currentToken() != JsonToken.START_OBJECT) throw new OpinionFormatException(file, line, null, "each entry should be a JSON object");
                result.add(new Entry(line, p.readValueAsTree()));
            }
        } catch (JsonProcessingException e) {
            throw new OpinionFormatException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        return result;
    }

    private static long integer(Entry e, String file, String... names) throws OpinionFormatException {
        for (String name : names) {
            JsonNode v = e.node().get(name);
            if (v == null || v.isNull()) continue;
            if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble())) return v.asLong();
            if (v.isTextual() && v.asText().matches("-?\\d{1,18}")) return Long.parseLong(v.asText());
            throw new OpinionFormatException(file, e.line(), name, "should be a whole number, not " + v);
        }
        throw new OpinionFormatException(file, e.line(), names[0], "is missing");
    }

    private static String text(Entry e, String file, String name) throws OpinionFormatException {
        JsonNode v = e.node().get(name);
        if (v == null || !v.isTextual()) throw new OpinionFormatException(file, e.line(), name, "is missing or not text");
        return v.asText();
    }
}
