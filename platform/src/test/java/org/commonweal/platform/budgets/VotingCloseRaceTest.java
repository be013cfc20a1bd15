package org.commonweal.platform.budgets;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing voting while ballots are arriving: every ballot is either in the count or refused, never stored after it. */
class VotingCloseRaceTest extends PlatformTestCase {

    @Test
    void ballotsCastWhileVotingClosesAreEitherCountedOrRefusedAndTheCountMatchesTheBox() throws Exception {
        BudgetSetup setup = new BudgetSetup(app);
        TestClient officer = app.signedInAs("officer");
        long process = setup.createProcess(officer, "Race", "Riverside");
        long pot = setup.addPot(officer, process, "Race pot", "Riverside", "100", "approval", Map.of());
        setup.advanceTo(officer, process, Phase.IDEAS);
        long idea = setup.propose(app.signedInAs("resident"), process, pot, "Idea", "10", "Quayside");
        setup.advanceTo(officer, process, Phase.FEASIBILITY);
        setup.feasible(officer, process, idea, "10");
        setup.advanceTo(officer, process, Phase.VOTING);

        List<TestClient> voters = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            app.platform.limiter.reset();
            TestClient v = setup.resident("race" + i + "@example.org", "Ferry Row");
            v.get("/budgets/" + process + "/pots/" + pot + "/vote");
            voters.add(v);
        }
        officer.get("/budgets/" + process);
        String path = "/budgets/" + process + "/pots/" + pot + "/vote";
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestClient.Response>> casts = new ArrayList<>();
        Future<TestClient.Response> close;
        try (ExecutorService pool = Executors.newFixedThreadPool(31)) {
            for (TestClient v : voters) {
                String body = BudgetSetup.ballot(v, "cast", "choice", String.valueOf(idea));
                casts.add(pool.submit(() -> {
                    go.await();
                    return BudgetSetup.postBody(app, v, path, body);
                }));
            }
            close = pool.submit(() -> {
                go.await();
                return officer.post("/budgets/" + process + "/phase", Map.of("from", "voting", "confirm", "yes"));
            });
            go.countDown();
        }
        assertThat(close.get().status()).isEqualTo(302);
        int receipts = 0;
        for (Future<TestClient.Response> f : casts) {
            TestClient.Response r = f.get();
            assertThat(r.status()).isIn(200, 403);
            if (r.status() == 200) receipts++;
        }
        long inBox = app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + pot);
        long counted = app.count("SELECT ballots_counted FROM budget_results WHERE pot_id = " + pot);
        assertThat(inBox).as("every receipt is a ballot in the box").isEqualTo(receipts);
        assertThat(counted).as("the count saw every ballot in the box").isEqualTo(inBox);
    }

    @Test
    void aPotWithNoProposalsOrBallotsClosesWithAnEmptyPublishedResult() {
        BudgetSetup setup = new BudgetSetup(app);
        TestClient officer = app.signedInAs("officer");
        long process = setup.createProcess(officer, "Quiet", "Northgate");
        long pot = setup.addPot(officer, process, "Quiet pot", "Northgate", "500", "cumulative", Map.of("maxPoints", "5"));
        setup.advanceTo(officer, process, Phase.RESULTS);
        String results = app.client().get("/budgets/" + process + "/pots/" + pot + "/results").body();
        assertThat(results).contains("id=\"spent\">£0.00<").contains("id=\"left\">£500.00<");
        assertThat(app.client().get("/budgets/" + process + "/pots/" + pot + "/votes.pb").body()).contains("vote_type;cumulative").contains("num_votes;0");
    }
}
