package org.commonweal.platform.conversations;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A statement of a conversation: one idea, as its writer put it. {@code number} is its id within the conversation (Polis's
 * tid); {@code agrees}, {@code disagrees} and {@code passes} are the counts of votes, never who cast them.
 */
public record Statement(long id, long conversationId, int number, String body, boolean seed, String status, int agrees, int disagrees,
                        int passes) {
    public static final int MAX_LENGTH = 280;

    static final String COLUMNS = """
            s.id, s.conversation_id, s.number, s.body, s.seed, s.status,
            (SELECT count(*) FROM conversation_votes v WHERE v.statement_id = s.id AND v.vote = 1) AS agrees,
            (SELECT count(*) FROM conversation_votes v WHERE v.statement_id = s.id AND v.vote = -1) AS disagrees,
            (SELECT count(*) FROM conversation_votes v WHERE v.statement_id = s.id AND v.vote = 0) AS passes""";

    /** The columns without the counts, for lists that do not show them (the next statement to vote on). */
    static final String BARE = "s.id, s.conversation_id, s.number, s.body, s.seed, s.status, 0 AS agrees, 0 AS disagrees, 0 AS passes";

    static Statement read(ResultSet rs) throws SQLException {
        return new Statement(rs.getLong("id"), rs.getLong("conversation_id"), rs.getInt("number"), rs.getString("body"), rs.getBoolean("seed"),
                rs.getString("status"), rs.getInt("agrees"), rs.getInt("disagrees"), rs.getInt("passes"));
    }
}
