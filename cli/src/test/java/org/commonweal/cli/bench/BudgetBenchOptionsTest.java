package org.commonweal.cli.bench;

import org.commonweal.cli.Console;
import org.commonweal.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The budgets benches refuse bad options with one clear line and exit 2, before starting any platform. */
class BudgetBenchOptionsTest {
    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    private static void refused(String message, String... args) {
        Run r = run(args);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void ballotsBenchNamesTheBadOption() {
        refused("--voters must be a whole number from 1 to 100000 (got '0')", "bench", "ballots", "--voters", "0");
        refused("--connections must be a whole number from 1 to 1024 (got 'many')", "bench", "ballots", "--connections", "many");
        refused("unknown option '--minutes' (expected --connections, --rate, --seconds, --voters, --warmup)", "bench", "ballots", "--minutes", "5");
        refused("--rate must be a whole number from 1 to 10000 (got '0')", "bench", "ballots", "--rate", "0");
        refused("--seconds must be a whole number from 0 to 600 (got '1h')", "bench", "ballots", "--seconds", "1h");
    }

    @Test
    void resultsBenchNamesTheBadOptionAndTheKnownRules() {
        refused("--ballots must be a whole number from 1 to 10000000 (got '-5')", "bench", "results", "--ballots", "-5");
        refused("--projects needs a value", "bench", "results", "--projects");
        refused("--rule must be one of", "bench", "results", "--rule", "coin-toss");
        assertThat(run("bench", "results", "--rule", "coin-toss").err()).contains("mes").contains("(got 'coin-toss')");
    }

    @Test
    void proposalsBenchNamesTheBadOption() {
        refused("--proposals must be a whole number from 1 to 1000000 (got '10k')", "bench", "proposals", "--proposals", "10k");
        refused("--requests must be a whole number from 1 to 100000 (got '0')", "bench", "proposals", "--requests", "0");
    }

    @Test
    void benchListsTheBudgetsBenches() {
        Run r = run("bench", "nothing");
        assertThat(r.err()).contains("ballots").contains("results").contains("proposals");
    }
}
