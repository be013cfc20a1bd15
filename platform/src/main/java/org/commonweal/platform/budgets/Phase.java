package org.commonweal.platform.budgets;

import java.util.Locale;

/** The stages of a participatory budget, in the only order an officer can move through them. */
public enum Phase {
    INFORMATION, IDEAS, DRAFTING, FEASIBILITY, VOTING, RESULTS, DELIVERY;

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

    public boolean resultsPublished() {
        return ordinal() >= RESULTS.ordinal();
    }
}
