package org.commonweal.pb;

import org.commonweal.pb.pabulib.PabulibReader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesTest {
    private static Instance withMetaRule(String rule) {
        return PabulibReader.parse("META\nkey;value\nbudget;5\nrule;" + rule + "\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a\n", "r.pb");
    }

    @Test
    void everyListedNameBuildsTheRuleOfThatName() {
        assertThat(Rules.names()).containsExactly("greedy", "greedy-no-skip", "greedy-threshold", "greedy-cost", "greedy-exclusive", "mes", "phragmen", "phragmen-no-skip", "max-welfare", "maximin-support");
        for (String name : Rules.names()) {
            String expected = name.equals("mes") ? "equalshares/add1" : name;
            assertThat(Rules.build(name, Map.of()).name()).isEqualTo(expected);
        }
    }

    @Test
    void anUnknownNameIsRejectedWithTheNamesThatExist() {
        assertThatThrownBy(() -> Rules.build("borda", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown rule 'borda' (expected one of greedy, greedy-no-skip, greedy-threshold, greedy-cost");
    }

    @Test
    void greedyRulesRefuseOptionsRatherThanIgnoreThem() {
        assertThatThrownBy(() -> Rules.build("greedy", Map.of("completion", "add1")))
                .hasMessage("rule greedy takes only the option initial, but got completion");
    }

    @Test
    void theMetaRuleOfAFileIsBuiltWhenImplementedAndEmptyOtherwise() {
        assertThat(Rules.forMeta(withMetaRule("greedy-no-skip"))).get().extracting(Rule::name).isEqualTo("greedy-no-skip");
        assertThat(Rules.forMeta(withMetaRule("greedy-custom"))).isEmpty();
        assertThat(Rules.forMeta(withMetaRule("unknown"))).isEmpty();
        assertThat(Rules.forMeta(withMetaRule("equalshares/add1-comparison"))).get().extracting(Rule::name).isEqualTo("equalshares/add1-comparison");
    }

    @Test
    void equalSharesOptionsOverrideTheDefaultAdd1AndTyposAreRefused() {
        assertThat(Rules.build("mes", Map.of("completion", "add1-max", "comparison", "true")).name()).isEqualTo("equalshares/add1-max-comparison");
        assertThat(Rules.build("max-welfare", Map.of("utility", "cost")).name()).isEqualTo("max-welfare[cost]");
        assertThatThrownBy(() -> Rules.build("mes", Map.of("completon", "add1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rules.build("phragmen", Map.of("utility", "cost"))).hasMessage("rule phragmen takes only the option unsupported, but got utility");
    }
}
