package org.commonweal.elections.apportionment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Largest remainder: each party gets one seat per whole quota in its votes, and the seats left over go one
 * each to the parties with the largest remainders. The quota is an exact {@link Quotient}; remainders share
 * its denominator, so they compare as integers. The quota is computed over the votes of the parties that
 * pass the threshold.
 */
public abstract class LargestRemainderMethod implements ApportionmentMethod {
    protected abstract Quotient quota(long votes, int seats);

    @Override
    public final Allocation allocate(List<PartyVotes> votes, int seats, Threshold threshold, Lot lot) {
        if (seats < 0) throw new IllegalArgumentException("number of seats must not be negative: " + seats);
        long valid = Apportionment.validVotes(votes);
        Map<String, Integer> won = new LinkedHashMap<>();
        List<PartyVotes> eligible = new ArrayList<>();
        long eligibleVotes = 0;
        for (PartyVotes pv : votes) {
            won.put(pv.party(), 0);
            if (pv.votes() > 0 && threshold.qualifies(pv.votes(), valid)) {
                eligible.add(pv);
                eligibleVotes += pv.votes();
            }
        }
        List<String> order = new ArrayList<>(seats);
        if (seats == 0) return new Allocation(won, order);
        if (eligible.isEmpty()) throw Apportionment.nobodyQualifies(valid, threshold);
        Quotient quota = quota(eligibleVotes, seats);
        int given = 0;
        for (PartyVotes pv : eligible) {
            int automatic = Math.toIntExact(quota.wholeTimesIn(pv.votes()));
            won.put(pv.party(), automatic);
            for (int i = 0; i < automatic; i++) order.add(pv.party());
            given += automatic;
        }
        if (given > seats) throw new IllegalStateException("quota " + quota + " gives " + given + " automatic seats for " + seats);
        Comparator<PartyVotes> byRemainder = Comparator.comparingLong((PartyVotes pv) -> quota.remainderOf(pv.votes())).reversed();
        List<PartyVotes> ranked = new ArrayList<>(eligible);
        ranked.sort(byRemainder.thenComparing(Apportionment.tieOrder(lot)));
        for (int i = 0; given < seats; i++, given++) {
            String party = ranked.get(i % ranked.size()).party();
            won.merge(party, 1, Integer::sum);
            order.add(party);
        }
        return new Allocation(won, order);
    }
}
