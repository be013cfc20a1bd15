package org.commonweal.elections.apportionment;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules every apportionment method shares: input checks and the documented tie order. */
final class Apportionment {
    private Apportionment() {
    }

    /** Sum of all votes given (the threshold's base), after checking that every party is named once. */
    static long validVotes(List<PartyVotes> votes) {
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (PartyVotes pv : votes) {
            if (!seen.add(pv.party())) throw new IllegalArgumentException("party '" + pv.party() + "' is listed twice");
            total = Math.addExact(total, pv.votes());
        }
        return total;
    }

    /** Why no seat can be allocated when no party qualifies: there are no votes at all, or the threshold shuts every party out. */
    static IllegalArgumentException nobodyQualifies(long validVotes, Threshold threshold) {
        return new IllegalArgumentException(validVotes == 0 ? "every party has 0 votes, so no seat can be allocated"
                : "no party reaches the threshold of " + threshold.percent().toPlainString() + "% of the votes, so no seat can be allocated");
    }

    /** Equal averages or remainders: more votes first, then the drawing of lots. */
    static Comparator<PartyVotes> tieOrder(Lot lot) {
        Comparator<PartyVotes> byVotes = Comparator.comparingLong(PartyVotes::votes).reversed();
        return byVotes.thenComparing(PartyVotes::party, lot.order());
    }
}
