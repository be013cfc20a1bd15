package org.commonweal.pb.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;

/**
 * How one voter fared: {@code funded} of the {@code listed} projects on their ballot were funded, costing
 * {@code fundedCost} (scaled money units), which is {@code budgetShare} of the whole budget (6 decimals).
 */
public record VoterSatisfaction(String voterId, int listed, int funded, long fundedCost, BigDecimal budgetShare) {

    public static List<VoterSatisfaction> of(Instance instance, Outcome outcome) {
        boolean[] in = fundedMask(instance, outcome);
        List<VoterSatisfaction> all = new ArrayList<>(instance.ballots().size());
        for (Ballot b : instance.ballots()) all.add(of(instance, in, b));
        return all;
    }

    static boolean[] fundedMask(Instance instance, Outcome outcome) {
        boolean[] in = new boolean[instance.projects().size()];
        for (int p : outcome.selected()) in[p] = true;
        return in;
    }

    static VoterSatisfaction of(Instance instance, boolean[] funded, Ballot b) {
        int count = 0;
        long cost = 0;
        for (int p : b.projects()) {
            if (funded[p]) {
                count++;
                cost += instance.projects().get(p).cost();
            }
        }
        BigDecimal share = instance.budget() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(cost).divide(BigDecimal.valueOf(instance.budget()), 6, RoundingMode.HALF_EVEN);
        return new VoterSatisfaction(b.voterId(), b.size(), count, cost, share);
    }
}
