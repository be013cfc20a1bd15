package org.commonweal.platform.budgets;

import org.commonweal.platform.Platform;
import org.commonweal.platform.core.Config;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.demo.DemoData;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ballot whose receipt was handed to the voter is durable: the database server is killed without a shutdown
 * (so nothing gets flushed on the way out) right after the receipt, and after a restart the ballot is counted.
 */
@Tag("slow")
class AcknowledgedBallotSurvivesRestartTest {
    @Test
    void aBallotWithAReceiptIsCountedAfterTheDatabaseServerIsKilledAndRestarted(@TempDir Path dir) throws Exception {
        Config config = Config.fromEnvironment(Map.of("COMMONWEAL_DATA", dir.toString(), "PORT", "0"), true);
        String receipt;
        long potId;
        Platform first = Platform.open(config);
        try {
            DemoData.loadIfEmpty(first, line -> { });
            Jdbi jdbi = first.database().jdbi();
            Pot pot = cityPot(first);
            potId = pot.id();
            BallotBox box = new BallotBox(jdbi, new BallotKeys(jdbi), first.audit, first.places, first.accounts.residence());
            String code = box.issueCodes(pot, 1, "csv", Actor.SYSTEM).get(0);
            List<Long> chosen = first.feature(BudgetsFeature.class).proposals().feasible(pot.id()).stream().limit(2).map(Proposal::id).toList();
            receipt = box.cast(pot, Voter.withCode(code), new BallotChoice(chosen, null)).orElseThrow();
            killServer(dir.resolve("postgres"));
        } finally {
            closeAfterKill(first);
        }
        try (Platform second = Platform.open(config)) {
            Jdbi jdbi = second.database().jdbi();
            BallotBox box = new BallotBox(jdbi, new BallotKeys(jdbi), second.audit, second.places, second.accounts.residence());
            assertThat(box.check(receipt)).isEqualTo(BallotBox.ReceiptStatus.COUNTED);
            assertThat(box.turnout(potId)).isEqualTo(1);
        }
    }

    private static Pot cityPot(Platform platform) {
        Jdbi jdbi = platform.database().jdbi();
        long id = jdbi.withHandle(h -> h.createQuery("SELECT id FROM budget_pots WHERE name = :n").bind("n", "City-wide fund").mapTo(Long.class).one());
        return platform.feature(org.commonweal.platform.budgets.BudgetsFeature.class).budgets().pot(id).orElseThrow();
    }

    /** SIGKILL to the postmaster and its backends: the crash a power cut causes for the server, minus the OS cache. */
    private static void killServer(Path pgData) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle b : backends) {
            b.destroyForcibly();
            b.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** The server is already gone, so its orderly stop has nothing to stop; the pool and threads still close. */
    private static void closeAfterKill(Platform platform) {
        try {
            platform.close();
        } catch (Exception expected) {
            // pg_ctl reports that no server is running, which is the state this test created on purpose.
        }
    }
}
