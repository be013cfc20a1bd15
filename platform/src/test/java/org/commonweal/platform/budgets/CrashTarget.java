package org.commonweal.platform.budgets;

import org.commonweal.platform.Platform;
import org.commonweal.platform.core.Config;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.demo.DemoData;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The platform as its own process for {@link AcknowledgedBallotSurvivesAppKillTest}: opens the data directory given
 * as the first argument, loads the demo, issues voting codes for the city-wide pot, serves on a free port and
 * prints one line "READY port process pot proposal,proposal code,code,...", then serves until it is killed.
 */
public final class CrashTarget {
    public static void main(String[] args) throws Exception {
        Config config = Config.fromEnvironment(Map.of("COMMONWEAL_DATA", args[0], "PORT", "0"), true);
        Platform platform = Platform.open(config);
        DemoData.loadIfEmpty(platform, line -> { });
        Jdbi jdbi = platform.database().jdbi();
        long potId = jdbi.withHandle(h -> h.createQuery("SELECT id FROM budget_pots WHERE name = 'City-wide fund'").mapTo(Long.class).one());
        Pot pot = platform.feature(org.commonweal.platform.budgets.BudgetsFeature.class).budgets().pot(potId).orElseThrow();
        List<String> codes = new BallotBox(jdbi, new BallotKeys(jdbi), platform.audit, platform.places, platform.accounts.residence()).issueCodes(pot, Integer.parseInt(args[1]), "csv", Actor.SYSTEM);
        List<Long> chosen = platform.feature(org.commonweal.platform.budgets.BudgetsFeature.class).proposals().feasible(potId).stream().limit(2).map(Proposal::id).toList();
        platform.start(0);
        System.out.println("READY " + platform.port() + " " + pot.processId() + " " + potId + " "
                + chosen.stream().map(String::valueOf).collect(Collectors.joining(",")) + " " + String.join(",", codes));
        System.out.flush();
        Thread.currentThread().join();
    }

    private CrashTarget() {
    }
}
