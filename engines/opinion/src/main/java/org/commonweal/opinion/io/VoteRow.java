package org.commonweal.opinion.io;

import org.commonweal.opinion.Vote;

/** One vote as the file records it, in the engine's sign (agree = +1); time in milliseconds since 1970 (0 if unknown). */
public record VoteRow(long participant, long statement, Vote vote, long timestampMillis) {
}
