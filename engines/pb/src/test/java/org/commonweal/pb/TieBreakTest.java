package org.commonweal.pb;

import org.commonweal.pb.greedy.Greedy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Budget 10, two projects tied on 2 votes that cannot both be funded; which one wins says the tie-break. */
class TieBreakTest {
    private static final Instance TIED = Instances.approval(10, new long[]{4, 7, 6}, new int[]{1, 2}, new int[]{1, 2, 0});

    private static String winner(String spec) {
        return Instances.ids(TIED, new Greedy().outcome(TIED, TieBreak.parse(spec, 0))).get(0);
    }

    @Test
    void costDescGivesATieToTheDearerProjectAndCostToTheCheaper() {
        assertThat(winner("cost-desc,lottery")).isEqualTo("p1");
        assertThat(winner("cost,lottery")).isEqualTo("p2");
    }

    @Test
    void idOrdersByTheIdAsTextAndEndsATieBreakWithoutALottery() {
        Instance instance = Instances.approval(10, new long[]{7, 7}, new int[]{0, 1});
        Instance renamed = new Instance(instance.meta(), java.util.List.of(
                new Project("9", 7, java.util.Map.of("project_id", "9", "name", "Bench")),
                new Project("10", 7, java.util.Map.of("project_id", "10", "name", "Apple trees"))),
                instance.ballots(), instance.projectColumns(), instance.voteColumns(), 0, 10);
        assertThat(Instances.ids(renamed, new Greedy().outcome(renamed, TieBreak.parse("id", 0)))).containsExactly("10");
        assertThat(Instances.ids(renamed, new Greedy().outcome(renamed, TieBreak.parse("name,id", 0)))).containsExactly("10");
        assertThat(Instances.ids(renamed, new Greedy().outcome(renamed, TieBreak.parse("cost,votes,id", 0)))).containsExactly("10");
    }

    @Test
    void aListThatCannotDecideEveryTieIsRefused() {
        assertThatThrownBy(() -> TieBreak.parse("votes,name", 0)).hasMessageContaining("end in lottery or id");
        assertThatThrownBy(() -> TieBreak.parse("dearest,lottery", 0)).hasMessageContaining("cost-desc");
    }
}
