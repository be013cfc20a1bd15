package org.commonweal.elections.blt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BltReaderTest {
    private static final String SAMPLE = """
            # a hand-made election with every feature of the format
            4 2   \s
            -4
            3 1 2 0    # three identical ballots grouped with weight 3

            1 2 3 1 0
            2 3 0
            0
            "Ann Able"  "Bob \\"Bobby\\" Baker"
            "Cy Cole"
            "Di Dee"   \s
            "Sample # not a comment"
            """;

    @Test
    void readsCandidatesSeatsWithdrawnGroupedBallotsNamesAndTitleIgnoringCommentsBlankLinesAndSpaces() throws Exception {
        BltElection e = BltReader.read("sample.blt", SAMPLE);

        assertThat(e.candidates()).containsExactly("Ann Able", "Bob \"Bobby\" Baker", "Cy Cole", "Di Dee");
        assertThat(e.seats()).isEqualTo(2);
        assertThat(e.withdrawn()).containsExactly(4);
        assertThat(e.ballots()).containsExactly(
                new BltBallot(3, new int[]{1, 2}), new BltBallot(1, new int[]{2, 3, 1}), new BltBallot(2, new int[]{3}));
        assertThat(e.papers()).isEqualTo(6);
        assertThat(e.title()).isEqualTo("Sample # not a comment");
    }

    @Test
    void writingThenReadingGivesBackTheSameElection() throws Exception {
        BltElection e = BltReader.read("sample.blt", SAMPLE);
        String written = BltWriter.write(e);

        assertThat(BltReader.read("again.blt", written)).isEqualTo(e);
        assertThat(BltWriter.write(BltReader.read("again.blt", written))).isEqualTo(written);
    }

    @Test
    void aMissingTitleReadsAsEmptyAndAByteOrderMarkIsSkipped() throws Exception {
        BltElection e = BltReader.read("t.blt", "\uFEFF2 1\r\n1 1 0\r\n0\r\n\"A\"\r\n\"B\"\r\n");
        assertThat(e.title()).isEmpty();
        assertThat(e.candidates()).containsExactly("A", "B");
        assertThat(e.withdrawn()).isEqualTo(Set.of());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                             | 1 | file ends where the number of candidates was expected
            x 1                                            | 1 | the number of candidates expected but found 'x'
            3\\n1                                          | 1 | the first line must hold the number of candidates and the number of seats
            3 4\\n0                                        | 1 | number of seats must be between 1 and the number of candidates (3), was 4
            3 1\\n-5\\n0                                   | 2 | withdrawn candidate 5 does not exist (there are 3 candidates)
            3 1\\n-2 -2\\n0                                | 2 | candidate 2 is withdrawn twice
            3 1\\n1 1 2\\n0                                | 2 | ballot line does not end with 0
            3 1\\n1 1 4 0\\n0                              | 2 | candidate 4 does not exist (there are 3 candidates)
            3 1\\n1 1 2 1 0\\n0                            | 2 | candidate 1 is ranked twice
            3 1\\n1 1 2=3 0\\n0                            | 2 | equal rankings ('2=3') are not supported
            3 1\\n1 1 - 2 0\\n0                            | 2 | skipped rankings ('-') are not supported
            3 1\\n-1 1 2 0\\n0                             | 3 | file ends where the name of candidate 1 was expected
            3 1\\n1 1 2 0 3\\n0                            | 2 | unexpected text after the 0 that ends the ballot: '3'
            3 1\\n1 1 0\\n\\n\\n                           | 4 | file ends where a ballot line or the 0 that ends the ballots was expected
            3 1\\n1 1 0\\n0\\n"A"\\n"B"\\n                 | 5 | file ends where the name of candidate 3 was expected
            3 1\\n1 1 0\\n0\\n"A"\\nB\\n"C"                | 5 | the name of candidate 2 must be in double quotes, found 'B'
            3 1\\n1 1 0\\n0\\n"A"\\n"B"\\n"C"\\n"T"\\n"X"  | 8 | unexpected text after the title: 'X'
            3 1\\n1 1 0\\n0\\n"A\\n"B"                     | 4 | unterminated quoted string
            3 1\\n1 "A" 0\\n0                              | 2 | a candidate number expected but found quoted text "A"
            3 1\\n1000000001 1 0\\n0                       | 2 | ballot weight must be between 1 and 1000000000, was 1000000001
            """)
    void malformedFilesAreRejectedNamingFileLineAndProblem(String text, int line, String problem) {
        String blt = text.replace("\\n", "\n");
        assertThatThrownBy(() -> BltReader.read("bad.blt", blt))
                .isInstanceOfSatisfying(BltFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("bad.blt");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).isEqualTo("bad.blt:" + line + ": " + problem);
                });
    }

    @Test
    void writerQuotesNamesSoThatBackslashesAndQuotesSurvive() throws Exception {
        BltElection e = new BltElection(List.of("a\\b", "\"q\""), 1, Set.of(), List.of(new BltBallot(1, new int[]{2, 1})), "t#1");
        assertThat(BltReader.read("w.blt", BltWriter.write(e))).isEqualTo(e);
    }
}
