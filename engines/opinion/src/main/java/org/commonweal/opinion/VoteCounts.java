package org.commonweal.opinion;

/** How a set of participants voted on one statement: agrees, disagrees and seen (every vote, passes included). */
public record VoteCounts(int agree, int disagree, int seen) {
    public int pass() {
        return seen - agree - disagree;
    }
}
