package org.commonweal.pb.pabulib;

import org.commonweal.pb.Instance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ballots checked against the rules the file's own META sets, each violation named with its line. */
class BallotValidationTest {
    private static final String CUMULATIVE = """
            META
            key;value
            budget;100
            vote_type;cumulative
            min_length;1
            max_length;2
            max_sum_cost;80
            max_sum_points;5
            max_points;4
            PROJECTS
            project_id;cost
            a;50
            b;40
            c;10
            VOTES
            voter_id;vote;points
            1;a,c;3,2
            2;a,b,c;1,1,1
            3;a,b;2,2
            4;c;5
            5;a,a;1,1
            1;b;2
            12;
            """;

    @Test
    void everyViolationIsReportedWithItsLineAndTheBallotsAreStillRead() {
        ValidatedInstance v = PabulibReader.parseValidated(CUMULATIVE, "c.pb");
        assertThat(v.violations()).extracting(BallotViolation::toString).containsExactly(
                "line 18: voter '2' lists 3 projects, more than max_length 2",
                "line 18: voter '2' chooses projects costing 100, more than max_sum_cost 80",
                "line 19: voter '3' chooses projects costing 90, more than max_sum_cost 80",
                "line 20: voter '4' gives 5 points to project 'c', more than max_points 4",
                "line 21: voter '5' lists project 'a' twice",
                "line 22: voter '1' has the same voter_id as the ballot on line 17",
                "line 23: voter '12' lists 0 projects, fewer than min_length 1");
        assertThat(v.instance().ballots()).hasSize(7);
        assertThat(v.instance().ballots().get(4).projects()).as("a project listed twice counts once").hasSize(1);
        assertThat(v.invalidBallots()).isEqualTo(6);
        Instance valid = v.withoutInvalid();
        assertThat(valid.ballots()).extracting(b -> b.voterId()).containsExactly("1");
    }

    @Test
    void anEmptyPointsBallotWrittenWithoutItsPointsFieldIsAnEmptyBallot() {
        String withoutRepeat = CUMULATIVE.replace("5;a,a;1,1\n", "");
        Instance instance = PabulibReader.parse(withoutRepeat, "c.pb");
        assertThat(instance.ballots().get(instance.ballots().size() - 1).size()).isZero();
        assertThat(instance.ballots().get(instance.ballots().size() - 1).columns()).containsEntry("points", "");
        assertThatThrownBy(() -> PabulibReader.parse(withoutRepeat.replace("12;\n", "12;a\n"), "c.pb"))
                .as("a ballot that lists projects still needs its points").hasMessageContaining("has 2 fields but the header has 3");
    }

    @Test
    void withoutValidationAProjectTwiceOnAPointsBallotIsStillAFormatError() {
        assertThatThrownBy(() -> PabulibReader.parse(CUMULATIVE, "c.pb")).hasMessage("c.pb:21: voter '5' lists project 'a' twice in a cumulative ballot");
    }

    @Test
    void aProjectTwiceOnAnOrdinalBallotIsReportedAndTheFirstRankKept() {
        ValidatedInstance v = PabulibReader.parseValidated("""
                META
                key;value
                budget;100
                vote_type;ordinal
                PROJECTS
                project_id;cost
                a;50
                b;40
                VOTES
                voter_id;vote
                1;b,a,b
                """, "o.pb");
        assertThat(v.violations()).extracting(BallotViolation::toString).containsExactly("line 11: voter '1' lists project 'b' twice");
        assertThat(v.instance().ballots().get(0).projects()).containsExactly(1, 0);
    }

    @Test
    void warszawa2018PragaPolnocHasNineBallotsOverTheSpendingLimit() throws Exception {
        ValidatedInstance v = PabulibReader.readValidated(SharedPabulib.file("Poland_Warszawa_2018_Praga-Polnoc.pb"));
        assertThat(v.invalidBallots()).isEqualTo(9);
        assertThat(v.violations()).allSatisfy(x -> assertThat(x.problem()).contains("more than max_sum_cost 1000000"));
        assertThat(v.violations().get(0).line()).isEqualTo(3124);
        assertThat(v.withoutInvalid().ballots()).hasSize(v.instance().ballots().size() - 9);
    }

    @Test
    void mechanicalTurkUtilities3HasElevenBallotsBelowTheMinimumPoints() throws Exception {
        ValidatedInstance v = PabulibReader.readValidated(SharedPabulib.file("Worldwide_Mechanical_Turk_Utilities_3.pb"));
        assertThat(v.invalidBallots()).isEqualTo(11);
        assertThat(v.violations().get(0).toString()).isEqualTo("line 44: voter '1992' gives 99 points in all, fewer than min_sum_points 100");
    }

    @Test
    void warszawa2026TarchominHasTwoBallotsListingAProjectTwice() throws Exception {
        ValidatedInstance v = PabulibReader.readValidated(SharedPabulib.file("Poland_Warszawa_2026_Tarchomin.pb"));
        assertThat(v.violations()).hasSize(2).allSatisfy(x -> assertThat(x.problem()).endsWith("twice"));
        assertThat(v.violations().get(0).toString()).isEqualTo("line 135: voter '230580' lists project '1557' twice");
    }

    @Test
    void aMetaBoundThatIsNotANumberIsAFormatError() {
        assertThatThrownBy(() -> PabulibReader.parseValidated(CUMULATIVE.replace("max_length;2", "max_length;two"), "c.pb"))
                .hasMessage("c.pb: META max_length 'two' is not a number");
    }
}
