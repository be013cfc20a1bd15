package org.commonweal.platform.home;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page leads somewhere: what is open now from every feature, the figures, and a resident's own votes. */
class HomePageTest extends PlatformTestCase {

    @Test
    void aVisitorSeesWhatIsOpenNowAndHowManyTakePart() {
        String home = app.client().get("/").body();
        assertThat(home).contains("Votes open now").contains("Riverford Community Fund").contains("Voting closes on")
                .contains("Consultations open now").contains("Answers are taken until")
                .contains("Coming up").contains("Top of the agenda this month")
                .contains("residents taking part").contains("ballots cast in local budgets")
                .doesNotContain("Your votes still to cast").doesNotContain("News from what you follow");
        long accounts = app.count("SELECT count(*) FROM accounts");
        assertThat(home).contains("<span class=\"cw-figure__value\">" + accounts + "</span>");
    }

    @Test
    void aResidentSeesTheVotesTheyCanStillCastUntilTheyHaveCastThem() {
        TestClient chidi = app.signedInAs("resident");
        String before = chidi.get("/").body();
        assertThat(before).contains("Your votes still to cast").contains("City-wide fund");
        long process = app.count("SELECT id FROM budget_processes WHERE title = 'Riverford Community Fund'");
        long city = app.count("SELECT id FROM budget_pots WHERE name = 'City-wide fund'");
        long proposal = app.count("SELECT min(id) FROM budget_proposals WHERE pot_id = " + city + " AND status = 'feasible'");
        chidi.get("/budgets/" + process + "/pots/" + city + "/vote");
        TestClient.Response cast = chidi.post("/budgets/" + process + "/pots/" + city + "/vote", Map.of("step", "cast", "choice", String.valueOf(proposal)));
        assertThat(cast.status()).isIn(200, 302);
        String after = chidi.get("/").body();
        assertThat(after).doesNotContain("/budgets/" + process + "/pots/" + city + "/vote\"");
    }
}
