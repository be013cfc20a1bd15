package org.commonweal.platform.conversations;

/**
 * The voting card: the statement to vote on next (null when none is left), how far the participant has got, and what
 * stands between the viewer and voting (null when nothing does).
 */
public record VoteCard(Conversation conversation, Statement statement, Progress progress, Barrier barrier) {
    /** Why the viewer may not vote yet, each with its own way forward on the card. */
    public enum Barrier { SIGN_IN, VERIFY }

    public boolean mayVote() {
        return barrier == null;
    }

    /** Statements the participant has voted on, of those shown. */
    public record Progress(int voted, int shown) {
    }
}
