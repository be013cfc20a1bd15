package org.commonweal.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo").contains("serve").contains("migrate").contains("bench");
    }

    @Test
    void anUnknownCommandIsNamedWithoutAStackTrace() {
        Run r = run("frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("commonweal: unknown command 'frobnicate'. Run 'commonweal help'.\n");
    }

    @Test
    void serveRefusesArgumentsBecauseSettingsComeFromTheEnvironment() {
        Run r = run("serve", "--port", "80");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("takes no arguments").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void benchOptionsAreCheckedWithClearMessages() {
        assertThat(run("bench", "http", "--connections", "lots").err()).contains("--connections must be a whole number from 1 to 1024 (got 'lots')");
        assertThat(run("bench", "http", "--colour", "red").err()).contains("unknown option '--colour' (expected --connections, --path, --seconds, --warmup)");
        assertThat(run("bench", "nothing").err()).contains("unknown bench 'nothing'");
    }
}
