package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rule;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.PabulibReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worked examples. Budget 10; approvals a=5, b=4, c=3, d=1; costs a=6, b=5, c=4, d=1.
 * greedy: a (10 left -> 4), b does not fit, c (4 -> 0), d does not fit: {a, c}.
 * greedy-no-skip: a, then b does not fit and counting stops: {a}.
 * greedy-cost: ratios d 1/1, a 5/6, b 4/5, c 3/4: d (10 -> 9), a (9 -> 3), b and c do not fit: {d, a}.
 * greedy-threshold at 4: c and d are below it; a funded, b does not fit: {a}.
 */
class GreedyRulesTest {
    private static Instance example(String extraMeta) {
        return PabulibReader.parse("""
                META
                key;value
                budget;10
                %sPROJECTS
                project_id;cost
                a;6
                b;5
                c;4
                d;1
                VOTES
                voter_id;vote
                1;a,b,c,d
                2;a,b,c
                3;a,b,c
                4;a,b
                5;a
                """.formatted(extraMeta), "example.pb");
    }

    private static List<String> funded(Rule rule, Instance instance) {
        return rule.outcome(instance, TieBreak.DEFAULT).selected().stream().map(p -> instance.projects().get(p).id()).toList();
    }

    @Test
    void greedySkipsProjectsThatDoNotFitAndCarriesOn() {
        Outcome o = new Greedy().outcome(example(""), TieBreak.DEFAULT);
        assertThat(o.selected()).containsExactly(0, 2);
        assertThat(o.totalCost()).isEqualTo(10);
        assertThat(o.verdicts()).extracting(Outcome.Verdict::reason).containsExactly(
                new GreedyReason.Funded(5, 10, 4), new GreedyReason.DidNotFit(4, 5, 4),
                new GreedyReason.Funded(3, 4, 0), new GreedyReason.DidNotFit(1, 1, 0));
        assertThat(o.verdicts()).extracting(Outcome.Verdict::round).containsExactly(1, 2, 3, 4);
    }

    @Test
    void greedyNoSkipStopsAtTheFirstProjectThatDoesNotFit() {
        Outcome o = new GreedyNoSkip().outcome(example(""), TieBreak.DEFAULT);
        assertThat(o.selected()).containsExactly(0);
        assertThat(o.verdicts().get(1).reason()).isEqualTo(new GreedyReason.DidNotFit(4, 5, 4));
        assertThat(o.verdicts().get(2).reason()).isEqualTo(new GreedyReason.AfterStop(3, 1));
    }

    @Test
    void greedyCostRanksBySupportPerUnitOfCost() {
        assertThat(funded(new GreedyPerCost(), example(""))).containsExactly("d", "a");
    }

    @Test
    void greedyThresholdNeverFundsProjectsBelowTheMinimumScore() {
        Instance instance = example("min_project_score_threshold;4\n");
        Outcome o = new GreedyThreshold().outcome(instance, TieBreak.DEFAULT);
        assertThat(o.selected()).containsExactly(0);
        assertThat(o.verdicts().get(2).reason()).isEqualTo(new GreedyReason.BelowThreshold(3, 4));
        assertThat(funded(new GreedyThreshold(), example(""))).as("no threshold in META: plain greedy").containsExactly("a", "c");
        assertThat(funded(new Greedy(), instance)).as("every greedy variant honours the threshold").containsExactly("a");
        assertThat(funded(new GreedyNoSkip(), instance)).containsExactly("a");
        assertThat(funded(new GreedyPerCost(), instance)).as("d (1 vote) is below it, a is next by ratio").containsExactly("a");
    }

    @Test
    void ordinalBallotsScoreByPositionAsTheCitiesPublish() {
        Instance instance = PabulibReader.parse("""
                META
                key;value
                budget;10
                vote_type;ordinal
                PROJECTS
                project_id;cost
                a;10
                b;10
                c;10
                VOTES
                voter_id;vote
                1;a,b,c
                2;b,c
                3;c
                """, "ordinal.pb");
        // a: 3 (first of three); b: 2 + 2 (first of two); c: 1 + 1 + 1 (first of one)
        assertThat(ProjectScores.of(instance)).containsExactly(3, 4, 3);
        assertThat(funded(new Greedy(), instance)).containsExactly("b");
    }

    @Test
    void aTieCanGoToTheProjectMoreVotersRankedFirstAsKrakowDecides() {
        Instance instance = PabulibReader.parse("""
                META
                key;value
                budget;10
                vote_type;ordinal
                PROJECTS
                project_id;cost
                x;9
                y;10
                z;10
                VOTES
                voter_id;vote
                1;y
                2;y
                3;x,z
                """, "first.pb");
        // x: 2, y: 1 + 1, z: 1; x and y tie, only one fits. Two voters rank y first, one ranks x first.
        assertThat(ProjectScores.of(instance)).containsExactly(2, 2, 1);
        assertThat(instance.firstChoiceCounts()).containsExactly(1, 2, 0);
        assertThat(funded(new Greedy(), instance)).as("default: the cheaper").containsExactly("x");
        List<String> byFirst = new Greedy().outcome(instance, TieBreak.parse("first,cost,votes,lottery", 0)).selected().stream()
                .map(p -> instance.projects().get(p).id()).toList();
        assertThat(byFirst).containsExactly("y");
        assertThat(TieBreak.parse("first,lottery", 0).spec()).isEqualTo("first,lottery");
    }

    @Test
    void onBallotsThatDoNotRankFirstChoicesDecideNothing() {
        Instance approval = example("");
        assertThat(approval.firstChoiceCounts()).containsOnly(0L);
        assertThat(funded(new Greedy(), approval)).isEqualTo(new Greedy().outcome(approval, TieBreak.parse("first,cost,votes,lottery", 0))
                .selected().stream().map(p -> approval.projects().get(p).id()).toList());
    }

    @Test
    void cumulativeBallotsRankByTotalPoints() {
        Instance instance = PabulibReader.parse("""
                META
                key;value
                budget;5
                vote_type;cumulative
                PROJECTS
                project_id;cost
                a;5
                b;5
                VOTES
                voter_id;vote;points
                1;a;3
                2;b;2
                3;b;2
                """, "cumulative.pb");
        assertThat(ProjectScores.of(instance)).containsExactly(3, 4);
        assertThat(funded(new Greedy(), instance)).containsExactly("b");
    }

    @Test
    void tiesAreDecidedOnlyByTheConfiguredTieBreak() {
        Instance instance = PabulibReader.parse("""
                META
                key;value
                budget;5
                vote_type;cumulative
                PROJECTS
                project_id;cost
                cheap;4
                popular;5
                VOTES
                voter_id;vote;points
                1;cheap;4
                2;popular;2
                3;popular;2
                """, "tie.pb");
        Rule greedy = new Greedy();
        assertThat(greedy.outcome(instance, TieBreak.parse("cost,votes,lottery", 0)).selected()).containsExactly(0);
        assertThat(greedy.outcome(instance, TieBreak.parse("votes,cost,lottery", 0)).selected()).containsExactly(1);
        List<Integer> first = greedy.outcome(instance, TieBreak.parse("lottery", 42)).selected();
        for (int i = 0; i < 5; i++) {
            assertThat(greedy.outcome(instance, TieBreak.parse("lottery", 42)).selected()).as("same seed, same draw").isEqualTo(first);
        }
    }

    @Test
    void aFreeProjectWithSupportComesFirstUnderGreedyCost() {
        Instance instance = PabulibReader.parse("""
                META
                key;value
                budget;5
                PROJECTS
                project_id;cost
                paid;5
                free;0
                VOTES
                voter_id;vote
                1;paid
                2;paid,free
                """, "free.pb");
        assertThat(funded(new GreedyPerCost(), instance)).containsExactly("free", "paid");
    }
}
