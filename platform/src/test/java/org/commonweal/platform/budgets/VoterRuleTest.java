package org.commonweal.platform.budgets;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each pot's rule of who may vote online: anyone who says they live in the area, verified residents, people on the voter
 * register, verified residents on the register. Refused residents see why and what to do, never a Vote link, and a
 * ballot sent anyway is refused with the reason and stores nothing (the cast checks the verification itself).
 */
class VoterRuleTest extends PlatformTestCase {
    static BudgetSetup setup;
    static long process, declared, verified, register, both, inDeclared, inVerified, inRegister, inBoth;
    static TestClient officer;
    static int residents;

    @BeforeAll
    static void prepare() {
        setup = new BudgetSetup(app);
        officer = app.signedInAs("officer");
        process = setup.createProcess(officer, "Riverside rules", "Riverside");
        declared = setup.addPot(officer, process, "Said pot", "Riverside", "100", "approval", Map.of());
        verified = setup.addPot(officer, process, "Verified pot", "Riverside", "100", "approval", Map.of("voters", "verified"));
        register = setup.addPot(officer, process, "Register pot", "Riverside", "100", "approval", Map.of("voters", "register"));
        both = setup.addPot(officer, process, "Both pot", "Riverside", "100", "approval", Map.of("voters", "verified-register"));
        setup.advanceTo(officer, process, Phase.IDEAS);
        TestClient author = app.signedInAs("resident");
        inDeclared = setup.propose(author, process, declared, "Said bench", "10", "Quayside");
        inVerified = setup.propose(author, process, verified, "Verified bench", "10", "Quayside");
        inRegister = setup.propose(author, process, register, "Register bench", "10", "Quayside");
        inBoth = setup.propose(author, process, both, "Both bench", "10", "Quayside");
        setup.advanceTo(officer, process, Phase.FEASIBILITY);
        for (long p : new long[]{inDeclared, inVerified, inRegister, inBoth}) setup.feasible(officer, process, p, "10");
        TestClient.Response before = officer.get("/budgets/" + process);
        assertThat(before.body()).as("the officer is warned before voting opens").contains("id=\"need-register-" + register + "\"")
                .contains("id=\"need-register-" + both + "\"").doesNotContain("id=\"need-register-" + declared + "\"");
        assertThat(app.signedInAs("resident").get("/budgets/" + process).body()).doesNotContain("need-register-");
        String path = "/budgets/" + process + "/pots/" + both + "/register";
        officer.get(path);
        TestClient.Response uploaded = BudgetSetup.postFile(app, officer, path, Map.of(), "register.csv", "identifier\nRR0001\nRR0002\n".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(officer.get("/budgets/" + process).body()).doesNotContain("id=\"need-register-" + both + "\"").contains("id=\"need-register-" + register + "\"");
        setup.advanceTo(officer, process, Phase.VOTING);
    }

    private static TestClient resident(String place) {
        return setup.resident("rules" + (++residents) + "@example.org", place);
    }

    private static long id(TestClient resident) {
        long n = residents;
        return app.platform.accounts.findByEmail("rules" + n + "@example.org").orElseThrow().id();
    }

    private static TestClient verifiedResident(String place) {
        TestClient c = resident(place);
        assertThat(app.platform.accounts.residence().verifyAtDesk(id(c), setup.place(place), "council-tax", new Actor(null, "test", "test"))).isEmpty();
        return c;
    }

    private static String potPath(long pot) {
        return "/budgets/" + process + "/pots/" + pot + "/vote";
    }

    private static TestClient.Response cast(TestClient voter, long pot, long proposal, String... more) {
        voter.get(potPath(pot));
        String[] pairs = new String[more.length + 2];
        pairs[0] = "choice";
        pairs[1] = String.valueOf(proposal);
        System.arraycopy(more, 0, pairs, 2, more.length);
        return BudgetSetup.postBody(app, voter, potPath(pot), BudgetSetup.ballot(voter, "cast", pairs));
    }

    private static long counted(long pot) {
        return app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + pot);
    }

    /** The demo shows every side: a pot for verified residents, one resident verified and one not in its area, a letter to print. */
    @Test
    void theDemoWalksThroughVerification() {
        long fund = app.count("SELECT id FROM budget_processes WHERE title = 'Riverford Community Fund'");
        long ward = app.count("SELECT id FROM budget_pots WHERE process_id = " + fund + " AND name = 'Riverside ward fund' AND voters = 'verified'");
        var residence = app.platform.accounts.residence();
        long amira = app.platform.accounts.findByEmail("amira@demo.commonweal.org").orElseThrow().id();
        long chidi = app.platform.accounts.findByEmail("chidi@demo.commonweal.org").orElseThrow().id();
        assertThat(residence.verifiedHome(amira)).as("amira verified at a desk").hasValueSatisfying(v -> assertThat(v.evidence()).isEqualTo("council-tax"));
        assertThat(residence.verifiedHome(chidi)).isEmpty();
        assertThat(residence.letter(chidi)).as("chidi's letter waits for the officer's batch").hasValueSatisfying(l -> assertThat(l.posted()).isFalse());
        assertThat(app.signedInAs("officer").get("/residence/letters").body()).contains("Chidi Okafor");

        TestClient amiraClient = app.signedInAs("resident");
        assertThat(amiraClient.get("/budgets/" + fund).body()).contains("/pots/" + ward + "/vote\">Vote<");
        TestClient orla = app.signedInAs("organiser");
        assertThat(orla.get("/budgets/" + fund).body()).as("Orla lives in Riverside, unverified").contains("Verify your home to vote");
        assertThat(orla.get("/budgets/" + fund + "/pots/" + ward + "/vote").body()).contains("How to become eligible");
    }

    @Test
    void existingAndUnsetPotsKeepTodaysRule() {
        assertThat(app.count("SELECT count(*) FROM budget_pots WHERE id = " + declared + " AND voters = 'declared'")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM budget_pots WHERE voters <> 'declared' AND name NOT IN ('Verified pot', 'Register pot', 'Both pot', 'Riverside ward fund')"))
                .as("pots made before the rule, or without choosing one, let anyone who lives in the area vote").isZero();
        TestClient said = resident("Ferry Row");
        assertThat(cast(said, declared, inDeclared).status()).isEqualTo(200);
    }

    @Test
    void theOfficerSetsTheRuleOnThePotFormAndThePageSaysItInWords() {
        TestClient.Response form = officer.get("/budgets/" + process + "/pots/new");
        assertThat(form.body()).contains("Who can vote online").contains("Residents whose home is verified").contains("People on the voter register");
        TestClient.Response page = app.client().get("/budgets/" + process);
        assertThat(page.body()).contains("Residents of Riverside and the places within it").contains("Verified residents of Riverside and the places within it")
                .contains("People of Riverside on the voter register").contains("Verified residents of Riverside on the voter register");
        assertThat(app.client().get(potPath(verified)).status()).as("a visitor is sent to sign in").isEqualTo(302);
        officer.get("/budgets/" + process + "/pots/new");
        TestClient.Response bad = officer.post("/budgets/" + process + "/pots", Map.of("name", "Odd pot", "place", String.valueOf(setup.place("Riverside")),
                "amount", "100", "currency", "GBP", "ballotType", "approval", "rule", "greedy", "tieBreak", "", "tieSeed", "1", "voters", "everyone"));
        assertThat(bad.status()).isEqualTo(422);
    }

    @Test
    void verifiedPotsTakeVerifiedResidentsOnlyAndTellTheOthersHowToBecomeEligible() {
        TestClient unverified = resident("Quayside");
        TestClient.Response list = unverified.get("/budgets/" + process);
        assertThat(list.body()).contains("Verify your home to vote").contains("Why, and what to do")
                .doesNotContain("/pots/" + verified + "/vote\">Vote<");
        assertThat(list.body()).as("the pot they may vote in keeps its Vote link").contains("/pots/" + declared + "/vote\">Vote<");

        TestClient.Response why = unverified.get(potPath(verified));
        assertThat(why.status()).isEqualTo(200);
        assertThat(why.body()).contains("only for residents whose home is verified").contains("How to become eligible")
                .contains("href=\"/account/residence/letter\"").contains("href=\"/account#residence\"").contains("council desk")
                .doesNotContain("name=\"step\"");

        TestClient.Response refused = cast(unverified, verified, inVerified);
        assertThat(refused.status()).as("a ballot sent anyway is refused, with the reason").isEqualTo(403);
        assertThat(refused.body()).contains("only for residents whose home is verified");
        assertThat(counted(verified)).isZero();

        TestClient.Response home = unverified.get("/");
        assertThat(home.body()).contains("Verified pot").contains("Verify your home to vote");

        TestClient ok = verifiedResident("Quayside");
        assertThat(ok.get("/budgets/" + process).body()).contains("/pots/" + verified + "/vote\">Vote<");
        TestClient.Response cast = cast(ok, verified, inVerified);
        assertThat(cast.status()).as(cast.body()).isEqualTo(200);
        BudgetSetup.receipt(cast);
        assertThat(counted(verified)).isEqualTo(1);

        TestClient elsewhere = verifiedResident("Castle Hill");
        assertThat(cast(elsewhere, verified, inVerified).status()).as("verified, but not in the area").isEqualTo(403);
        assertThat(counted(verified)).isEqualTo(1);
    }

    @Test
    void movingHomeDropsTheVerificationAndWithItTheVote() {
        TestClient mover = verifiedResident("Old Wharf");
        long moverId = id(mover);
        mover.get("/account");
        assertThat(mover.post("/account", Map.of("name", "Mover", "homePlace", String.valueOf(setup.place("Ferry Row")), "dropVerification", "yes"))
                .status()).isEqualTo(302);
        assertThat(app.platform.accounts.residence().verifiedHome(moverId)).isEmpty();
        long before = counted(verified);
        TestClient.Response refused = cast(mover, verified, inVerified);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("only for residents whose home is verified");
        assertThat(counted(verified)).isEqualTo(before);
    }

    @Test
    void aRegisterRuleWaitsForTheRegisterAndTheCombinationAsksForBoth() {
        TestClient said = resident("Ferry Row");
        TestClient.Response waiting = said.get(potPath(register));
        assertThat(waiting.body()).contains("has not uploaded the register yet");
        assertThat(cast(said, register, inRegister).status()).isEqualTo(403);
        assertThat(counted(register)).isZero();

        assertThat(said.get(potPath(both)).body()).contains("only for residents whose home is verified");
        assertThat(cast(said, both, inBoth, "identifier", "RR0001").status()).as("on the register but not verified").isEqualTo(403);
        TestClient ok = verifiedResident("Ferry Row");
        assertThat(cast(ok, both, inBoth).status()).as("verified but no identifier").isEqualTo(422);
        TestClient.Response cast = cast(ok, both, inBoth, "identifier", "RR0002");
        assertThat(cast.status()).as(cast.body()).isEqualTo(200);
        assertThat(counted(both)).isEqualTo(1);
        assertThat(counted(register)).isZero();
    }
}
