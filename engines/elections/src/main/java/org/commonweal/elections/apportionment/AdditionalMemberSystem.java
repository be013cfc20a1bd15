// Additional Member System: Scotland Act 1998 ss. 6-8 (Scottish Parliament regions) and Government of Wales
// Act 2006 ss. 6-9 (Senedd electoral regions, as in force until the 2026 election).
package org.commonweal.elections.apportionment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One electoral region: the constituency seats (won by first past the post) are fixed first; then each
 * regional list seat goes to the highest of: a party's list votes / (its constituency seats in the region +
 * list seats already allocated to it + 1), or an individual list candidate's votes (not yet elected). That
 * is D'Hondt started from the constituency seats. A party that won more constituencies than its list share
 * keeps them all (overhang); it simply wins no list seat. There is no threshold.
 */
public final class AdditionalMemberSystem {
    private static final DHondt D_HONDT = new DHondt();

    /** Constituency seats, list seats and their sum for every party or individual named in either. */
    public record RegionSeats(Map<String, Integer> constituency, Map<String, Integer> list, Map<String, Integer> total) {
    }

    private AdditionalMemberSystem() {
    }

    /**
     * @param constituencySeats     seats won in the region's constituencies, by party (or candidate) name
     * @param listVotes             regional list votes by party, and by individual list candidate
     * @param individualCandidates  the names in {@code listVotes} that are individual candidates
     * @param listSeats             the region's number of list (additional) members
     */
    public static RegionSeats allocate(Map<String, Integer> constituencySeats, List<PartyVotes> listVotes,
                                       Set<String> individualCandidates, int listSeats, Lot lot) {
        Allocation list = D_HONDT.allocate(listVotes, listSeats, Threshold.NONE, lot, constituencySeats, individualCandidates);
        Map<String, Integer> constituency = new LinkedHashMap<>();
        Map<String, Integer> listWon = new LinkedHashMap<>();
        Map<String, Integer> total = new LinkedHashMap<>();
        for (PartyVotes pv : listVotes) {
            constituency.put(pv.party(), constituencySeats.getOrDefault(pv.party(), 0));
        }
        constituencySeats.forEach(constituency::putIfAbsent);
        for (String name : constituency.keySet()) {
            listWon.put(name, list.seatsOf(name));
            total.put(name, constituency.get(name) + list.seatsOf(name));
        }
        return new RegionSeats(constituency, listWon, total);
    }
}
