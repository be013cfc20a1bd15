package org.commonweal.elections.apportionment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AdditionalMemberSystemTest {
    private static final Lot LOT = new Lot(3);

    @Test
    void listSeatsAreDHondtStartedFromTheConstituencySeats() {
        // Hand-worked, 7 list seats. Constituencies: A 6, B 2, C 1. List votes: A 60,000, B 45,000, C 30,000, D 15,000.
        // 1: A 8,571 (÷7), B 15,000 (÷3), C 15,000 (÷2), D 15,000 (÷1): three-way tie, most votes -> B.
        // 2: B 11,250, C 15,000, D 15,000 -> C (more votes).  3: C 10,000, D 15,000 -> D.
        // 4: A 8,571, B 11,250, C 10,000, D 7,500 -> B.  5: B 9,000, C 10,000 -> C.  6: A 8,571, B 9,000, C 7,500 -> B.
        // 7: A 8,571, B 7,500, C 7,500, D 7,500 -> A.   List seats A 1, B 3, C 2, D 1.
        var seats = AdditionalMemberSystem.allocate(Map.of("A", 6, "B", 2, "C", 1),
                List.of(new PartyVotes("A", 60_000), new PartyVotes("B", 45_000), new PartyVotes("C", 30_000), new PartyVotes("D", 15_000)),
                Set.of(), 7, LOT);
        assertThat(seats.list()).containsExactly(Map.entry("A", 1), Map.entry("B", 3), Map.entry("C", 2), Map.entry("D", 1));
        assertThat(seats.total()).containsExactly(Map.entry("A", 7), Map.entry("B", 5), Map.entry("C", 3), Map.entry("D", 1));
    }

    @Test
    void centralScotland2016ListSeatsGoFourToLabourAndThreeToTheConservatives() {
        // Published result: Scottish Parliament election, 5 May 2016, Central Scotland region (9 constituencies, all
        // won by the SNP; 7 list seats: Labour 4, Conservative 3). Regional list votes as published (e.g.
        // democraticdashboard.com and ballotbox.scot's 2016 results): SNP 129,082, Lab 67,103, Con 43,602, Green 12,722,
        // UKIP 6,088, LD 5,015, and four smaller lists of 2,684, 2,314, 1,636 and 460. The SNP's first average,
        // 129,082 / 10 = 12,908, falls below the seventh list seat's 14,534 (Con 43,602 / 3).
        List<PartyVotes> list = List.of(new PartyVotes("SNP", 129_082), new PartyVotes("Lab", 67_103), new PartyVotes("Con", 43_602),
                new PartyVotes("Green", 12_722), new PartyVotes("UKIP", 6_088), new PartyVotes("LD", 5_015), new PartyVotes("Minor1", 2_684),
                new PartyVotes("Minor2", 2_314), new PartyVotes("Minor3", 1_636), new PartyVotes("Minor4", 460));
        var seats = AdditionalMemberSystem.allocate(Map.of("SNP", 9), list, Set.of(), 7, LOT);
        assertThat(seats.list()).containsEntry("Lab", 4).containsEntry("Con", 3).containsEntry("SNP", 0).containsEntry("Green", 0);
        assertThat(seats.total()).containsEntry("SNP", 9).containsEntry("Lab", 4).containsEntry("Con", 3);
    }

    @Test
    void aPartyWithMoreConstituenciesThanItsShareKeepsThemAndWinsNoListSeat() {
        // Hand-worked overhang: A won all 9 constituencies on 40% of list votes; its next average is 40,000/10 = 4,000,
        // below the seventh-highest of B and C (B 35,000, 17,500, 11,667, 8,750; C 25,000, 12,500, 8,333).
        var seats = AdditionalMemberSystem.allocate(Map.of("A", 9),
                List.of(new PartyVotes("A", 40_000), new PartyVotes("B", 35_000), new PartyVotes("C", 25_000)), Set.of(), 7, LOT);
        assertThat(seats.total()).containsExactly(Map.entry("A", 9), Map.entry("B", 4), Map.entry("C", 3));
        assertThat(seats.list().get("A")).isZero();
    }

    @Test
    void anIndividualListCandidateWinsAtMostOneSeat() {
        // Hand-worked, 4 list seats, no constituency seats: A 50,000, independent 40,000, B 20,000.
        // A 50,000; Indy 40,000 (then leaves the count); A 25,000; B 20,000 beats A's 16,667 -> A 2, Indy 1, B 1.
        // Treated as a party, Indy would take the fourth seat instead (its 20,000 ties B's, and it has more votes).
        List<PartyVotes> votes = List.of(new PartyVotes("A", 50_000), new PartyVotes("Indy", 40_000), new PartyVotes("B", 20_000));
        assertThat(AdditionalMemberSystem.allocate(Map.of(), votes, Set.of("Indy"), 4, LOT).list())
                .containsExactly(Map.entry("A", 2), Map.entry("Indy", 1), Map.entry("B", 1));
        assertThat(AdditionalMemberSystem.allocate(Map.of(), votes, Set.of(), 4, LOT).list())
                .containsExactly(Map.entry("A", 2), Map.entry("Indy", 2), Map.entry("B", 0));
    }
}
