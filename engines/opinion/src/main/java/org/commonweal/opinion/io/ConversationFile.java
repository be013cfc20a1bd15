package org.commonweal.opinion.io;

import org.commonweal.opinion.VoteMatrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A conversation read from a folder in either layout: the openData CSVs ({@code comments.csv} + {@code votes.csv}
 * [+ {@code summary.csv}], as compdemocracy/openData publishes them) or a Polis JSON export ({@code votes.json} +
 * {@code comments.json} + {@code conversation.json}).
 *
 * @param topic       the conversation's topic, or "" if the files do not say
 * @param description its description, or ""
 * @param statements  every statement, by id
 * @param votes       every vote row, oldest first (a later row for the same participant and statement replaces it)
 */
public record ConversationFile(String topic, String description, Map<Long, Statement> statements, List<VoteRow> votes) {
    public ConversationFile {
        statements = new TreeMap<>(statements);
        votes = votes.stream().sorted(Comparator.comparingLong(VoteRow::timestampMillis)).toList();
    }

    /** Reads whichever layout the folder holds; the JSON export wins if both are there. */
    public static ConversationFile read(Path folder) throws IOException, OpinionFormatException {
        if (!Files.isDirectory(folder)) throw new OpinionFormatException(folder.toString(), 0, null, "is not a folder");
        if (Files.exists(folder.resolve("votes.json"))) return PolisExportReader.read(folder);
        if (Files.exists(folder.resolve("votes.csv"))) return OpenDataReader.read(folder);
        throw new OpinionFormatException(folder.toString(), 0, null,
                "holds neither votes.json (a Polis export) nor votes.csv (the openData layout)");
    }

    /** The vote matrix of these votes, moderated-out and meta statements marked. */
    public VoteMatrix matrix() {
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (VoteRow v : votes) b.vote(v.participant(), v.statement(), v.vote());
        for (Statement s : statements.values()) {
            if (s.meta()) b.meta(s.id());
            else if (s.moderatedOut()) b.moderatedOut(s.id());
        }
        return b.build();
    }
}
