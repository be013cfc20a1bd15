package org.commonweal.elections.blt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /*
     * The Electoral Reform Society's test files (M135 and its kin, shipped with Droop and OpenSTV) follow the
     * title with more quoted lines and a first-preference table; BLT programs stop reading at the title.
     */
    @Test
    void whateverFollowsTheTitleIsIgnoredAsOtherBltProgramsDo() throws Exception {
        BltElection e = BltReader.read("M.blt", """
                3 1
                2 1 2 0
                1 3 0
                0
                "C1"
                "C2"
                "C3"
                "M: Gen v1.1 1 3 45"
                "A. Tester, email: tester@example.org"
                "The validation of the STV programs, 1999."
                First Prefs
                  0119 32 43
                Quota  84.88
                "an unterminated quote is no longer BLT's business
                """);

        assertThat(e.title()).isEqualTo("M: Gen v1.1 1 3 45");
        assertThat(e.candidates()).containsExactly("C1", "C2", "C3");
        assertThat(e.papers()).isEqualTo(3);
    }

    @Test
    void filesThatAreNotUtf8NameTheLineAndWhatTheyLookLike(@TempDir Path dir) throws Exception {
        String blt = "3 1\n1 1 2 0\n0\n\"Zoë\"\n\"B\"\n\"C\"\n\"t\"\n";
        Path utf16 = dir.resolve("u16.blt");
        Files.write(utf16, blt.getBytes(StandardCharsets.UTF_16));
        Path utf16NoMark = dir.resolve("u16le.blt");
        Files.write(utf16NoMark, blt.getBytes(StandardCharsets.UTF_16LE));
        Path latin1 = dir.resolve("latin1.blt");
        Files.write(latin1, blt.getBytes(StandardCharsets.ISO_8859_1));
        Path binary = dir.resolve("binary.blt");
        Files.write(binary, new byte[]{'3', ' ', '1', '\n', 0, (byte) 0x9C, (byte) 0xFF, 1, 2, 0, 0, 7});

        assertThatThrownBy(() -> BltReader.read(utf16)).hasMessage("u16.blt:1: not valid UTF-8 (the file looks like UTF-16; save it as UTF-8)");
        assertThatThrownBy(() -> BltReader.read(utf16NoMark)).hasMessage("u16le.blt:1: not valid UTF-8 (the file looks like UTF-16; save it as UTF-8)");
        assertThatThrownBy(() -> BltReader.read(latin1))
                .hasMessage("latin1.blt:4: not valid UTF-8 (byte 0xEB in column 4; the file looks like Latin-1 or Windows-1252; save it as UTF-8)");
        assertThatThrownBy(() -> BltReader.read(binary)).hasMessage("binary.blt:2: not valid UTF-8 (byte 0x9C in column 2; the file looks like binary data, not text)");
        Files.writeString(latin1, blt);
        assertThat(BltReader.read(latin1).candidates()).contains("Zoë");
    }

    @Test
    void writerQuotesNamesSoThatBackslashesAndQuotesSurvive() throws Exception {
        BltElection e = new BltElection(List.of("a\\b", "\"q\""), 1, Set.of(), List.of(new BltBallot(1, new int[]{2, 1})), "t#1");
        assertThat(BltReader.read("w.blt", BltWriter.write(e))).isEqualTo(e);
    }
}
