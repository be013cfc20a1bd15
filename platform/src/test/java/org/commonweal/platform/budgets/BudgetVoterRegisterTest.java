package org.commonweal.platform.budgets;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A pot's voter register: uploaded as hashes only, required on every ballot, and each entry counts once online or on paper. */
class BudgetVoterRegisterTest extends PlatformTestCase {
    static BudgetSetup setup;
    static long process, pot, late, g1, g2, l1;
    static TestClient officer, second;
    static int voters;

    @BeforeAll
    static void prepare() {
        setup = new BudgetSetup(app);
        officer = app.signedInAs("officer");
        second = setup.officer("register.second@example.org");
        process = setup.createProcess(officer, "Riverside with a register", "Riverside");
        pot = setup.addPot(officer, process, "Register pot", "Riverside", "100", "knapsack", Map.of());
        late = setup.addPot(officer, process, "Late pot", "Riverside", "100", "approval", Map.of());
        setup.advanceTo(officer, process, Phase.IDEAS);
        TestClient author = app.signedInAs("resident");
        g1 = setup.propose(author, process, pot, "Green one", "10", "Quayside");
        g2 = setup.propose(author, process, pot, "Green two", "10", "Quayside");
        l1 = setup.propose(author, process, late, "Late one", "10", "Quayside");
        setup.advanceTo(officer, process, Phase.FEASIBILITY);
        for (long p : new long[]{g1, g2, l1}) setup.feasible(officer, process, p, "10");
        StringBuilder file = new StringBuilder("identifier\n");
        for (int i = 1; i <= 20; i++) file.append(String.format("EL%04d%n", i));
        TestClient.Response r = upload(officer, pot, file.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("20 identifiers added; 0 were already on the register.");
        setup.advanceTo(officer, process, Phase.VOTING);
    }

    private static TestClient.Response upload(TestClient who, long target, String text) {
        return upload(who, target, text.getBytes(StandardCharsets.UTF_8));
    }

    private static TestClient.Response upload(TestClient who, long target, byte[] bytes) {
        String path = "/budgets/" + process + "/pots/" + target + "/register";
        who.get(path);
        return BudgetSetup.postFile(app, who, path, Map.of(), "register.csv", bytes);
    }

    private static TestClient.Response vote(TestClient voter, String... pairs) {
        voter.get("/budgets/" + process + "/pots/" + pot + "/vote");
        return BudgetSetup.postBody(app, voter, "/budgets/" + process + "/pots/" + pot + "/vote", BudgetSetup.ballot(voter, "cast", pairs));
    }

    private static TestClient newVoter() {
        return setup.resident("register.voter" + (++voters) + "@example.org", "Ferry Row");
    }

    private static long counted() {
        return app.count("SELECT count(*) FROM budget_ballots WHERE counted AND pot_id = " + pot);
    }

    private static long registerSize() {
        return app.count("SELECT count(*) FROM budget_register_entries WHERE pot_id = " + pot);
    }

    @Test
    void aBadRegisterFileIsRefusedNamingEachLineAndNothingIsStored() {
        long size = registerSize();
        TestClient.Response r = upload(officer, pot, "identifier\nNEW0001\n\nNEW0002\nnew 0001\n" + "X".repeat(65) + "\nA,B\n");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("The register was not changed").contains("register.csv line 3 is empty")
                .contains("register.csv line 5 repeats the identifier on line 2").contains("register.csv line 6 is longer than 64 characters")
                .contains("register.csv line 7 has a comma or a control character");
        assertThat(upload(officer, pot, new byte[]{'A', (byte) 0xff, '\n'}).body()).contains("register.csv is not UTF-8 text");
        assertThat(upload(officer, pot, "identifier\n").body()).contains("register.csv has no identifiers");
        assertThat(upload(officer, pot, "").body()).contains("Choose a register file");
        assertThat(registerSize()).isEqualTo(size);
    }

    @Test
    void theOneMegabyteLimitIsExactlyOneMebibyte() {
        long size = registerSize();
        TestClient.Response over = upload(officer, pot, padded("LIMIT02", RegisterFile.MAX_BYTES + 1));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.body()).contains("register.csv is larger than 1 MB (1,048,576 bytes)");
        assertThat(registerSize()).isEqualTo(size);
        assertThat(upload(officer, pot, padded("LIMIT01", RegisterFile.MAX_BYTES)).status()).isEqualTo(200);
        assertThat(registerSize()).isEqualTo(size + 1);
    }

    /** One identifier on a line padded with spaces (which do not count) to exactly the given size. */
    private static byte[] padded(String identifier, int bytes) {
        return (identifier + " ".repeat(bytes - identifier.length() - 1) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void uploadingAgainExtendsTheRegisterAndKeepsWhatIsOnIt() {
        long size = registerSize();
        TestClient.Response r = upload(officer, pot, "el0001\r\nEL 0100\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("1 identifier added; 1 was already on the register.");
        assertThat(registerSize()).isEqualTo(size + 1);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.register.uploaded' AND detail = '1 added, 1 already listed'")).isEqualTo(1);
    }

    @Test
    void identifiersAreKeptOnlyAsKeyedHashesAndNeverShown() {
        List<String> hashes = app.database.jdbi().withHandle(h -> h.createQuery("SELECT entry_hash FROM budget_register_entries WHERE pot_id = :p")
                .bind("p", pot).mapTo(String.class).list());
        assertThat(hashes).isNotEmpty().allSatisfy(hash -> assertThat(hash).doesNotContainPattern("EL ?\\d{4}").hasSize(43))
                .doesNotContain(org.commonweal.platform.core.http.Secrets.sha256("EL0001"));
        String page = officer.get("/budgets/" + process + "/pots/" + pot + "/register").body();
        assertThat(page).containsPattern("register has 2[01] entries").doesNotContain("EL0001");
        String audit = app.signedInAs("admin").get("/admin/audit").body();
        assertThat(audit).doesNotContain("EL0001");
        for (String hash : hashes) assertThat(audit).doesNotContain(hash);
    }

    @Test
    void aRegisterCanOnlyBeStartedBeforeVotingOpens() {
        TestClient.Response r = upload(officer, late, "LATE001\n");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("A register can be started only before voting opens");
        assertThat(app.count("SELECT count(*) FROM budget_registers WHERE pot_id = " + late)).isZero();
        TestClient voter = newVoter();
        voter.get("/budgets/" + process + "/pots/" + late + "/vote");
        TestClient.Response ballot = BudgetSetup.postBody(app, voter, "/budgets/" + process + "/pots/" + late + "/vote",
                BudgetSetup.ballot(voter, "cast", "choice", "" + l1));
        BudgetSetup.receipt(ballot);
    }

    @Test
    void residentsAndStaffWithoutTheOfficerRoleCannotUploadARegister() {
        long size = registerSize();
        for (String role : List.of("resident", "moderator", "organiser", "admin")) {
            TestClient other = app.signedInAs(role);
            other.get("/budgets/" + process);
            assertThat(other.get("/budgets/" + process + "/pots/" + pot + "/register").status()).as(role).isEqualTo(403);
            assertThat(BudgetSetup.postFile(app, other, "/budgets/" + process + "/pots/" + pot + "/register", Map.of(), "r.csv",
                    "INTRUDER1\n".getBytes(StandardCharsets.UTF_8)).status()).as(role).isEqualTo(403);
        }
        assertThat(registerSize()).isEqualTo(size);
    }

    @Test
    void anOnlineVoterMustGiveAListedIdentifierAndEachEntryCountsOnce() {
        TestClient voter = newVoter();
        assertThat(voter.get("/budgets/" + process + "/pots/" + pot + "/vote").body()).contains("Your register identifier").contains("name=\"identifier\"");
        long before = counted();
        TestClient.Response missing = vote(voter, "choice", "" + g1);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("Enter your register identifier");
        TestClient.Response unknown = vote(voter, "identifier", "NOPE99", "choice", "" + g1);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("That identifier is not on this pot").contains("value=\"NOPE99\"");
        voter.get("/budgets/" + process + "/pots/" + pot + "/vote");
        TestClient.Response review = BudgetSetup.postBody(app, voter, "/budgets/" + process + "/pots/" + pot + "/vote",
                BudgetSetup.ballot(voter, "review", "identifier", "el+0001", "choice", "" + g1));
        assertThat(review.body()).contains("name=\"identifier\" value=\"el 0001\"");
        String first = BudgetSetup.receipt(vote(voter, "identifier", "el+0001", "choice", "" + g1));
        String again = BudgetSetup.receipt(vote(newVoter(), "identifier", "EL0001", "choice", "" + g2));
        assertThat(counted()).as("one register entry, one counted ballot").isEqualTo(before + 1);
        TestClient checker = app.client();
        checker.get("/budgets/receipt");
        assertThat(checker.post("/budgets/receipt", Map.of("receipt", first)).body()).contains("replaced by a later vote");
        assertThat(checker.post("/budgets/receipt", Map.of("receipt", again)).body()).contains("This ballot is in the count.");
        BudgetSetup.receipt(vote(voter, "identifier", "EL0002", "choice", "" + g1));
        assertThat(counted()).as("another entry votes on its own").isEqualTo(before + 2);
    }

    @Test
    void aVotingCodeHolderAlsoGivesTheirRegisterIdentifier() {
        officer.get("/budgets/" + process);
        String code = officer.post("/budgets/" + process + "/pots/" + pot + "/codes", Map.of("count", "1", "format", "csv")).body().lines().skip(1).findFirst().orElseThrow();
        TestClient visitor = app.client();
        String path = "/budgets/" + process + "/pots/" + pot + "/code-vote";
        visitor.get(path);
        assertThat(visitor.post(path, Map.of("step", "start", "code", code)).body()).contains("name=\"identifier\"");
        TestClient.Response refused = BudgetSetup.postBody(app, visitor, path, BudgetSetup.ballot(visitor, "cast", "code", code, "choice", "" + g1));
        assertThat(refused.status()).isEqualTo(422);
        long before = counted();
        BudgetSetup.receipt(BudgetSetup.postBody(app, visitor, path, BudgetSetup.ballot(visitor, "cast", "code", code, "identifier", "EL0005", "choice", "" + g1)));
        assertThat(counted()).isEqualTo(before + 1);
    }

    @Test
    void aPaperBallotForAnEntryThatVotedOnlineIsRefusedAtOnce() {
        BudgetSetup.receipt(vote(newVoter(), "identifier", "EL0003", "choice", "" + g1));
        long before = counted();
        TestClient.Response r = BudgetSetup.keySheet(officer, process, pot, "Register batch", "1", "identifier", "el0003", "projects", "" + g2);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("Sheet 1 of batch Register batch is not counted: this register entry has already voted online");
        assertThat(counted()).isEqualTo(before);
        assertThat(app.count("SELECT count(*) FROM budget_paper_sheets WHERE batch = 'Register batch'")).as("nothing pending is left behind").isZero();
    }

    @Test
    void anOnlineVoteAfterACountedPaperBallotIsRefusedAndSoIsASecondPaperBallot() {
        long before = counted();
        assertThat(BudgetSetup.keySheet(officer, process, pot, "Paper first", "1", "identifier", "EL0004", "projects", "" + g1).status()).isEqualTo(302);
        assertThat(BudgetSetup.keySheet(second, process, pot, "Paper first", "1", "identifier", "el 0004", "projects", "" + g1).status()).isEqualTo(302);
        assertThat(counted()).isEqualTo(before + 1);
        TestClient.Response online = vote(newVoter(), "identifier", "EL0004", "choice", "" + g2);
        assertThat(online.status()).isEqualTo(403);
        assertThat(online.body()).contains("A paper ballot has already been counted for this register identifier");
        TestClient.Response paperAgain = BudgetSetup.keySheet(officer, process, pot, "Paper first", "2", "identifier", "EL0004", "projects", "" + g2);
        assertThat(paperAgain.status()).isEqualTo(409);
        assertThat(paperAgain.body()).contains("this register entry already has a counted paper ballot");
        assertThat(counted()).isEqualTo(before + 1);
    }

    @Test
    void aPendingPaperBallotWhoseEntryVotesOnlineMeanwhileIsRefusedWhenSettled() {
        assertThat(BudgetSetup.keySheet(officer, process, pot, "Race", "1", "identifier", "EL0006", "projects", "" + g1).status()).isEqualTo(302);
        BudgetSetup.receipt(vote(newVoter(), "identifier", "EL0006", "choice", "" + g2));
        long before = counted();
        TestClient.Response settled = BudgetSetup.keySheet(second, process, pot, "Race", "1", "identifier", "EL0006", "projects", "" + g1);
        assertThat(settled.status()).isEqualTo(409);
        assertThat(settled.body()).contains("this register entry has already voted online");
        assertThat(counted()).isEqualTo(before);
        assertThat(app.count("SELECT count(*) FROM budget_paper_sheets WHERE batch = 'Race' AND status = 'refused'")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'budget.paper_sheet.refused'")).isEqualTo(1);
    }

    @Test
    void paperEntriesNeedAListedIdentifierAndTheReconciliationScreenNeverShowsIt() {
        TestClient.Response missing = BudgetSetup.keySheet(officer, process, pot, "Ids", "1", "projects", "" + g1);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("Enter your register identifier");
        assertThat(BudgetSetup.keySheet(officer, process, pot, "Ids", "1", "identifier", "ZZ1", "projects", "" + g1).body())
                .contains("That identifier is not on this pot");
        assertThat(BudgetSetup.keySheet(officer, process, pot, "Ids", "1", "identifier", "EL0007", "projects", "" + g1).status()).isEqualTo(302);
        assertThat(BudgetSetup.keySheet(second, process, pot, "Ids", "1", "identifier", "EL0008", "projects", "" + g1).status()).isEqualTo(302);
        String screen = second.get("/budgets/" + process + "/pots/" + pot + "/paper/reconcile").body();
        assertThat(screen).contains("Sheet 1 of batch Ids").contains("Differs between the entries").doesNotContain("EL0007").doesNotContain("EL0008");
        List<String> hashes = app.database.jdbi().withHandle(h -> h.createQuery("SELECT register_hash FROM budget_paper_entries WHERE register_hash IS NOT NULL")
                .mapTo(String.class).list());
        for (String hash : hashes) assertThat(screen).doesNotContain(hash);
        long sheetId = app.count("SELECT id FROM budget_paper_sheets WHERE batch = 'Ids'");
        String rekey = "/budgets/" + process + "/pots/" + pot + "/paper/sheets/" + sheetId + "/rekey";
        assertThat(officer.get(rekey).body()).containsPattern("id=\"identifier\"[^>]*autofocus");
        long before = counted();
        assertThat(officer.post(rekey, Map.of("identifier", "EL0007", "projects", "" + g1)).status()).isEqualTo(302);
        assertThat(counted()).isEqualTo(before + 1);
        assertThat(app.count("SELECT count(*) FROM budget_paper_entries WHERE sheet_id = " + sheetId)).as("settling forgets the entries").isZero();
        assertThat(vote(newVoter(), "identifier", "EL0007", "choice", "" + g2).status()).isEqualTo(403);
    }
}
