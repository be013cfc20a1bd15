package org.commonweal.platform.budgets;

import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phases switching on their planned dates when the officer asked for it, and only then: by a background job that runs
 * on one instance at a time, with no one visiting the budget's pages.
 */
class PhaseScheduleTest {
    private static final Map<String, String> EVERY_SECOND = Map.of("JOBS_POLL_SECONDS", "1", "PHASE_CHECK_SECONDS", "1");
    /** A job that, once past its first run at start-up, does not come back during the test. */
    private static final Map<String, String> HOURLY = Map.of("JOBS_POLL_SECONDS", "3600", "PHASE_CHECK_SECONDS", "3600");

    private static String phase(TestApp app, long process) {
        return app.database.jdbi().withHandle(h -> h.createQuery("SELECT phase FROM budget_processes WHERE id = :id").bind("id", process)
                .mapTo(String.class).one());
    }

    private static Map<String, String> pastDates(LocalDate today) {
        return Map.of("information.ends", today.minusDays(3).toString(), "ideas.starts", today.minusDays(2).toString(),
                "ideas.ends", today.minusDays(1).toString(), "drafting.starts", today.toString(), "drafting.ends", today.plusDays(5).toString());
    }

    private static void waitFor(TestApp app, long process, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!phase(app, process).equals(expected) && System.nanoTime() < deadline) Thread.sleep(100);
    }

    @Test
    void twoInstancesOnOneDatabaseOpenEachDuePhaseOnceWithoutAnyPageBeingVisited() throws Exception {
        try (TestApp first = TestApp.start(EVERY_SECOND); TestApp second = first.anotherInstance(EVERY_SECOND)) {
            BudgetSetup setup = new BudgetSetup(first);
            TestClient officer = first.signedInAs("officer");
            LocalDate today = LocalDate.now(BudgetsFeature.COUNCIL_ZONE);
            long byHand = setup.createProcess(officer, "Switched by hand", "Riverside");
            officer.get("/budgets/" + byHand);
            assertThat(officer.post("/budgets/" + byHand + "/dates", pastDates(today)).status()).isEqualTo(302);

            long automatic = setup.createProcess(officer, "Scheduled", "Riverside");
            Map<String, String> dates = new HashMap<>(pastDates(today));
            dates.put("autoAdvance", "on");
            officer.get("/budgets/" + automatic);
            assertThat(officer.post("/budgets/" + automatic + "/dates", dates).status()).isEqualTo(302);

            waitFor(second, automatic, "drafting");
            assertThat(phase(second, automatic)).as("ideas and drafting opened by the job").isEqualTo("drafting");
            Thread.sleep(2_500); // more runs, on both instances, find nothing more to do
            assertThat(phase(first, automatic)).as("drafting ends in five days").isEqualTo("drafting");
            assertThat(phase(first, byHand)).as("switching is by hand unless asked for").isEqualTo("information");
            assertThat(first.count("SELECT count(*) FROM audit_log WHERE action = 'budget.phase.opened' AND subject = 'budget:" + automatic
                    + "' AND actor_id IS NULL AND detail LIKE '%(planned dates)'")).as("each phase opened once").isEqualTo(2);
            assertThat(first.count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'budget-phases'")).isEqualTo(1);
            assertThat(officer.get("/budgets/" + automatic).body()).contains("Stages switch automatically on the planned dates.");
        }
    }

    @Test
    void aBallotAfterVotingsEndDateIsRefusedBeforeTheJobHasMovedThePhase() throws Exception {
        try (TestApp app = TestApp.start(HOURLY)) {
            BudgetSetup setup = new BudgetSetup(app);
            TestClient officer = app.signedInAs("officer");
            long process = setup.createProcess(officer, "Late ballots", "Riverside");
            long pot = setup.addPot(officer, process, "Riverside pot", "Riverside", "10000", "approval", Map.of());
            setup.advanceTo(officer, process, Phase.IDEAS);
            TestClient resident = setup.resident("late.voter@example.org", "Riverside");
            long proposal = setup.propose(resident, process, pot, "Benches", "2000", "Riverside");
            setup.advanceTo(officer, process, Phase.FEASIBILITY);
            setup.feasible(officer, process, proposal, "2000");
            setup.advanceTo(officer, process, Phase.VOTING);
            LocalDate today = LocalDate.now(BudgetsFeature.COUNCIL_ZONE);
            officer.get("/budgets/" + process);
            assertThat(officer.post("/budgets/" + process + "/dates", Map.of("voting.starts", today.minusDays(7).toString(),
                    "voting.ends", today.minusDays(1).toString(), "autoAdvance", "on")).status()).isEqualTo(302);
            assertThat(phase(app, process)).as("the job has not run since").isEqualTo("voting");

            resident.get("/budgets/" + process + "/pots/" + pot + "/vote");
            TestClient.Response cast = BudgetSetup.postBody(app, resident, "/budgets/" + process + "/pots/" + pot + "/vote",
                    BudgetSetup.ballot(resident, "cast", "choice", String.valueOf(proposal)));
            assertThat(cast.status()).isNotIn(200, 302);
            assertThat(app.count("SELECT count(*) FROM budget_ballots WHERE pot_id = " + pot)).isZero();
        }
    }
}
