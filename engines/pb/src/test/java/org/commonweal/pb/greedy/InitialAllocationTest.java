package org.commonweal.pb.greedy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.junit.jupiter.api.Test;

class InitialAllocationTest {
    /** Budget 10; approvals p0 = 5, p1 = 4, p2 = 3, p3 = 1; costs 6, 5, 4, 1. Greedy alone funds p0 and p2. */
    private static Instance example() {
        return Instances.approval(10, new long[]{6, 5, 4, 1},
                new int[]{0, 1, 2, 3}, new int[]{0, 1, 2}, new int[]{0, 1, 2}, new int[]{0, 1}, new int[]{0});
    }

    private static Outcome run(String rule, Map<String, String> options) {
        return Rules.build(rule, options).outcome(example(), TieBreak.DEFAULT);
    }

    @Test
    void theInitialProjectsAreFundedFirstAndTheRuleGoesOnWithWhatIsLeft() {
        assertThat(Instances.ids(example(), run("greedy", Map.of()))).containsExactly("p0", "p2");
        // p1 first (5 left): p0 (6) no longer fits, p2 (4) does, then p3 (1).
        Outcome o = run("greedy", Map.of("initial", "p1"));
        assertThat(Instances.ids(example(), o)).containsExactly("p1", "p2", "p3");
        assertThat(o.rule()).isEqualTo("greedy+initial=p1");
        assertThat(o.totalCost()).isEqualTo(10);
        Outcome.Verdict first = o.verdicts().getFirst();
        assertThat(first.project()).isEqualTo(1);
        assertThat(first.round()).isEqualTo(1);
        assertThat(first.reason()).isEqualTo(new GreedyReason.Initial(4, 10, 5));
        // Without skipping, the walk stops at p0, which no longer fits.
        assertThat(Instances.ids(example(), run("greedy-no-skip", Map.of("initial", "p1")))).containsExactly("p1");
    }

    @Test
    void anInitialProjectExcludesItsRivals() {
        Outcome o = run("greedy-exclusive", Map.of("exclusive", "p1,p0", "initial", "p1"));
        assertThat(Instances.ids(example(), o)).containsExactly("p1", "p2", "p3");
        assertThat(o.verdicts()).anySatisfy(v -> assertThat(v.reason()).isEqualTo(new GreedyReason.Excluded(5, 1)));
    }

    @Test
    void anUnknownOrTooDearAllocationAndOtherRulesAreRefused() {
        assertThatThrownBy(() -> run("greedy", Map.of("initial", "p1,x"))).hasMessage("the initial budget allocation names project 'x', which the file does not have");
        assertThatThrownBy(() -> run("greedy", Map.of("initial", "p0,p1"))).hasMessage("the initial budget allocation costs more than the budget (at project 'p1')");
        assertThatThrownBy(() -> run("greedy", Map.of("initial", " "))).hasMessage("initial needs project ids joined by ','");
        assertThatThrownBy(() -> run("mes", Map.of("initial", "p1"))).hasMessageContaining("has no option 'initial'");
    }
}
