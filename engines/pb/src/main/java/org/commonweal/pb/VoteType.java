package org.commonweal.pb;

/** Ballot types as named in the pabulib META {@code vote_type} key. */
public enum VoteType {
    APPROVAL("approval"),
    CHOOSE_1("choose-1"),
    CUMULATIVE("cumulative"),
    SCORING("scoring"),
    ORDINAL("ordinal");

    private final String pabulibName;

    VoteType(String pabulibName) {
        this.pabulibName = pabulibName;
    }

    public String pabulibName() {
        return pabulibName;
    }

    /** @throws IllegalArgumentException naming the unknown value */
    public static VoteType fromPabulib(String name) {
        for (VoteType t : values()) {
            if (t.pabulibName.equalsIgnoreCase(name.trim())) return t;
        }
        throw new IllegalArgumentException("unknown vote_type '" + name + "' (expected approval, choose-1, cumulative, scoring or ordinal)");
    }

    /** Ballots that carry points per project (cumulative, scoring). */
    public boolean hasPoints() {
        return this == CUMULATIVE || this == SCORING;
    }
}
