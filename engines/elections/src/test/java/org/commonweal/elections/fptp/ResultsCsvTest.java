package org.commonweal.elections.fptp;

import org.commonweal.elections.apportionment.Lot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsCsvTest {
    @Test
    void theSimpleLayoutGroupsRowsIntoConstituenciesAndKeepsQuotedNames() {
        List<ConstituencyResult> r = ResultsCsv.parse("s.csv", """
                constituency,region,party,votes
                "Ayr, Carrick",Scotland,SNP,100
                "Ayr, Carrick",Scotland,Lab,90
                Bath,South West,LD,50
                """);
        assertThat(r).extracting(ConstituencyResult::name).containsExactly("Ayr, Carrick", "Bath");
        assertThat(r.get(0).nation()).isEqualTo("Scotland");
        assertThat(FirstPastThePost.winner(r.get(0), new Lot(0)).majority()).isEqualTo(10);
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReportedWithItsLine() {
        assertThatThrownBy(() -> ResultsCsv.parse("bad.csv", "constituency,region,party,votes\nA,R,X,1\nA,R,Y\n"))
                .isInstanceOf(ResultsFormatException.class).hasMessage("bad.csv, line 3: expected 4 fields, found 3");
    }

    @Test
    void aVoteCountThatIsNotANumberIsReportedWithItsLineAndColumn() {
        assertThatThrownBy(() -> ResultsCsv.parse("bad.csv", "constituency,region,party,votes\r\nA,R,X,1\r\n\r\nA,R,Y,lots\r\n"))
                .hasMessage("bad.csv, line 4: 'votes' is not a vote count: 'lots'");
    }

    @Test
    void aLineNumberCountsLineBreaksInsideQuotedFields() {
        assertThatThrownBy(() -> ResultsCsv.parse("bad.csv", "constituency,region,party,votes\n\"A\nB\",R,X,1\nC,R,Y,-3\n"))
                .hasMessage("bad.csv, line 4: 'votes' is not a vote count: '-3'");
    }

    @Test
    void anUnknownHeaderNamesTheLayoutsThatAreUnderstood() {
        assertThatThrownBy(() -> ResultsCsv.parse("x.csv", "seat,who,how many\n"))
                .hasMessageStartingWith("x.csv, line 1: unrecognised header");
    }

    @Test
    void aConstituencyRowWhosePartiesDoNotAddUpToTheValidVotesIsRejected() {
        String header = "ONS ID,Constituency name,Region name,Country name,Member first name,Member surname,First party,Valid votes,Majority,Con,Lab,All other candidates,Of which other winner\n";
        assertThatThrownBy(() -> ResultsCsv.parse("c.csv", header + "E1,A,R,England,X,Y,Con,100,10,50,40,11,0\n"))
                .hasMessage("c.csv, line 2: party votes add up to 101 but 'Valid votes' is 100");
    }

    @Test
    void aWinnerWithoutAPartyColumnNeedsTheOtherWinnerVotes() {
        String header = "ONS ID,Constituency name,Region name,Country name,Member first name,Member surname,First party,Valid votes,Majority,Con,Lab,All other candidates,Of which other winner\n";
        assertThatThrownBy(() -> ResultsCsv.parse("c.csv", header + "E1,A,R,England,X,Y,Ind,100,10,30,20,50,0\n"))
                .hasMessage("c.csv, line 2: winner 'Ind' has no party column and 'Of which other winner' is 0");
        ConstituencyResult ok = ResultsCsv.parse("c.csv", header + "E1,A,R,England,X,Y,Ind,100,10,30,20,50,40\n").get(0);
        assertThat(FirstPastThePost.winner(ok, new Lot(0)).candidate().label()).isEqualTo("Ind (X Y)");
    }

    @Test
    void anEqualityOfVotesIsDecidedByLotTheSameWayForTheSameSeed() {
        ConstituencyResult tie = new ConstituencyResult("1", "Tied", "R", "N", List.of(CandidateVotes.of("A", 10), CandidateVotes.of("B", 10)));
        java.util.Set<String> winners = new java.util.HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            Winner w = FirstPastThePost.winner(tie, new Lot(seed));
            assertThat(FirstPastThePost.winner(tie, new Lot(seed)).party()).isEqualTo(w.party());
            assertThat(w.majority()).isZero();
            winners.add(w.party());
        }
        assertThat(winners).containsExactlyInAnyOrder("A", "B");
    }
}
