package org.commonweal.pb.pabulib;

import org.commonweal.pb.Instance;
import org.commonweal.pb.VoteType;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PabulibReaderTest {
    private static final String APPROVAL = """
            META
            key;value
            description;Test
            budget;1000
            vote_type;approval
            rule;greedy
            PROJECTS
            project_id;cost;votes;name;selected
            p1;600;2;"Park; benches, and trees";1
            p2;500;1;"The ""big"" slide";0
            VOTES
            voter_id;vote;age;sex
            v1;p1,p2;30;F
            v2;p1;41;M
            """;

    private static Instance parse(String text) {
        return PabulibReader.parse(text, "test.pb");
    }

    @Test
    void readsSectionsColumnsAndQuotedFieldsWithSemicolonsCommasAndQuotes() {
        Instance i = parse(APPROVAL);
        assertThat(i.meta()).containsEntry("budget", "1000").containsEntry("rule", "greedy");
        assertThat(i.meta().keySet()).containsExactly("description", "budget", "vote_type", "rule");
        assertThat(i.budget()).isEqualTo(1000);
        assertThat(i.projects()).extracting(p -> p.name()).containsExactly("Park; benches, and trees", "The \"big\" slide");
        assertThat(i.projectColumns()).containsExactly("project_id", "cost", "votes", "name", "selected");
        assertThat(i.ballots().get(0).projects()).containsExactly(0, 1);
        assertThat(i.ballots().get(1).columns()).containsEntry("age", "41").containsEntry("sex", "M");
        assertThat(i.voteType()).isEqualTo(VoteType.APPROVAL);
    }

    @Test
    void acceptsByteOrderMarkAndWindowsLineEndings() {
        Instance i = parse("\uFEFF" + APPROVAL.replace("\n", "\r\n"));
        assertThat(i.projects()).hasSize(2);
        assertThat(i.ballots()).hasSize(2);
        assertThat(i.ballots().get(1).columns()).containsEntry("sex", "M");
    }

    @Test
    void optionalColumnsMayBeMissing() {
        Instance i = parse("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a\n");
        assertThat(i.projects().get(0).name()).isEqualTo("a");
        assertThat(OfficialOutcome.fundedByRule(i)).isEmpty();
        assertThat(i.voteType()).isEqualTo(VoteType.APPROVAL);
    }

    @Test
    void decimalCostsAreScaledToTheFinestDecimalInTheFile() {
        Instance i = parse("META\nkey;value\nbudget;100.5\nPROJECTS\nproject_id;cost\na;4000.0\nb;2,25\nVOTES\nvoter_id;vote\n1;a\n");
        assertThat(i.costScale()).isEqualTo(2);
        assertThat(i.budget()).isEqualTo(10050);
        assertThat(i.projects()).extracting(p -> p.cost()).containsExactly(400000L, 225L);
    }

    @Test
    void cumulativeBallotsCarryPointsAndOrdinalBallotsKeepRankOrder() {
        Instance cumulative = parse("META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;5\nb;5\n"
                + "VOTES\nvoter_id;vote;points\n1;b,a;3,7\n");
        assertThat(cumulative.ballots().get(0).points()).containsExactly(3, 7);
        assertThat(cumulative.pointTotals()).containsExactly(7, 3);
        Instance ordinal = parse("META\nkey;value\nbudget;10\nvote_type;ordinal\nPROJECTS\nproject_id;cost\na;5\nb;5\n"
                + "VOTES\nvoter_id;vote\n1;b,a\n");
        assertThat(ordinal.ballots().get(0).projects()).containsExactly(1, 0);
    }

    @Test
    void aProjectApprovedTwiceInOneBallotCountsOnce() {
        Instance i = parse("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5\nb;5\nVOTES\nvoter_id;vote\n1;a,a,b\n");
        assertThat(i.ballots().get(0).projects()).containsExactly(0, 1);
        assertThat(i.ballots().get(0).columns()).containsEntry("vote", "a,b");
    }

    @Test
    void writerOutputReadsBackToTheSameInstance() throws Exception {
        Instance i = parse(APPROVAL);
        StringWriter out = new StringWriter();
        PabulibWriter.write(i, out);
        assertThat(out.toString()).contains("p1;600;2;\"Park; benches, and trees\";1");
        InstanceComparison.assertSame(PabulibReader.read(new StringReader(out.toString()), "again.pb"), i, "again.pb");
    }

    @Test
    void unknownProjectInAVoteNamesFileLineAndProject() {
        assertThatThrownBy(() -> parse(APPROVAL.replace("v2;p1;41", "v2;p9;41")))
                .isInstanceOf(PabulibFormatException.class)
                .hasMessage("test.pb:14: voter 'v2' votes for unknown project 'p9'")
                .satisfies(e -> assertThat(((PabulibFormatException) e).line()).isEqualTo(14));
    }

    @Test
    void pointsThatDoNotMatchTheVoteAreRejected() {
        String text = "META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;5\nb;5\n"
                + "VOTES\nvoter_id;vote;points\n1;a,b;3\n";
        assertThatThrownBy(() -> parse(text)).hasMessage("test.pb:11: voter '1' lists 2 projects in 'vote' but 1 values in 'points'");
    }

    @Test
    void cumulativeBallotsWithoutAPointsColumnAreRejected() {
        String text = "META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a\n";
        assertThatThrownBy(() -> parse(text)).hasMessageContaining("test.pb:9: VOTES header has no 'points' column");
    }

    @Test
    void aCostThatIsNotANumberIsRejectedWithItsLine() {
        assertThatThrownBy(() -> parse(APPROVAL.replace("p2;500;", "p2;five hundred;")))
                .hasMessage("test.pb:10: cost of project 'p2' 'five hundred' is not a number");
    }

    @Test
    void aMissingBudgetIsRejected() {
        assertThatThrownBy(() -> parse(APPROVAL.replace("budget;1000\n", ""))).hasMessage("test.pb: META has no 'budget'");
    }

    @Test
    void missingSectionsAreRejected() {
        assertThatThrownBy(() -> parse(APPROVAL.substring(0, APPROVAL.indexOf("VOTES")))).hasMessage("test.pb: no VOTES section");
        assertThatThrownBy(() -> parse("hello;world\n")).hasMessageContaining("test.pb:1: data before the META section");
        assertThatThrownBy(() -> parse("META\nkey;value\nbudget;1\nVOTES\nvoter_id;vote\n"))
                .hasMessage("test.pb:4: section VOTES where PROJECTS was expected (order is META, PROJECTS, VOTES)");
    }

    @Test
    void rowsWithTheWrongNumberOfFieldsAreRejected() {
        assertThatThrownBy(() -> parse(APPROVAL.replace("v1;p1,p2;30;F", "v1;p1,p2;30;F;extra")))
                .hasMessage("test.pb:13: VOTES line has 5 fields but the header has 4 (quote a value that contains ';')");
    }

    @Test
    void duplicateProjectIdsAndUnclosedQuotesAreRejected() {
        assertThatThrownBy(() -> parse(APPROVAL.replace("p2;500;", "p1;500;"))).hasMessage("test.pb:10: project_id 'p1' appears twice");
        assertThatThrownBy(() -> parse(APPROVAL.replace("\"The \"\"big\"\" slide\"", "\"The slide")))
                .hasMessageContaining("test.pb:10: quoted field is never closed");
    }

    @Test
    void anUnknownVoteTypeIsRejected() {
        assertThatThrownBy(() -> parse(APPROVAL.replace("vote_type;approval", "vote_type;borda")))
                .hasMessageContaining("unknown vote_type 'borda'");
    }

    @Test
    void aVoterLineWithAQuotedValueIsReadLikeAnyOther() {
        Instance i = parse(APPROVAL.replace("v2;p1;41;M", "v2;p1;41;\"M; or F\""));
        assertThat(i.ballots().get(1).projects()).containsExactly(0);
        assertThat(i.ballots().get(1).columns()).containsEntry("sex", "M; or F");
    }

    @Test
    void spacesInVoteAndPointListsAreToleratedAndNormalised() {
        Instance i = parse("META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;5\nb;5\n"
                + "VOTES\nvoter_id;vote;points\n1; b , a ;2, 3\n");
        assertThat(i.ballots().get(0).projects()).containsExactly(1, 0);
        assertThat(i.ballots().get(0).points()).containsExactly(2, 3);
        assertThat(i.ballots().get(0).columns()).containsEntry("vote", "b,a").containsEntry("points", "2,3");
    }

    @Test
    void aSectionHeadingAfterVotesIsRejected() {
        assertThatThrownBy(() -> parse(APPROVAL + "META\nkey;value\n"))
                .hasMessage("test.pb:15: section META after VOTES (each section appears once)");
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedWithTheirLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("latin1.pb");
        java.nio.file.Files.write(file, APPROVAL.replace("Test", "Łódź").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> PabulibReader.read(file)).hasMessageStartingWith("latin1.pb:3: not valid UTF-8 text");
        java.nio.file.Files.writeString(file, APPROVAL.replace("Test", "a real \uFFFD replacement character"));
        assertThat(PabulibReader.read(file).meta().get("description")).contains("\uFFFD");
    }
}
