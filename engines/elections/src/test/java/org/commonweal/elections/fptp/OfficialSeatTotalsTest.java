package org.commonweal.elections.fptp;

import org.commonweal.elections.apportionment.Lot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** First past the post from the House of Commons Library's votes reproduces the official seat totals. */
class OfficialSeatTotalsTest {
    private static final Lot LOT = new Lot(0);

    @Test
    void generalElection2019FromTheConstituencyFileGivesTheOfficialSeats() {
        List<ConstituencyResult> results = UkElectionData.read("HoC-GE2019-results-by-constituency.csv");
        Map<String, Integer> seats = FirstPastThePost.seats(FirstPastThePost.winners(results, LOT));
        // Official result, 12 December 2019 (HoC Library CBP-8749); APNI = Alliance, Spk = the Speaker.
        assertThat(seats).containsExactly(entry("Con", 365), entry("Lab", 202), entry("SNP", 48), entry("LD", 11), entry("DUP", 8),
                entry("SF", 7), entry("PC", 4), entry("SDLP", 2), entry("APNI", 1), entry("Green", 1), entry("Spk", 1));
    }

    @Test
    void generalElection2024FromTheCandidateFileGivesTheOfficialSeats() {
        List<ConstituencyResult> results = UkElectionData.read("HoC-GE2024-results-by-candidate.csv");
        Map<String, Integer> seats = FirstPastThePost.seats(FirstPastThePost.winners(results, LOT));
        // Official result, 4 July 2024 (HoC Library CBP-10009); RUK = Reform UK.
        assertThat(seats).containsExactly(entry("Lab", 411), entry("Con", 121), entry("LD", 72), entry("SNP", 9), entry("SF", 7),
                entry("Ind", 6), entry("DUP", 5), entry("RUK", 5), entry("Green", 4),
                entry("PC", 4), entry("SDLP", 2), entry("APNI", 1), entry("Spk", 1), entry("TUV", 1), entry("UUP", 1));
    }

    @Test
    void bothHouseOfCommonsLayoutsFor2024ElectTheSameMemberInEverySeat() {
        List<Winner> byCandidate = FirstPastThePost.winners(UkElectionData.read("HoC-GE2024-results-by-candidate.csv"), LOT);
        Map<String, String> partyBySeat = new java.util.HashMap<>();
        byCandidate.forEach(w -> partyBySeat.put(w.constituency().id(), w.party()));
        List<Winner> byConstituency = FirstPastThePost.winners(UkElectionData.read("HoC-GE2024-results-by-constituency.csv"), LOT);
        assertThat(byConstituency).hasSize(650);
        byConstituency.forEach(w -> assertThat(w.party()).as(w.constituency().name()).isEqualTo(partyBySeat.get(w.constituency().id())));
    }

    @Test
    void theSpeakersSeatIsWonByTheOtherWinnerNotByTheSumOfOtherCandidates() {
        // Chorley 2019: the Speaker's 26,831 votes are part of "All other candidates" (36,270 in all); the other
        // 9,439 belong to several candidates and stay an aggregate line that cannot win.
        ConstituencyResult chorley = UkElectionData.read("HoC-GE2019-results-by-constituency.csv").stream()
                .filter(c -> c.name().equals("Chorley")).findFirst().orElseThrow();
        Winner w = FirstPastThePost.winner(chorley, LOT);
        assertThat(w.party()).isEqualTo("Spk");
        assertThat(w.candidate().votes()).isEqualTo(26_831);
        assertThat(chorley.candidates()).filteredOn(CandidateVotes::aggregate).singleElement()
                .satisfies(c -> assertThat(c.votes()).isEqualTo(36_270 - 26_831));
        assertThat(chorley.validVotes()).isEqualTo(36_270 + chorley.candidates().stream().filter(c -> !c.aggregate() && !c.party().equals("Spk")).mapToLong(CandidateVotes::votes).sum());
    }
}
