package org.commonweal.platform.budgets;

import org.commonweal.pb.VoteType;

import java.util.Locale;

/**
 * How residents fill in a pot's ballot. Knapsack is approval whose chosen projects must fit the pot
 * (Goel et al., "Knapsack Voting for Participatory Budgeting", 2019); the engine sees it as approval.
 */
public enum BallotType {
    APPROVAL(VoteType.APPROVAL), KNAPSACK(VoteType.APPROVAL), CUMULATIVE(VoteType.CUMULATIVE), RANKED(VoteType.ORDINAL);

    private final VoteType voteType;

    BallotType(VoteType voteType) {
        this.voteType = voteType;
    }

    public VoteType voteType() {
        return voteType;
    }

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BallotType fromStored(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
