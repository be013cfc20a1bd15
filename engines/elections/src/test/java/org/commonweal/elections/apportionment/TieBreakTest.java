package org.commonweal.elections.apportionment;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TieBreakTest {
    @Test
    void equalAveragesGoToThePartyWithMoreVotes() {
        // Second seat: A's 200/2 equals B's 100/1; A has more votes.
        Allocation a = new DHondt().allocate(List.of(new PartyVotes("B", 100), new PartyVotes("A", 200)), 2, Threshold.NONE, new Lot(7));
        assertThat(a.seatsOf("A")).isEqualTo(2);
    }

    @Test
    void equalRemaindersGoToThePartyWithMoreVotes() {
        // Hare, 2 seats, quota 150: A 225 -> 1 rem 75; B 75 -> 0 rem 75; A has more votes.
        Allocation a = new HareLargestRemainder().allocate(List.of(new PartyVotes("B", 75), new PartyVotes("A", 225)), 2, Threshold.NONE, new Lot(7));
        assertThat(a.seatsOf("A")).isEqualTo(2);
    }

    @Test
    void aCompleteTieIsDecidedByLotReproduciblyAndWhateverTheInputOrder() {
        Set<String> winners = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Lot lot = new Lot(seed);
            Allocation ab = new SainteLague().allocate(List.of(new PartyVotes("A", 100), new PartyVotes("B", 100)), 1, Threshold.NONE, lot);
            Allocation ba = new SainteLague().allocate(List.of(new PartyVotes("B", 100), new PartyVotes("A", 100)), 1, Threshold.NONE, lot);
            assertThat(ab.awardOrder()).isEqualTo(ba.awardOrder());
            assertThat(new SainteLague().allocate(List.of(new PartyVotes("A", 100), new PartyVotes("B", 100)), 1, Threshold.NONE, new Lot(seed)).awardOrder())
                    .isEqualTo(ab.awardOrder());
            winners.add(ab.awardOrder().get(0));
        }
        assertThat(winners).containsExactlyInAnyOrder("A", "B");
    }
}
