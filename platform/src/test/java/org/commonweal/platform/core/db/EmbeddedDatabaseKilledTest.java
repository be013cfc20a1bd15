package org.commonweal.platform.core.db;

import org.commonweal.platform.Platform;
import org.commonweal.platform.budgets.CrashTarget;
import org.commonweal.platform.core.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the embedded PostgreSQL under a running platform: the platform exits with
 * {@link Database#EXIT_DATABASE_STOPPED} (instead of serving errors until someone restarts it), and the restart a
 * supervisor then does finds the data directory whole.
 */
class EmbeddedDatabaseKilledTest {

    @Test
    void thePlatformExitsForItsSupervisorAndStartsAgainOnTheSameData(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process app = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashTarget.class.getName(), dir.toString(), "1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitReady(app);
            long pid = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL to the postmaster
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the platform exits").isTrue();
            assertThat(app.exitValue()).isEqualTo(Database.EXIT_DATABASE_STOPPED);
        } finally {
            if (app.isAlive()) app.destroyForcibly();
        }
        Config config = Config.fromEnvironment(Map.of("COMMONWEAL_DATA", dir.toString(), "PORT", "0"), true);
        try (Platform again = Platform.open(config)) {
            assertThat(again.database().isReachable()).isTrue();
            long pots = again.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM budget_pots").mapTo(Long.class).one());
            assertThat(pots).as("the demo data from before the kill").isPositive();
        }
    }

    private static void awaitReady(Process app) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) return;
        }
        throw new AssertionError("the platform process did not start (exit " + app.waitFor() + ")");
    }
}
