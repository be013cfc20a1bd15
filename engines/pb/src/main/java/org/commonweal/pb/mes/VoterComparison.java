package org.commonweal.pb.mes;

import java.util.List;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Rational;

/** Counts, as equalshares.net's comparison step does, the voters strictly better off under each of two outcomes. */
final class VoterComparison {
    private VoterComparison() {
    }

    /** {voters with higher utility under b, voters with higher utility under a}. */
    static long[] tally(Instance instance, Utility utility, List<Integer> a, List<Integer> b) {
        int m = instance.projects().size();
        boolean[] inA = new boolean[m];
        boolean[] inB = new boolean[m];
        for (int p : a) inA[p] = true;
        for (int p : b) inB[p] = true;
        long preferB = 0, preferA = 0;
        if (utility == Utility.EFFORT) return effortTally(instance, inA, inB);
        Utility.Valuation value = utility.on(instance);
        for (Ballot ballot : instance.ballots()) {
            long ua = 0, ub = 0;
            for (int i = 0; i < ballot.size(); i++) {
                int p = ballot.projects()[i];
                long u = value.of(ballot, i);
                if (inA[p]) ua += u;
                if (inB[p]) ub += u;
            }
            if (ub > ua) preferB++;
            else if (ua > ub) preferA++;
        }
        return new long[]{preferB, preferA};
    }

    /** Effort satisfaction, cost/supporters per funded listed project, summed exactly in rationals (only where a and b differ). */
    private static long[] effortTally(Instance instance, boolean[] inA, boolean[] inB) {
        long[] supporters = instance.supportCounts();
        Rational[] effort = new Rational[supporters.length];
        for (int p = 0; p < effort.length; p++) effort[p] = supporters[p] == 0 ? Rational.ZERO : Rational.of(instance.projects().get(p).cost(), supporters[p]);
        long preferB = 0, preferA = 0;
        for (Ballot ballot : instance.ballots()) {
            Rational difference = Rational.ZERO; // b's satisfaction minus a's
            for (int p : ballot.projects()) {
                if (inB[p] && !inA[p]) difference = difference.add(effort[p]);
                else if (inA[p] && !inB[p]) difference = difference.subtract(effort[p]);
            }
            if (difference.signum() > 0) preferB++;
            else if (difference.signum() < 0) preferA++;
        }
        return new long[]{preferB, preferA};
    }
}
