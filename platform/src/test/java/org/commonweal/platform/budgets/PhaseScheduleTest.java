package org.commonweal.platform.budgets;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Phases switching on their planned dates when the officer asked for it, and only then. */
class PhaseScheduleTest extends PlatformTestCase {

    private static String phase(long process) {
        return app.database.jdbi().withHandle(h -> h.createQuery("SELECT phase FROM budget_processes WHERE id = :id").bind("id", process)
                .mapTo(String.class).one());
    }

    @Test
    void onAutomaticSwitchingEveryPhaseWhoseDatesHavePassedOpensBeforeThePageIsServed() {
        BudgetSetup setup = new BudgetSetup(app);
        TestClient officer = app.signedInAs("officer");
        long process = setup.createProcess(officer, "Scheduled", "Riverside");
        LocalDate today = LocalDate.now(BudgetsFeature.COUNCIL_ZONE);
        Map<String, String> dates = Map.of("information.ends", today.minusDays(3).toString(), "ideas.starts", today.minusDays(2).toString(),
                "ideas.ends", today.minusDays(1).toString(), "drafting.starts", today.toString(), "drafting.ends", today.plusDays(5).toString());
        officer.get("/budgets/" + process);
        assertThat(officer.post("/budgets/" + process + "/dates", dates).status()).isEqualTo(302);
        assertThat(app.client().get("/budgets/" + process).status()).isEqualTo(200);
        assertThat(phase(process)).as("switching is by hand unless asked for").isEqualTo("information");

        officer.get("/budgets/" + process);
        Map<String, String> automatic = new java.util.HashMap<>(dates);
        automatic.put("autoAdvance", "on");
        assertThat(officer.post("/budgets/" + process + "/dates", automatic).status()).isEqualTo(302);
        String page = app.client().get("/budgets/" + process).body();
        assertThat(phase(process)).isEqualTo("drafting");
        assertThat(page).contains("Stages switch automatically on the planned dates.");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.phase.opened' AND actor_id IS NULL AND detail LIKE '%(planned dates)'"))
                .isEqualTo(2);
        app.client().get("/budgets/" + process + "/proposals");
        assertThat(phase(process)).as("drafting ends in five days").isEqualTo("drafting");
    }
}
