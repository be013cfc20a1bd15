package org.commonweal.pb.pabulib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.greedy.ProjectScores;
import org.junit.jupiter.api.Test;

class FractionalPointsTest {
    private static String file(String meta, String votes) {
        return """
                META
                key;value
                budget;10
                vote_type;scoring
                %sPROJECTS
                project_id;cost
                a;6
                b;5
                c;4
                VOTES
                voter_id;vote;points
                %s""".formatted(meta, votes);
    }

    private static Instance read(String text) throws Exception {
        return PabulibReader.read(new StringReader(text), "fractional.pb");
    }

    @Test
    void pointsWithDecimalsAreCountedExactlyInTheFinestUnitOfTheFile() throws Exception {
        // Whole points first, then a finer value: the earlier ballots are rescaled so that every point is in tenths, then hundredths.
        Instance i = read(file("", "1;a,b;3,1\n2;b,c;0.5,2\n3;a,c;1.25,0.75\n"));
        assertThat(i.pointScale()).isEqualTo(2);
        assertThat(i.ballots().get(0).points()).containsExactly(300, 100);
        assertThat(i.ballots().get(1).points()).containsExactly(50, 200);
        assertThat(i.ballots().get(2).points()).containsExactly(125, 75);
        // a 4.25, b 1.5, c 2.75: greedy funds a (6) then c (4); b does not fit.
        assertThat(i.toPoints(ProjectScores.of(i)[0])).isEqualByComparingTo("4.25");
        Outcome greedy = Rules.build("greedy", Map.of()).outcome(i, TieBreak.DEFAULT);
        assertThat(Instances.ids(i, greedy)).containsExactly("a", "c");
    }

    @Test
    void aFractionalFileWritesBackAsItWasWrittenAndReadsBackTheSame() throws Exception {
        Instance i = read(file("", "1;a,b;3,1\n2;b,c;0.5,2\n"));
        StringWriter out = new StringWriter();
        PabulibWriter.write(i, out);
        assertThat(out.toString()).contains("1;a,b;3,1").contains("2;b,c;0.5,2");
        Instance again = read(out.toString());
        assertThat(again.pointScale()).isEqualTo(1);
        assertThat(again.ballots().get(0).points()).containsExactly(30, 10);
    }

    @Test
    void equalSharesGivesTheSameOutcomeAsOnTheSameBallotsInWholeTenths() throws Exception {
        String votes = "1;a,b;0.5,2.5\n2;a;1.5\n3;b,c;0.5,0.5\n4;c;2\n5;a,c;1,0.5\n";
        Instance fractional = read(file("", votes));
        Instance whole = read(file("", "1;a,b;5,25\n2;a;15\n3;b,c;5,5\n4;c;20\n5;a,c;10,5\n"));
        for (String rule : new String[]{"mes", "greedy", "max-welfare"}) {
            Map<String, String> options = rule.equals("max-welfare") ? Map.of("utility", "points") : Map.of();
            assertThat(Instances.ids(fractional, Rules.build(rule, options).outcome(fractional, TieBreak.DEFAULT)))
                    .as(rule).isEqualTo(Instances.ids(whole, Rules.build(rule, options).outcome(whole, TieBreak.DEFAULT)));
        }
    }

    @Test
    void validationComparesFractionalPointsWithTheMetaAndSaysThemAsGiven() throws Exception {
        ValidatedInstance v = PabulibReader.parseValidated(file("max_sum_points;2.5\nmax_points;2\n", "1;a,b;1.5,1.25\n2;c;2.25\n3;a;2\n"), "fractional.pb");
        assertThat(v.violations()).extracting(BallotViolation::problem).containsExactly(
                "gives 2.75 points in all, more than max_sum_points 2.5",
                "gives 2.25 points to project 'c', more than max_points 2");
    }

    @Test
    void aThresholdInPointsAppliesToFractionalScores() throws Exception {
        // b scores 1.5, under the minimum of 1.75; a 3, c 2.
        Instance i = read(file("min_project_score_threshold;1.75\n", "1;a,b;1.5,1\n2;a,b,c;1.5,0.5,2\n"));
        assertThat(Instances.ids(i, Rules.build("greedy", Map.of()).outcome(i, TieBreak.DEFAULT))).containsExactly("a", "c");
    }

    @Test
    void pointsThatAreNotNumbersAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> read(file("", "1;a,b;1.5,lots\n"))).isInstanceOf(PabulibFormatException.class)
                .hasMessageContaining("fractional.pb:12").hasMessageContaining("voter '1' has points 'lots' that are not a number");
        assertThatThrownBy(() -> read(file("", "1;a;0.0000000001\n"))).isInstanceOf(PabulibFormatException.class)
                .hasMessageContaining("more than 9 decimals");
    }
}
