package org.commonweal.elections.apportionment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Highest averages: each seat goes in turn to the party with the largest votes / divisor(seats held).
 * Subclasses give the divisor sequence as integers (scaled by a common factor, which does not change
 * which average is largest), so every comparison is an exact {@link Quotient}.
 */
public abstract class DivisorMethod implements ApportionmentMethod {
    /** The divisor for a party already holding {@code seatsHeld} seats, times the method's fixed scale. */
    protected abstract long scaledDivisor(int seatsHeld);

    @Override
    public final Allocation allocate(List<PartyVotes> votes, int seats, Threshold threshold, Lot lot) {
        return allocate(votes, seats, threshold, lot, Map.of(), Set.of());
    }

    /**
     * @param priorSeats        seats a party already holds before this allocation (the Additional Member
     *                          System counts constituency seats here); they raise its divisor, they are not
     *                          part of the result
     * @param singleSeatEntries entries that can win at most one seat (individual candidates on a regional
     *                          list); once elected they drop out, as the AMS statutes provide
     * @return the seats awarded by this allocation; fewer than {@code seats} only if every entry with votes
     *         is a single-seat entry already elected
     */
    public final Allocation allocate(List<PartyVotes> votes, int seats, Threshold threshold, Lot lot,
                                     Map<String, Integer> priorSeats, Set<String> singleSeatEntries) {
        if (seats < 0) throw new IllegalArgumentException("number of seats must not be negative: " + seats);
        long valid = Apportionment.validVotes(votes);
        Map<String, Integer> won = new LinkedHashMap<>();
        List<PartyVotes> eligible = new ArrayList<>();
        for (PartyVotes pv : votes) {
            won.put(pv.party(), 0);
            if (pv.votes() > 0 && threshold.qualifies(pv.votes(), valid)) eligible.add(pv);
        }
        if (seats > 0 && eligible.isEmpty()) throw Apportionment.nobodyQualifies(valid, threshold);
        Comparator<PartyVotes> tieOrder = Apportionment.tieOrder(lot);
        List<String> order = new ArrayList<>(seats);
        Set<String> finished = new HashSet<>();
        for (int s = 0; s < seats; s++) {
            PartyVotes best = null;
            Quotient bestAverage = null;
            for (PartyVotes pv : eligible) {
                if (finished.contains(pv.party())) continue;
                int held = won.get(pv.party()) + priorSeats.getOrDefault(pv.party(), 0);
                Quotient average = new Quotient(pv.votes(), scaledDivisor(held));
                int c = best == null ? 1 : average.compareTo(bestAverage);
                if (c > 0 || (c == 0 && tieOrder.compare(pv, best) < 0)) {
                    best = pv;
                    bestAverage = average;
                }
            }
            if (best == null) break;
            won.merge(best.party(), 1, Integer::sum);
            order.add(best.party());
            if (singleSeatEntries.contains(best.party())) finished.add(best.party());
        }
        return new Allocation(won, order);
    }
}
