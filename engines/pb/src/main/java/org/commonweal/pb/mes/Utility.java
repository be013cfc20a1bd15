package org.commonweal.pb.mes;

import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;

/**
 * How much a voter gains from a funded project, the "satisfaction function" of the MES papers.
 * COST: the project's cost for every supporter (approval ballots; equalshares.net default);
 * CARDINALITY: 1 per funded approved project; POINTS: the points the voter gave (cumulative/scoring, additive).
 */
public enum Utility {
    COST("cost"), CARDINALITY("cardinality"), POINTS("points");

    private final String cliName;

    Utility(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Utility fromCliName(String name) {
        for (Utility u : values()) if (u.cliName.equals(name)) return u;
        throw new IllegalArgumentException("unknown utility '" + name + "' (expected cost, cardinality or points)");
    }

    /** The utility for the voter of {@code ballot} of the project listed at position {@code i}. */
    public long of(Instance instance, Ballot ballot, int i) {
        return switch (this) {
            case COST -> instance.projects().get(ballot.projects()[i]).cost();
            case CARDINALITY -> 1;
            case POINTS -> ballot.pointsAt(i);
        };
    }

    /** Points for ballots that carry them, cost utilities otherwise (the equalshares.net defaults). */
    public static Utility defaultFor(Instance instance) {
        return instance.voteType().hasPoints() ? POINTS : COST;
    }
}
