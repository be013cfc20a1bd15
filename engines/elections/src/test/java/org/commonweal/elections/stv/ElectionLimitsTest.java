package org.commonweal.elections.stv;

import org.commonweal.elections.blt.BltReader;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a count refuses before it starts, so that a wrong file never yields a result. */
class ElectionLimitsTest {
    @Test
    void aFileWithNoBallotsIsRefusedInsteadOfElectingByLot() throws Exception {
        var empty = BltReader.read("empty.blt", "3 1\n0\n\"A\" \"B\" \"C\"\n\"No votes\"\n");

        assertThatThrownBy(() -> Election.fromBlt(empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("too few ballots: 0 ranking a standing candidate, for 1 seat");
    }

    @Test
    void fewerBallotsThanSeatsAreRefusedAndBallotsForWithdrawnCandidatesOnlyDoNotCount() throws Exception {
        var onlyWithdrawn = BltReader.read("w.blt", "3 2\n-3\n5 3 0\n1 1 0\n0\n\"A\" \"B\" \"C\"\n\"t\"\n");

        assertThatThrownBy(() -> Election.fromBlt(onlyWithdrawn)).hasMessage("too few ballots: 1 ranking a standing candidate, for 2 seats");
        assertThat(Election.fromBlt(onlyWithdrawn, 1).ballots().totalPapers()).isEqualTo(1);
    }

    /* Every stage records every candidate's total, so a count's size grows with the square of the candidates. */
    @Test
    void moreCandidatesThanACountCanReportAreRefusedWithTheLimit() throws Exception {
        int n = Election.MAX_CANDIDATES + 1;
        String names = IntStream.rangeClosed(1, n).mapToObj(i -> "\"C" + i + "\"").collect(Collectors.joining("\n"));
        var big = BltReader.read("big.blt", n + " 1\n1 1 0\n1 2 0\n0\n" + names + "\n\"t\"\n");

        assertThatThrownBy(() -> Election.fromBlt(big))
                .hasMessage("1001 standing candidates; a count takes at most 1000 (its report holds every candidate's total at every stage)");
        var withdrawn = BltReader.read("big.blt", n + " 1\n-" + n + "\n1 1 0\n1 2 0\n0\n" + names + "\n\"t\"\n");
        assertThat(new ScottishStv().count(Election.fromBlt(withdrawn), 0).electedNames()).hasSize(1);
    }
}
