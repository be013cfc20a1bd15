package org.commonweal.pb.mes;

import java.math.BigInteger;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;

/**
 * The eligibility threshold Świecie 2023 applied before MES: a project takes part only if the share of voters
 * supporting it is at least a third of its share of the budget, votes/voters ≥ cost/(3·budget), compared
 * exactly as votes·3·budget ≥ cost·voters.
 */
public final class Eligibility {
    private Eligibility() {
    }

    /** Why a project was left out before MES ran. */
    public record Ineligible(long votes, long voters, long cost, long budget) implements Outcome.Reason {
    }

    static boolean[] mask(Instance instance) {
        long[] votes = instance.supportCounts();
        long voters = instance.ballots().size();
        boolean[] eligible = new boolean[votes.length];
        for (int p = 0; p < votes.length; p++) {
            BigInteger lhs = BigInteger.valueOf(votes[p]).multiply(BigInteger.valueOf(3)).multiply(BigInteger.valueOf(instance.budget()));
            BigInteger rhs = BigInteger.valueOf(instance.projects().get(p).cost()).multiply(BigInteger.valueOf(voters));
            eligible[p] = lhs.compareTo(rhs) >= 0;
        }
        return eligible;
    }
}
