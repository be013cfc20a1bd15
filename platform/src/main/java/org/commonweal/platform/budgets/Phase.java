package org.commonweal.platform.budgets;

import java.util.Locale;

/** The stages of a participatory budget, in the only order an officer can move through them. */
public enum Phase {
    INFORMATION, IDEAS, DRAFTING, FEASIBILITY, VOTING,
    /** Voting has closed; officers see a provisional result, recount as paper ballots are settled, then publish it by opening RESULTS. */
    COUNTING,
    RESULTS, DELIVERY;

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Phase fromStored(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The phase the officer's button opens next, or null at the end. */
    public Phase next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    public boolean acceptsProposals() {
        return this == IDEAS;
    }

    /** Authors may edit or withdraw until drafting closes. */
    public boolean proposalsEditable() {
        return this == IDEAS || this == DRAFTING;
    }

    public boolean feasibilityOpen() {
        return this == DRAFTING || this == FEASIBILITY;
    }

    /** Pots can be set up (and their ballot rules changed) only before anyone could have voted. */
    public boolean potsEditable() {
        return ordinal() < VOTING.ordinal();
    }

    /** Paper sheets cast before voting closed may still be keyed in and settled until the result is published. */
    public boolean paperOpen() {
        return this == VOTING || this == COUNTING;
    }

    /** Planned dates never publish a result: an officer looks at the provisional count first. */
    public boolean closesByDate() {
        return this != COUNTING;
    }

    public boolean resultsPublished() {
        return ordinal() >= RESULTS.ordinal();
    }
}
