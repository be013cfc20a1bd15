// First past the post: Representation of the People Act 1983, Sch. 1 (parliamentary elections rules) rules 48-50;
// the candidate with most votes is returned, and an equality of votes is decided by lot (rule 49).
package org.commonweal.elections.fptp;

import org.commonweal.elections.apportionment.Lot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The winner of each constituency and the seats per party. */
public final class FirstPastThePost {
    private FirstPastThePost() {
    }

    public static Winner winner(ConstituencyResult constituency, Lot lot) {
        Comparator<CandidateVotes> ranking = Comparator.comparingLong(CandidateVotes::votes).reversed()
                .thenComparing(CandidateVotes::label, lot.order());
        List<CandidateVotes> standing = new ArrayList<>(constituency.candidates().stream().filter(c -> !c.aggregate()).toList());
        standing.sort(ranking);
        CandidateVotes first = standing.get(0);
        long second = standing.size() > 1 ? standing.get(1).votes() : 0;
        return new Winner(constituency, first, first.votes() - second);
    }

    public static List<Winner> winners(List<ConstituencyResult> constituencies, Lot lot) {
        return constituencies.stream().map(c -> winner(c, lot)).toList();
    }

    /** Seats per party label: most seats first, then by name. */
    public static Map<String, Integer> seats(List<Winner> winners) {
        Map<String, Integer> count = new HashMap<>();
        for (Winner w : winners) count.merge(w.party(), 1, Integer::sum);
        return sortedBySeats(count);
    }

    /** The same counts, most seats first, then by name (so listings never depend on hash order). */
    public static Map<String, Integer> sortedBySeats(Map<String, Integer> count) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        count.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
