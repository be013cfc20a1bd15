package org.commonweal.elections.model;

import org.commonweal.elections.apportionment.AdditionalMemberSystem;

import java.util.Map;

/**
 * One region's scenario votes counted four ways: first past the post; D'Hondt and Sainte-Laguë with as many
 * seats as the region has constituencies; and the Additional Member System with {@code listSeats} extra
 * seats (see {@link AmsAssumption}), the list vote taken to equal the constituency vote.
 */
public record RegionComparison(String region, int constituencies, int listSeats, Map<String, Integer> fptp,
                               Map<String, Integer> dHondt, Map<String, Integer> sainteLague,
                               AdditionalMemberSystem.RegionSeats ams) {
}
