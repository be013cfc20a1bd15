package org.commonweal.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentsTest {
    private static final Set<String> VALUED = Set.of("seats", "rule");
    private static final Set<String> SWITCHES = Set.of("json");

    private static Arguments parse(String... args) throws UsageException {
        return Arguments.parse(List.of(args), VALUED, SWITCHES);
    }

    private static void refused(String message, String... args) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(UsageException.class).hasMessage(message);
    }

    @Test
    void positionalWordsKeepTheirOrderAmongOptions() throws Exception {
        Arguments a = parse("a.blt", "--rule", "meek", "b.blt", "--json", "c.blt");
        assertThat(a.positional()).containsExactly("a.blt", "b.blt", "c.blt");
        assertThat(a.text("rule", "scottish")).isEqualTo("meek");
        assertThat(a.has("json")).isTrue();
    }

    @Test
    void aValueFollowsTheNameEitherAfterEqualsOrAsTheNextWord() throws Exception {
        assertThat(parse("--seats=1").integer("seats", 0, 0, 10)).isEqualTo(1);
        assertThat(parse("--seats", "1").integer("seats", 0, 0, 10)).isEqualTo(1);
        assertThat(parse("--rule=").text("rule", "scottish")).isEmpty();
        assertThat(parse("--seats", "-3").number("seats", 0)).isEqualTo(-3);
    }

    @Test
    void aSwitchIsPresentOrAbsentAndTakesNoValue() throws Exception {
        assertThat(parse("--json").has("json")).isTrue();
        assertThat(parse("x").has("json")).isFalse();
        refused("--json takes no value", "--json=yes");
    }

    @Test
    void anUnknownOptionIsRefusedListingTheAcceptedOnesSorted() {
        refused("unknown option '--colour' (expected --json, --rule, --seats)", "--colour", "red");
        refused("unknown option '--seat' (expected --json, --rule, --seats)", "--seat=3");
    }

    @Test
    void aValuedOptionAtTheEndWithoutItsValueIsRefused() {
        refused("--seats needs a value", "a.blt", "--seats");
    }

    @Test
    void numbersAreCheckedAgainstTheirRangeAndDefaultWhenAbsent() throws Exception {
        assertThat(parse().integer("seats", 5, 1, 100)).isEqualTo(5);
        assertThat(parse().number("seats", 7L)).isEqualTo(7L);
        assertThatThrownBy(() -> parse("--seats", "0").integer("seats", 5, 1, 100))
                .isInstanceOf(UsageException.class).hasMessage("--seats must be a whole number from 1 to 100 (got '0')");
        assertThatThrownBy(() -> parse("--seats", "many").number("seats", 5, 1, 100))
                .isInstanceOf(UsageException.class).hasMessage("--seats must be a whole number from 1 to 100 (got 'many')");
        assertThatThrownBy(() -> parse("--seats", "1.5").number("seats", 5))
                .isInstanceOf(UsageException.class).hasMessage("--seats must be a whole number (got '1.5')");
        assertThatThrownBy(() -> parse("--seats", "99999999999").integer("seats", 5, 1, Integer.MAX_VALUE))
                .isInstanceOf(UsageException.class).hasMessage("--seats must be a whole number from 1 to 2147483647 (got '99999999999')");
    }

    @Test
    void aValueReadElsewhereIsRefusedInTheSameWords() {
        assertThatThrownBy(() -> Arguments.wholeNumber("seats", "x", 0, 9))
                .isInstanceOf(UsageException.class).hasMessage("--seats must be a whole number from 0 to 9 (got 'x')");
    }

    @Test
    void aRequiredOptionThatIsMissingIsNamed() throws Exception {
        assertThat(parse("--rule", "meek").required("rule")).isEqualTo("meek");
        assertThatThrownBy(() -> parse("a.blt").required("rule"))
                .isInstanceOf(UsageException.class).hasMessage("missing --rule");
    }

    @Test
    void aCommandWithoutPositionalWordsRefusesAStrayOne() throws Exception {
        parse("--json").noPositional();
        assertThatThrownBy(() -> parse("--json", "extra").noPositional())
                .isInstanceOf(UsageException.class).hasMessage("unexpected argument 'extra'");
    }
}
