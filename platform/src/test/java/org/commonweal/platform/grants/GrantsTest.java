package org.commonweal.platform.grants;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Grants over HTTP: who may apply, budget lines, closing days, conflicts of interest, scoring, decisions and the residents' vote. */
class GrantsTest extends PlatformTestCase {
    private static long foodBank, energy, council;

    @BeforeAll
    static void prepare() {
        foodBank = app.count("SELECT id FROM groups WHERE name = 'Riverford Food Bank'");
        energy = app.count("SELECT id FROM groups WHERE name = 'Quayside Community Energy'");
        council = app.count("SELECT min(id) FROM places");
    }

    static TestClient resident(String name) {
        TestClient c = app.client();
        c.signIn(name + "@demo.commonweal.org", "demo-resident-pass");
        return c;
    }

    /** A programme open today for £500 to £5,000 (or the largest award given), with two criteria (Need weighs 3, Reach 1). */
    static long programme(TestClient officer, String title, String pot) {
        return programme(officer, title, pot, "5,000");
    }

    static long programme(TestClient officer, String title, String pot, String maxAward) {
        officer.get("/grants/new");
        LocalDate today = LocalDate.now(Applications.ZONE);
        TestClient.Response r = officer.post("/grants", new HashMap<>(Map.of("title", title, "description", "Money for groups.", "pot", pot,
                "minAward", "500", "maxAward", maxAward, "place", String.valueOf(council), "opensOn", today.toString(),
                "closesOn", today.plusDays(10).toString(), "decisionsBy", today.plusDays(20).toString(),
                "criteria", "Need | 3 | Is the need shown?\nReach | 1")));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring("/grants/".length()));
    }

    static Map<String, String> application(long group, String title, String amount, String lines, String action) {
        return new HashMap<>(Map.of("group", String.valueOf(group), "title", title, "amount", amount, "purpose", "We will do good things.",
                "outcomes", "Neighbours will be better off.", "lines", lines, "action", action));
    }

    static long submit(TestClient ben, long programme, String title, String amount) {
        ben.get("/grants/" + programme + "/apply");
        TestClient.Response r = ben.post("/grants/" + programme + "/apply", application(foodBank, title, amount, "Everything | " + amount, "submit"));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring("/grants/applications/".length()));
    }

    private static long criterion(long programme, String name) {
        return app.count("SELECT id FROM grant_criteria WHERE programme_id = " + programme + " AND name = '" + name + "'");
    }

    @Test
    void onlyAVerifiedGroupsAdminAppliesAndTheRefusalSaysWhy() {
        long p = programme(app.signedInAs("officer"), "Who may apply", "10,000");
        TestClient amira = resident("amira");
        String page = amira.get("/grants/" + p + "/apply").body();
        assertThat(page).contains("cannot apply yet because the council has not verified them").contains("Quayside Community Energy")
                .contains("an officer then checks it against the register");
        TestClient.Response unverified = amira.post("/grants/" + p + "/apply", application(energy, "Solar roof", "2,000", "Panels | 2,000", "submit"));
        assertThat(unverified.status()).isEqualTo(422);
        assertThat(unverified.body()).contains("Quayside Community Energy is not verified yet");
        // Chidi is the food bank's secretary but not one of its admins.
        TestClient chidi = resident("chidi");
        chidi.get("/grants/" + p + "/apply");
        TestClient.Response notAdmin = chidi.post("/grants/" + p + "/apply", application(foodBank, "Fridge", "2,000", "Fridge | 2,000", "submit"));
        assertThat(notAdmin.status()).isEqualTo(422);
        assertThat(notAdmin.body()).contains("You do not run Riverford Food Bank: only its admins can apply for it");
        assertThat(app.count("SELECT count(*) FROM grant_applications WHERE programme_id = " + p)).isZero();
        // A visitor is sent to sign in; the form is never shown to nobody.
        assertThat(app.client().get("/grants/" + p + "/apply").status()).isEqualTo(302);
    }

    @Test
    void budgetLinesMustAddUpAndAnErrorNamesTheLineThenADraftIsSubmitted() {
        long p = programme(app.signedInAs("officer"), "Budget lines", "10,000");
        TestClient ben = resident("ben");
        ben.get("/grants/" + p + "/apply");
        TestClient.Response sum = ben.post("/grants/" + p + "/apply", application(foodBank, "Fridge", "1,000", "Fridge | 600\nFitting | 300", "draft"));
        assertThat(sum.status()).isEqualTo(422);
        assertThat(sum.body()).contains("The budget lines add up to £900.00, not the £1,000.00 you ask for").contains("href=\"#lines\"");
        TestClient.Response line = ben.post("/grants/" + p + "/apply", application(foodBank, "Fridge", "1,000", "Fridge | 600\nFitting | lots", "draft"));
        assertThat(line.body()).contains("Budget line 2 (Fitting): enter its cost in pounds");
        TestClient.Response range = ben.post("/grants/" + p + "/apply", application(foodBank, "Fridge", "9,000", "Fridge | 9,000", "draft"));
        assertThat(range.body()).contains("Ask for between £500.00 and £5,000.00");
        assertThat(app.count("SELECT count(*) FROM grant_applications WHERE programme_id = " + p)).isZero();

        TestClient.Response draft = ben.post("/grants/" + p + "/apply", application(foodBank, "Fridge", "1,000", "Fridge | 700\nFitting | 300", "draft"));
        assertThat(draft.status()).as(draft.body()).isEqualTo(302);
        long id = Long.parseLong(draft.location().substring("/grants/applications/".length()));
        assertThat(app.count("SELECT count(*) FROM grant_applications WHERE id = " + id + " AND status = 'draft'")).isEqualTo(1);
        // A draft is the group's alone: the officer does not see it yet.
        assertThat(app.signedInAs("officer").get("/grants/applications/" + id).status()).isEqualTo(404);
        ben.get("/grants/applications/" + id + "/edit");
        TestClient.Response submitted = ben.post("/grants/applications/" + id, application(foodBank, "Fridge", "1,200", "Fridge | 900\nFitting | 300", "submit"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(302);
        assertThat(app.count("SELECT amount FROM grant_applications WHERE id = " + id + " AND status = 'submitted'")).isEqualTo(120_000);
        assertThat(app.count("SELECT sum(amount) FROM grant_budget_lines WHERE application_id = " + id)).isEqualTo(120_000);
        TestClient.Response again = ben.post("/grants/applications/" + id, application(foodBank, "Fridge", "1,200", "Fridge | 1,200", "draft"));
        assertThat(again.status()).as("submitted is final").isEqualTo(409);
    }

    @Test
    void afterTheClosingDayApplicationsAreRefusedWithTheReason() {
        long p = programme(app.signedInAs("officer"), "Closed fund", "10,000");
        app.database.jdbi().useHandle(h -> h.execute(
                "UPDATE grant_programmes SET opens_on = current_date - 10, closes_on = current_date - 1 WHERE id = ?", p));
        TestClient ben = resident("ben");
        LocalDate yesterday = LocalDate.now(Applications.ZONE).minusDays(1);
        assertThat(ben.get("/grants/" + p + "/apply").body()).contains("Applications closed on " + org.commonweal.platform.core.i18n.Messages.ENGLISH.date(yesterday))
                .doesNotContain(yesterday.toString());
        TestClient.Response late = ben.post("/grants/" + p + "/apply", application(foodBank, "Fridge", "1,000", "Fridge | 1,000", "submit"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("Applications closed on");
        assertThat(app.count("SELECT count(*) FROM grant_applications WHERE programme_id = " + p)).isZero();
    }

    @Test
    void datesAreWrittenInWordsOnEveryGrantsPage() {
        long p = programme(app.signedInAs("officer"), "Dated fund", "10,000");
        LocalDate closes = LocalDate.now(Applications.ZONE).plusDays(10);
        assertThat(org.commonweal.platform.core.i18n.Messages.ENGLISH.date(LocalDate.of(2026, 12, 7))).isEqualTo("7 December 2026");
        TestClient ben = resident("ben");
        for (String path : new String[]{"/grants", "/grants/" + p, "/grants/" + p + "/apply"}) {
            assertThat(ben.get(path).body()).as(path).contains(org.commonweal.platform.core.i18n.Messages.ENGLISH.date(closes)).doesNotContain(closes.toString());
        }
    }

    @Test
    void scoresAreWeightedAndRankedAndAConflictedPanelMemberCannotScore() {
        TestClient officer = app.signedInAs("officer");
        long p = programme(officer, "Scored fund", "10,000");
        TestClient ben = resident("ben");
        long fridge = submit(ben, p, "Fridge", "1,000");
        long advice = submit(ben, p, "Advice", "2,000");
        long need = criterion(p, "Need"), reach = criterion(p, "Reach");
        officer.get("/grants/" + p);
        assertThat(officer.post("/grants/" + p + "/panel", Map.of("email", "chidi@demo.commonweal.org")).status()).isEqualTo(302);
        assertThat(officer.post("/grants/" + p + "/panel", Map.of("email", "amira@demo.commonweal.org")).status()).isEqualTo(302);
        assertThat(officer.post("/grants/" + p + "/panel", Map.of("email", "nobody@example.org")).body()).contains("There is no account with that email address");

        // Chidi is the food bank's secretary: a member of the applying group never scores its bid.
        TestClient chidi = resident("chidi");
        assertThat(chidi.get("/grants/applications/" + fridge).body()).contains("You belong to the group that applied");
        TestClient.Response conflicted = chidi.post("/grants/applications/" + fridge + "/scores", Map.of("score-" + need, "5", "score-" + reach, "5"));
        assertThat(conflicted.status()).isEqualTo(409);
        assertThat(conflicted.body()).contains("You belong to the group that applied, so you cannot score its application");
        // Ben runs the group and is on no panel: the route is not his.
        assertThat(ben.post("/grants/applications/" + fridge + "/scores", Map.of("score-" + need, "5", "score-" + reach, "5")).status()).isEqualTo(403);

        TestClient amira = resident("amira");
        assertThat(amira.post("/grants/applications/" + fridge + "/scores", Map.of("score-" + need, "6", "score-" + reach, "1")).body())
                .contains("Choose a score from 0 to 5 for Need");
        // Fridge: Need (5 + 3) / 2 = 4, Reach (1 + 2) / 2 = 1.5; weighted (3 × 4 + 1 × 1.5) / 4 = 3.375.
        assertThat(amira.post("/grants/applications/" + fridge + "/scores", Map.of("score-" + need, "5", "score-" + reach, "1", "comment-" + need, "Clear need")).status()).isEqualTo(302);
        assertThat(officer.post("/grants/applications/" + fridge + "/scores", Map.of("score-" + need, "3", "score-" + reach, "2")).status()).isEqualTo(302);
        // Advice: Need 4, Reach 4: 4.00, ranked first.
        assertThat(officer.post("/grants/applications/" + advice + "/scores", Map.of("score-" + need, "4", "score-" + reach, "4")).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM grant_scores WHERE application_id = " + fridge)).isEqualTo(4);
        String page = officer.get("/grants/" + p).body();
        assertThat(page).contains("scores 4.00 out of 5 (1 scorer)").contains("scores 3.38 out of 5 (2 scorers)");
        assertThat(page.indexOf("/grants/applications/" + advice)).isLessThan(page.indexOf("/grants/applications/" + fridge));
        assertThat(resident("ben").get("/grants/" + p).body()).as("the ranking is the assessors'").doesNotContain("out of 5");

        // Amira declares an interest on the advice bid: her scores there go (she had none) and she may not score it.
        assertThat(amira.post("/grants/applications/" + advice + "/conflict", Map.of("reason", "My sister is the adviser")).status()).isEqualTo(302);
        TestClient.Response declared = amira.post("/grants/applications/" + advice + "/scores", Map.of("score-" + need, "5", "score-" + reach, "5"));
        assertThat(declared.status()).isEqualTo(409);
        assertThat(declared.body()).contains("You declared a conflict of interest");
        assertThat(app.count("SELECT count(*) FROM grant_scores WHERE application_id = " + advice)).isEqualTo(2);
    }

    @Test
    void aDecisionWithReasonsIsRecordedTheGroupIsToldAndItsPageShowsTheGrant() {
        TestClient officer = app.signedInAs("officer");
        long p = programme(officer, "Decided fund", "3,000", "2,000");
        TestClient ben = resident("ben");
        long fridge = submit(ben, p, "Bigger fridge", "2,000");
        long other = submit(ben, p, "Second bid", "2,000");
        officer.get("/grants/applications/" + fridge);
        assertThat(officer.post("/grants/applications/" + fridge + "/decision", Map.of("decision", "partial", "amountAwarded", "2,500", "reason", "x")).body())
                .contains("Enter an amount less than the £2,000.00 asked for");
        assertThat(officer.post("/grants/applications/" + fridge + "/decision", Map.of("decision", "full", "reason", "")).body())
                .contains("Give the reasons for the decision");
        assertThat(officer.post("/grants/applications/" + fridge + "/decision", Map.of("decision", "partial", "amountAwarded", "1,500",
                "reason", "Good, but the fitting is covered by the landlord.")).status()).isEqualTo(302);
        assertThat(app.count("SELECT amount_awarded FROM grant_applications WHERE id = " + fridge + " AND status = 'awarded'")).isEqualTo(150_000);
        assertThat(app.count("SELECT count(*) FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE a.email = 'ben@demo.commonweal.org'"
                + " AND n.subject_kind = 'grant-application' AND n.subject_id = " + fridge)).isEqualTo(1);
        assertThat(app.latestMailBody("ben@demo.commonweal.org")).contains("“Bigger fridge” was awarded £1,500.00 by Decided fund");
        assertThat(ben.get("/grants/applications/" + fridge).body()).contains("Good, but the fitting is covered by the landlord.");
        assertThat(app.client().get("/groups/" + foodBank).body()).contains("Grants received").contains("Bigger fridge")
                .contains("£1,500.00 from Decided fund");
        // Only £1,500 is left: the second bid cannot have £2,000; deciding twice is refused.
        assertThat(officer.post("/grants/applications/" + other + "/decision", Map.of("decision", "full", "reason", "Yes")).body())
                .contains("That is more than is left in the pot (£1,500.00)");
        assertThat(officer.post("/grants/applications/" + fridge + "/decision", Map.of("decision", "decline", "reason", "No")).status()).isEqualTo(409);
        assertThat(officer.post("/grants/applications/" + other + "/decision", Map.of("decision", "decline", "reason", "The pot is spent.")).status()).isEqualTo(302);
        assertThat(app.latestMailBody("ben@demo.commonweal.org")).contains("“Second bid” was not funded by Decided fund");
    }

    @Test
    void residentsDecideThroughAParticipatoryBudgetAndTheSelectedProposalsBecomeAwards() {
        TestClient officer = app.signedInAs("officer");
        long p = programme(officer, "Residents decide", "6,000", "4,000");
        TestClient ben = resident("ben");
        long big = submit(ben, p, "Warm hall", "4,000");
        long small = submit(ben, p, "Coat swap", "3,000");
        officer.get("/grants/" + p);
        assertThat(officer.post("/grants/" + p + "/residents", Map.of()).body()).contains("Choose the submitted applications residents will decide on");
        TestClient.Response handed = GrantsHttp.postRepeated(app, officer, "/grants/" + p + "/residents", "shortlist", big, small);
        assertThat(handed.status()).as(handed.body()).isEqualTo(302);
        long process = app.count("SELECT budget_process_id FROM grant_programmes WHERE id = " + p);
        long pot = app.count("SELECT budget_pot_id FROM grant_programmes WHERE id = " + p);
        assertThat(app.count("SELECT count(*) FROM budget_proposals WHERE pot_id = " + pot + " AND status = 'feasible'")).isEqualTo(2);
        assertThat(app.count("SELECT amount FROM budget_pots WHERE id = " + pot)).isEqualTo(600_000);
        assertThat(app.count("SELECT count(*) FROM budget_processes WHERE id = " + process + " AND phase = 'voting'")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM grant_applications WHERE programme_id = " + p + " AND status = 'with_residents'")).isEqualTo(2);
        assertThat(officer.get("/grants/applications/" + big).body()).contains("Residents are deciding this application in a participatory budget")
                .doesNotContain("id=\"score-form\"");
        // Recording before the results are out is refused, with why.
        TestClient.Response early = officer.post("/grants/" + p + "/residents/results", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("Residents are still voting");

        long bigProposal = app.count("SELECT proposal_id FROM grant_applications WHERE id = " + big);
        TestClient amira = resident("amira");
        amira.get("/budgets/" + process + "/pots/" + pot + "/vote");
        TestClient.Response vote = amira.post("/budgets/" + process + "/pots/" + pot + "/vote", Map.of("step", "cast", "choice", String.valueOf(bigProposal)));
        assertThat(vote.status()).as(vote.body()).isLessThan(400);
        officer.get("/budgets/" + process);
        assertThat(officer.post("/budgets/" + process + "/phase", Map.of("from", "voting", "confirm", "yes")).status()).isEqualTo(302);
        assertThat(officer.post("/grants/" + p + "/residents/results", Map.of()).status())
                .as("a provisional count is not the residents' decision until it is published").isEqualTo(409);
        assertThat(officer.post("/budgets/" + process + "/phase", Map.of("from", "counting", "confirm", "yes")).status()).isEqualTo(302);

        assertThat(officer.post("/grants/" + p + "/residents/results", Map.of()).status()).isEqualTo(302);
        assertThat(app.count("SELECT amount_awarded FROM grant_applications WHERE id = " + big + " AND status = 'awarded'")).isEqualTo(400_000);
        assertThat(app.count("SELECT count(*) FROM grant_applications WHERE id = " + small + " AND status = 'declined'")).isEqualTo(1);
        assertThat(ben.get("/grants/applications/" + big).body()).contains("Selected by residents in the participatory budget");
        assertThat(officer.post("/grants/" + p + "/residents", Map.of("shortlist", String.valueOf(small))).status()).as("handed over once").isEqualTo(409);
    }

    @Test
    void aHandOverThatFailsHalfWayLeavesNoBudgetAndNoApplicationHandedOver() {
        TestClient officer = app.signedInAs("officer");
        long p = programme(officer, "Half-way failure", "6,000", "4,000");
        TestClient ben = resident("ben");
        long first = submit(ben, p, "Warm room", "2,000");
        long second = submit(ben, p, "Breaks the budget", "3,000");
        long processes = app.count("SELECT count(*) FROM budget_processes"), pots = app.count("SELECT count(*) FROM budget_pots");
        long proposals = app.count("SELECT count(*) FROM budget_proposals");
        // The second proposal's insert fails: the process, its pot and the first proposal are in the database by then.
        app.database.jdbi().useHandle(h -> h.execute("""
                CREATE FUNCTION grants_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.title LIKE '%Breaks the budget' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER grants_test_fail BEFORE INSERT ON budget_proposals FOR EACH ROW EXECUTE FUNCTION grants_test_fail();"""));
        try {
            officer.get("/grants/" + p);
            assertThat(GrantsHttp.postRepeated(app, officer, "/grants/" + p + "/residents", "shortlist", first, second).status()).isEqualTo(500);
        } finally {
            app.database.jdbi().useHandle(h -> h.execute("DROP TRIGGER grants_test_fail ON budget_proposals; DROP FUNCTION grants_test_fail();"));
        }
        assertThat(app.count("SELECT count(*) FROM budget_processes")).isEqualTo(processes);
        assertThat(app.count("SELECT count(*) FROM budget_pots")).isEqualTo(pots);
        assertThat(app.count("SELECT count(*) FROM budget_proposals")).isEqualTo(proposals);
        assertThat(app.count("SELECT count(*) FROM grant_programmes WHERE id = " + p + " AND budget_process_id IS NULL")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM grant_applications WHERE programme_id = " + p + " AND status = 'submitted' AND proposal_id IS NULL")).isEqualTo(2);
        // Nothing was left half done, so the officer simply tries again.
        assertThat(GrantsHttp.postRepeated(app, officer, "/grants/" + p + "/residents", "shortlist", first, second).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM budget_proposals")).isEqualTo(proposals + 2);
    }

    @Test
    void anOfficerRemovesAPanelMemberWhoseScoresOnOpenApplicationsGoAndOnDecidedOnesStay() {
        TestClient officer = app.signedInAs("officer");
        long p = programme(officer, "Panel changes", "10,000");
        TestClient ben = resident("ben");
        long open = submit(ben, p, "Still open", "1,000");
        long decided = submit(ben, p, "Decided already", "1,000");
        long need = criterion(p, "Need"), reach = criterion(p, "Reach");
        long amiraId = app.count("SELECT id FROM accounts WHERE email = 'amira@demo.commonweal.org'");
        officer.get("/grants/" + p);
        assertThat(officer.post("/grants/" + p + "/panel", Map.of("email", "amira@demo.commonweal.org")).status()).isEqualTo(302);
        TestClient amira = resident("amira");
        for (long a : new long[]{open, decided}) {
            amira.get("/grants/applications/" + a);
            assertThat(amira.post("/grants/applications/" + a + "/scores", Map.of("score-" + need, "4", "score-" + reach, "2")).status()).isEqualTo(302);
        }
        officer.get("/grants/applications/" + decided);
        assertThat(officer.post("/grants/applications/" + decided + "/decision", Map.of("decision", "decline", "reason", "Not this time.")).status()).isEqualTo(302);

        assertThat(officer.get("/grants/" + p).body()).contains("/grants/" + p + "/panel/" + amiraId);
        String confirm = officer.get("/grants/" + p + "/panel/" + amiraId).body();
        assertThat(confirm).contains("has scored 1 application still open to scoring: those 2 scores are removed")
                .contains("Their scores on 1 application already decided or handed to residents stay");
        assertThat(amira.get("/grants/" + p + "/panel/" + amiraId).status()).as("officers only").isEqualTo(403);
        assertThat(amira.post("/grants/" + p + "/panel/" + amiraId, Map.of()).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM grant_panel WHERE programme_id = " + p)).as("a refused removal changes nothing").isEqualTo(1);

        assertThat(officer.post("/grants/" + p + "/panel/" + amiraId, Map.of()).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM grant_panel WHERE programme_id = " + p)).isZero();
        assertThat(app.count("SELECT count(*) FROM grant_scores WHERE application_id = " + open)).isZero();
        assertThat(app.count("SELECT count(*) FROM grant_scores WHERE application_id = " + decided + " AND scorer_id = " + amiraId)).isEqualTo(2);
        assertThat(amira.get("/grants/applications/" + open).status()).as("off the panel, the applications are not hers to see").isEqualTo(403);
        // Someone not on the panel cannot be removed from it.
        assertThat(officer.get("/grants/" + p + "/panel/" + amiraId).status()).isEqualTo(404);
        assertThat(officer.post("/grants/" + p + "/panel/" + amiraId, Map.of()).status()).isEqualTo(404);
    }

    /** The programme form as {@link #programme} filled it in, with some fields changed. */
    private static Map<String, String> programmeForm(String title, String pot, String closes, String criteria) {
        LocalDate today = LocalDate.now(Applications.ZONE);
        return new HashMap<>(Map.of("title", title, "description", "Money for groups.", "pot", pot, "minAward", "500", "maxAward", "5,000",
                "place", String.valueOf(council), "opensOn", today.toString(), "closesOn", closes, "decisionsBy", today.plusDays(20).toString(),
                "criteria", criteria));
    }

    @Test
    void anOfficerChangesAProgrammeButNotTheCriteriaAssessorsHaveScoredNorTheClosingDayIntoThePast() {
        TestClient officer = app.signedInAs("officer");
        long p = programme(officer, "Editable fund", "10,000");
        LocalDate today = LocalDate.now(Applications.ZONE);
        String closes = today.plusDays(10).toString();
        assertThat(officer.get("/grants/" + p).body()).contains("/grants/" + p + "/edit");
        assertThat(officer.get("/grants/" + p + "/edit").body()).contains("Need | 3 | Is the need shown?").contains("Reach | 1");
        long need = criterion(p, "Need");
        // Before anyone scores: rename the programme, grow the pot, re-weight Need, drop Reach, add Impact.
        TestClient.Response changed = officer.post("/grants/" + p, programmeForm("Edited fund", "12,000", closes, "Impact | 2 | Who gains\nNeed | 1 | Is the need shown?"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(302);
        assertThat(app.count("SELECT pot FROM grant_programmes WHERE id = " + p + " AND title = 'Edited fund'")).isEqualTo(1_200_000);
        assertThat(app.count("SELECT weight FROM grant_criteria WHERE id = " + need + " AND position = 1")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM grant_criteria WHERE programme_id = " + p)).isEqualTo(2);
        long impact = criterion(p, "Impact");

        TestClient ben = resident("ben");
        long bid = submit(ben, p, "Kitchen", "1,000");
        officer.get("/grants/applications/" + bid);
        assertThat(officer.post("/grants/applications/" + bid + "/scores", Map.of("score-" + need, "4", "score-" + impact, "3")).status()).isEqualTo(302);

        TestClient.Response reweighted = officer.post("/grants/" + p, programmeForm("Changed again", "12,000", closes, "Impact | 2\nNeed | 5"));
        assertThat(reweighted.status()).isEqualTo(422);
        assertThat(reweighted.body()).contains("Assessors have scored Need, so its weight stays 1");
        TestClient.Response removed = officer.post("/grants/" + p, programmeForm("Changed again", "12,000", closes, "Impact | 2"));
        assertThat(removed.body()).contains("Assessors have scored Need, so it cannot be removed or renamed");
        Map<String, String> closedYesterday = programmeForm("Changed again", "12,000", today.minusDays(1).toString(), "Impact | 2\nNeed | 1");
        closedYesterday.put("opensOn", today.minusDays(5).toString());
        TestClient.Response past = officer.post("/grants/" + p, closedYesterday);
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.body()).contains("Groups have applied, so the closing day cannot move into the past (today is " + org.commonweal.platform.core.i18n.Messages.ENGLISH.date(today) + ")");
        TestClient.Response twice = officer.post("/grants/" + p, programmeForm("Changed again", "12,000", closes, "Impact | 2\nimpact | 1\nNeed | 1"));
        assertThat(twice.body()).contains("The criterion impact is listed twice");
        assertThat(app.count("SELECT count(*) FROM grant_programmes WHERE id = " + p + " AND title = 'Edited fund'")).as("nothing stored").isEqualTo(1);

        // Clarifying a scored criterion's guidance and adding a new one are fine; the scored criterion keeps its id and scores.
        TestClient.Response clarified = officer.post("/grants/" + p, programmeForm("Edited fund", "12,000", closes, "Need | 1 | Shown with figures\nImpact | 2\nFairness | 1"));
        assertThat(clarified.status()).as(clarified.body()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM grant_criteria WHERE id = " + need + " AND guidance = 'Shown with figures' AND position = 0")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM grant_scores WHERE application_id = " + bid)).isEqualTo(2);

        assertThat(officer.post("/grants/applications/" + bid + "/decision", Map.of("decision", "full", "reason", "Good.")).status()).isEqualTo(302);
        TestClient.Response shrunk = officer.post("/grants/" + p, new HashMap<>(Map.of("title", "Edited fund", "description", "Money for groups.", "pot", "800",
                "minAward", "500", "maxAward", "800", "place", String.valueOf(council), "opensOn", today.toString(), "closesOn", closes,
                "decisionsBy", today.plusDays(20).toString(), "criteria", "Need | 1\nImpact | 2\nFairness | 1")));
        assertThat(shrunk.body()).contains("The pot cannot be less than the £1,000.00 already awarded");
        assertThat(ben.post("/grants/" + p, programmeForm("Mine now", "12,000", closes, "Need | 1")).status()).as("officers only").isEqualTo(403);
        assertThat(ben.get("/grants/" + p + "/edit").status()).isEqualTo(403);
    }
}
