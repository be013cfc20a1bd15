package org.commonweal.elections.apportionment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedExamplesTest {
    private static final Lot LOT = new Lot(1);

    private static List<PartyVotes> votes(Object... nameThenVotes) {
        List<PartyVotes> list = new java.util.ArrayList<>();
        for (int i = 0; i < nameThenVotes.length; i += 2) list.add(new PartyVotes((String) nameThenVotes[i], ((Number) nameThenVotes[i + 1]).longValue()));
        return list;
    }

    @Test
    void dHondtReproducesTheWikipediaWorkedExample() {
        // Source: Wikipedia, "D'Hondt method", worked example: 8 seats; A 100,000, B 80,000, C 30,000, D 20,000 -> 4, 3, 1, 0.
        Allocation a = new DHondt().allocate(votes("A", 100_000, "B", 80_000, "C", 30_000, "D", 20_000), 8, Threshold.NONE, LOT);
        assertThat(a.seats()).containsExactly(Map.entry("A", 4), Map.entry("B", 3), Map.entry("C", 1), Map.entry("D", 0));
        assertThat(a.awardOrder()).containsExactly("A", "B", "A", "B", "A", "C", "B", "A");
    }

    @Test
    void sainteLagueAndDHondtReproduceTheWikipediaComparison() {
        // Source: Wikipedia, "Sainte-Laguë method", example: 7 seats; A 53,000, B 24,000, C 23,000.
        // Sainte-Laguë gives 3, 2, 2; D'Hondt on the same votes gives 4, 2, 1.
        List<PartyVotes> v = votes("A", 53_000, "B", 24_000, "C", 23_000);
        assertThat(new SainteLague().allocate(v, 7, Threshold.NONE, LOT).seats()).containsExactly(Map.entry("A", 3), Map.entry("B", 2), Map.entry("C", 2));
        assertThat(new DHondt().allocate(v, 7, Threshold.NONE, LOT).seats()).containsExactly(Map.entry("A", 4), Map.entry("B", 2), Map.entry("C", 1));
    }

    @Test
    void largestRemainderReproducesTheWikipediaHareAndDroopExample() {
        // Source: Wikipedia, "Largest remainder method", example: 10 seats, 100,000 votes.
        // Hare quota 10,000 gives 5, 2, 1, 1, 1, 0; Droop quota 9,091 gives 5, 2, 2, 1, 0, 0.
        List<PartyVotes> v = votes("Yellows", 47_000, "Whites", 16_000, "Reds", 15_800, "Greens", 12_000, "Blues", 6_100, "Pinks", 3_100);
        assertThat(new HareLargestRemainder().allocate(v, 10, Threshold.NONE, LOT).seats().values()).containsExactly(5, 2, 1, 1, 1, 0);
        assertThat(new DroopLargestRemainder().allocate(v, 10, Threshold.NONE, LOT).seats().values()).containsExactly(5, 2, 2, 1, 0, 0);
    }

    @Test
    void modifiedSainteLagueFirstDivisorKeepsASmallPartyOutWherePlainSainteLagueLetsItIn() {
        // Hand-worked, 4 seats; A 1000, B 400, C 210.
        // Plain (1, 3, 5): averages 1000, 400, 333.3 (A/3), 210 (C) -> A 2, B 1, C 1.
        // Modified (1.4, 3, 5): A 714.3, 333.3, 200; B 285.7, 133.3; C 150 -> 714.3, 333.3, 285.7, 200 -> A 3, B 1, C 0.
        List<PartyVotes> v = votes("A", 1000, "B", 400, "C", 210);
        assertThat(new SainteLague().allocate(v, 4, Threshold.NONE, LOT).seats().values()).containsExactly(2, 1, 1);
        assertThat(new ModifiedSainteLague().allocate(v, 4, Threshold.NONE, LOT).seats().values()).containsExactly(3, 1, 0);
    }

    @Test
    void aPartyExactlyOnTheThresholdQualifiesAndOneVoteBelowDoesNot() {
        // 5% of 1,000 valid votes is exactly 50.
        Threshold five = new Threshold(new java.math.BigDecimal("5"));
        assertThat(new DHondt().allocate(votes("A", 900, "B", 50, "C", 50), 20, five, LOT).seatsOf("B")).isEqualTo(1);
        assertThat(new DHondt().allocate(votes("A", 901, "B", 49, "C", 50), 20, five, LOT).seatsOf("B")).isZero();
        assertThat(new HareLargestRemainder().allocate(votes("A", 901, "B", 49, "C", 50), 20, five, LOT).seatsOf("B")).isZero();
    }

    @Test
    void aThresholdWithAFractionalPercentageIsComparedExactly() {
        // 0.67% of 3,000 = 20.1 votes: 20 is below, 21 above.
        Threshold t = new Threshold(new java.math.BigDecimal("0.67"));
        assertThat(t.qualifies(20, 3000)).isFalse();
        assertThat(t.qualifies(21, 3000)).isTrue();
    }
}
