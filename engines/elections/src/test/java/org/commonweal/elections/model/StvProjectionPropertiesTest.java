package org.commonweal.elections.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.commonweal.elections.apportionment.Lot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StvProjectionPropertiesTest {
    @Property(tries = 300)
    void everyMultiMemberSeatElectsExactlyItsNumberOfMembers(@ForAll @Size(min = 1, max = 9) List<@LongRange(min = 0, max = 60_000) Long> votes,
                                                              @ForAll @IntRange(min = 1, max = 9) int seats,
                                                              @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 1_000_000) Integer> shares,
                                                              @ForAll long seed) {
        Map<String, Long> firstPreferences = new HashMap<>();
        for (int p = 0; p < votes.size(); p++) firstPreferences.put("P" + p, votes.get(p));
        firstPreferences.put("P0", votes.getFirst() + 1); // at least one party has votes
        Map<String, Map<String, Long>> matrix = new HashMap<>();
        for (int i = 0; i < shares.size(); i++) {
            String from = "P" + (i % votes.size());
            String to = "P" + ((i * 7 + 3) % votes.size());
            if (from.equals(to)) continue;
            Map<String, Long> row = matrix.computeIfAbsent(from, k -> new HashMap<>());
            long room = 1_000_000L - row.values().stream().mapToLong(Long::longValue).sum();
            row.merge(to, Math.min(room, shares.get(i)), Long::sum);
        }
        Map<String, Integer> elected = StvProjection.project(firstPreferences, seats, matrix, new Lot(seed));
        assertThat(elected.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(seats);
        assertThat(elected.keySet()).allSatisfy(p -> assertThat(firstPreferences.get(p)).isPositive());
    }

    @Property(tries = 200)
    void aPartyWithAQuotaOfFirstPreferencesWinsASeat(@ForAll @Size(min = 2, max = 8) List<@LongRange(min = 1, max = 50_000) Long> votes,
                                                     @ForAll @IntRange(min = 1, max = 7) int seats) {
        Map<String, Long> firstPreferences = new HashMap<>();
        long all = 0;
        for (int p = 0; p < votes.size(); p++) {
            firstPreferences.put("P" + p, votes.get(p));
            all += votes.get(p);
        }
        long quota = all / (seats + 1) + 1;
        Map<String, Integer> elected = StvProjection.project(firstPreferences, seats, Map.of(), new Lot(1));
        firstPreferences.forEach((p, v) -> {
            if (v >= quota) assertThat(elected.getOrDefault(p, 0)).as(p).isGreaterThanOrEqualTo((int) Math.min(seats, v / quota));
        });
    }
}
