package org.commonweal.opinion.io;

import org.commonweal.opinion.VoteMatrix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A conversation read from a folder in either layout: the openData CSVs ({@code comments.csv} + {@code votes.csv},
 * as compdemocracy/openData publishes them) or a Polis JSON export ({@code votes.json} + {@code comments.json} +
 * {@code conversation.json}).
 *
 * @param topic      the conversation's topic, or "" if the files do not say
 * @param statements every statement, by id
 * @param votes      the vote matrix, moderated-out and meta statements marked
 */
public record ConversationFile(String topic, Map<Long, Statement> statements, VoteMatrix votes) {
    public ConversationFile {
        statements = new TreeMap<>(statements);
    }

    /** Reads whichever layout the folder holds; the JSON export wins if both are there. */
    public static ConversationFile read(Path folder) throws java.io.IOException, OpinionFormatException {
        if (!Files.isDirectory(folder)) throw new OpinionFormatException(folder.toString(), 0, null, "not a folder");
        if (Files.exists(folder.resolve("votes.json"))) return PolisExportReader.read(folder);
        if (Files.exists(folder.resolve("votes.csv"))) return OpenDataReader.read(folder);
        throw new OpinionFormatException(folder.toString(), 0, null,
                "holds neither votes.json (a Polis export) nor votes.csv (openData layout)");
    }

    static VoteMatrix matrix(List<long[]> votesInOrder, Map<Long, Statement> statements) {
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (long[] v : votesInOrder) b.vote(v[0], v[1], org.commonweal.opinion.Vote.of((int) v[2]));
        for (Statement s : statements.values()) {
            if (s.meta()) b.meta(s.id());
            else if (s.moderatedOut()) b.moderatedOut(s.id());
        }
        return b.build();
    }
}
