package org.commonweal.platform.conversations;

/** The voting card: the statement to vote on next (null when none is left), how far the participant has got, and whether they may vote. */
public record VoteCard(Conversation conversation, Statement statement, Progress progress, boolean mayVote) {
    /** Statements the participant has voted on, of those shown. */
    public record Progress(int voted, int shown) {
    }
}
