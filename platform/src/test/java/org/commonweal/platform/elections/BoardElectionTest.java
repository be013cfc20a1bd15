package org.commonweal.platform.elections;

import org.commonweal.elections.stv.Ballots;
import org.commonweal.elections.stv.CountReport;
import org.commonweal.elections.stv.CountingRules;
import org.commonweal.elections.stv.Election;
import org.commonweal.platform.core.http.Secrets;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Organisation STV elections over HTTP: who may do what, secret one-per-member ballots, codes, and the published count. */
class BoardElectionTest extends PlatformTestCase {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final List<String> CANDIDATES = List.of("Ada", "Bea", "Cal", "Dev");
    private static final Pattern CODE = Pattern.compile("<p class=\"cw-code\">([A-Z0-9-]+)</p>");
    static TestClient organiser;

    @BeforeAll
    static void prepare() {
        organiser = app.signedInAs("organiser");
    }

    static Map<String, String> electionForm(String title, String rule, int seats) {
        LocalDateTime now = LocalDateTime.now(BoardElectionForm.ZONE);
        Map<String, String> f = new HashMap<>(Map.of("title", title, "seats", String.valueOf(seats), "rule", rule,
                "opensAt", now.minusHours(1).format(MINUTES), "closesAt", now.plusDays(1).format(MINUTES)));
        for (int i = 0; i < CANDIDATES.size(); i++) {
            f.put("candidateName" + i, CANDIDATES.get(i));
            f.put("candidateStatement" + i, "I am " + CANDIDATES.get(i) + " & I <care>.");
        }
        return f;
    }

    static long create(String title, String rule, int seats) {
        organiser.get("/elections/manage/new");
        TestClient.Response r = organiser.post("/elections/manage/new", electionForm(title, rule, seats));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring("/elections/manage/".length()));
    }

    static void addElectors(long id, String emails) {
        organiser.get("/elections/manage/" + id);
        assertThat(organiser.post("/elections/manage/" + id + "/electors", Map.of("emails", emails)).status()).isEqualTo(302);
    }

    static Map<String, String> ballot(int... ranks) {
        Map<String, String> f = new HashMap<>();
        for (int c = 0; c < ranks.length; c++) f.put("rank" + c, ranks[c] == 0 ? "" : String.valueOf(ranks[c]));
        return f;
    }

    static TestClient.Response vote(TestClient c, long id, Map<String, String> ballot) {
        c.get("/elections/" + id + "/vote");
        return c.post("/elections/" + id + "/vote", ballot);
    }

    static List<String> codes(long id, int count) {
        organiser.get("/elections/manage/" + id);
        TestClient.Response sheet = organiser.post("/elections/manage/" + id + "/codes", Map.of("count", String.valueOf(count)));
        assertThat(sheet.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(sheet.body());
        while (m.find()) codes.add(m.group(1));
        return codes;
    }

    static long ballots(long id) {
        return app.count("SELECT count(*) FROM election_ballots WHERE election_id = " + id);
    }

    @Test
    void residentsAreRefusedOrganiserPagesAndVisitorsAreSentToSignIn() {
        long id = create("Permissions", "scottish", 1);
        TestClient resident = app.signedInAs("resident");
        List<String> pages = List.of("/elections/manage", "/elections/manage/new", "/elections/manage/" + id);
        for (String path : pages) {
            assertThat(resident.get(path).status()).as(path).isEqualTo(403);
            TestClient.Response anonymous = app.client().get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(302);
            assertThat(anonymous.location()).startsWith("/sign-in?next=");
        }
        long elections = app.count("SELECT count(*) FROM elections");
        resident.get("/");
        assertThat(resident.post("/elections/manage/new", electionForm("Sneaky", "scottish", 1)).status()).isEqualTo(403);
        assertThat(resident.post("/elections/manage/" + id + "/electors", Map.of("emails", "amira@demo.commonweal.org")).status()).isEqualTo(403);
        assertThat(resident.post("/elections/manage/" + id + "/codes", Map.of("count", "5")).status()).isEqualTo(403);
        assertThat(resident.post("/elections/manage/" + id + "/close", Map.of()).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM elections")).isEqualTo(elections);
        assertThat(app.count("SELECT count(*) FROM election_electors WHERE election_id = " + id)).isZero();
        assertThat(app.count("SELECT count(*) FROM election_codes WHERE election_id = " + id)).isZero();
        assertThat(app.count("SELECT count(*) FROM elections WHERE status = 'open' AND id = " + id)).isEqualTo(1);
        assertThat(app.client().get("/elections/" + id + "/vote").status()).isEqualTo(302);
    }

    @Test
    void anotherOrganiserCannotManageSomeoneElsesElectionNorSeeItInTheirList() {
        long id = create("Owned by Orla", "scottish", 1);
        app.platform.accounts.createConfirmed("rival-organiser@example.org", "Rita Rival", "rival-organiser-pass",
                java.util.EnumSet.of(org.commonweal.platform.core.http.Role.ORGANISER), null);
        TestClient rival = app.client();
        rival.signIn("rival-organiser@example.org", "rival-organiser-pass");
        assertThat(rival.get("/elections/manage").body()).doesNotContain("Owned by Orla");
        assertThat(organiser.get("/elections/manage").body()).contains("Owned by Orla");
        assertThat(rival.get("/elections/manage/" + id).status()).isEqualTo(403);
        rival.get("/elections/manage");
        assertThat(rival.post("/elections/manage/" + id + "/electors", Map.of("emails", "rival-organiser@example.org")).status()).isEqualTo(403);
        assertThat(rival.post("/elections/manage/" + id + "/codes", Map.of("count", "5")).status()).isEqualTo(403);
        assertThat(rival.post("/elections/manage/" + id + "/close", Map.of()).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM election_electors WHERE election_id = " + id)).isZero();
        assertThat(app.count("SELECT count(*) FROM election_codes WHERE election_id = " + id)).isZero();
        assertThat(app.count("SELECT count(*) FROM elections WHERE status = 'open' AND id = " + id)).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE subject = 'election:" + id + "' AND action <> 'elections.created'")).isZero();

        // Admins may act on any election: one whose owner deleted their account could otherwise never be closed.
        TestClient admin = app.signedInAs("admin");
        assertThat(admin.get("/elections/manage").body()).contains("Owned by Orla");
        assertThat(admin.get("/elections/manage/" + id).status()).isEqualTo(200);
        assertThat(admin.post("/elections/manage/" + id + "/close", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void anInvalidElectionNamesEveryProblemAndStoresNothing() {
        long elections = app.count("SELECT count(*) FROM elections");
        Map<String, String> f = electionForm("", "borda", 0);
        f.put("closesAt", f.get("opensAt"));
        f.put("candidateName1", "ada");
        f.put("candidateName2", "");
        f.put("candidateStatement2", "orphan statement");
        organiser.get("/elections/manage/new");
        TestClient.Response r = organiser.post("/elections/manage/new", f);
        assertThat(r.status()).isEqualTo(422);
        for (String field : List.of("title", "seats", "rule", "closesAt", "candidateName1", "candidateName2")) {
            assertThat(r.body()).as(field).contains("href=\"#" + field + "\"");
        }
        Map<String, String> tooFew = electionForm("Few", "meek", 1);
        for (int i = 1; i < CANDIDATES.size(); i++) tooFew.put("candidateName" + i, "");
        tooFew.put("opensAt", "tomorrow");
        TestClient.Response few = organiser.post("/elections/manage/new", tooFew);
        assertThat(few.status()).isEqualTo(422);
        assertThat(few.body()).contains("href=\"#candidateName0\"").contains("href=\"#opensAt\"");
        assertThat(organiser.post("/elections/manage/new", electionForm("Too many seats", "wigm", 4)).body()).contains("More candidates than seats".substring(1));
        assertThat(app.count("SELECT count(*) FROM elections")).isEqualTo(elections);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'elections.created'")).isEqualTo(app.count("SELECT count(*) FROM elections"));
    }

    @Test
    void aMemberNotOnTheListCannotVoteAndUnknownEmailsAddNobody() {
        long id = create("Listed only", "scottish", 1);
        addElectors(id, "ben@demo.commonweal.org");
        organiser.get("/elections/manage/" + id);
        TestClient.Response bad = organiser.post("/elections/manage/" + id + "/electors", Map.of("emails", "amira@demo.commonweal.org\nnobody@example.org"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("href=\"#emails\">Every email address must belong to an account. Not found: nobody@example.org</a>");
        assertThat(app.count("SELECT count(*) FROM election_electors WHERE election_id = " + id)).isEqualTo(1);
        TestClient amira = app.signedInAs("resident");
        assertThat(amira.get("/elections/" + id + "/vote").status()).isEqualTo(403);
        amira.get("/elections/" + id);
        assertThat(amira.post("/elections/" + id + "/vote", ballot(1, 2, 0, 0)).status()).isEqualTo(403);
        assertThat(ballots(id)).isZero();
        assertThat(app.count("SELECT count(*) FROM election_voted WHERE election_id = " + id)).isZero();
    }

    @Test
    void aBallotWithGapsRepeatsOrNonsenseIsRefusedAndNothingIsStored() {
        long id = create("Careful ballots", "scottish", 1);
        addElectors(id, "chidi@demo.commonweal.org");
        TestClient chidi = app.client();
        chidi.signIn("chidi@demo.commonweal.org", "demo-resident-pass");
        Map<Map<String, String>, String> bad = Map.of(
                ballot(1, 3, 0, 0), "rank1",
                ballot(1, 1, 2, 0), "rank1",
                ballot(0, 0, 0, 0), "rank0",
                ballot(1, 5, 0, 0), "rank1",
                Map.of("rank0", "first"), "rank0");
        for (var b : bad.entrySet()) {
            TestClient.Response r = vote(chidi, id, b.getKey());
            assertThat(r.status()).as(b.getKey().toString()).isEqualTo(422);
            assertThat(r.body()).contains("href=\"#" + b.getValue() + "\"");
        }
        assertThat(ballots(id)).isZero();
        assertThat(app.count("SELECT count(*) FROM election_voted WHERE election_id = " + id)).isZero();
    }

    @Test
    void codesAreStoredOnlyAsHashesAndWorkOnce() {
        long id = create("Codes", "meek", 1);
        List<String> codes = codes(id, 3);
        assertThat(codes).hasSize(3).doesNotHaveDuplicates();
        List<String> stored = app.database.jdbi().withHandle(h -> h.createQuery("SELECT code_hash FROM election_codes WHERE election_id = " + id)
                .mapTo(String.class).list());
        assertThat(stored).containsExactlyInAnyOrderElementsOf(codes.stream().map(Secrets::sha256).toList());
        assertThat(organiser.get("/elections/manage/" + id).body()).doesNotContain(codes.get(0));
        TestClient visitor = app.client();
        visitor.get("/elections/" + id + "/code");
        Map<String, String> b = ballot(2, 1, 0, 0);
        b.put("code", codes.get(0).toLowerCase().replace("-", " "));
        assertThat(visitor.post("/elections/" + id + "/code", b).status()).isEqualTo(302);
        TestClient other = app.client();
        other.get("/elections/" + id + "/code");
        b.put("code", codes.get(0));
        assertThat(other.post("/elections/" + id + "/code", b).status()).isEqualTo(409);
        b.put("code", "AAAA-BBBB-CCCC");
        TestClient.Response wrong = other.post("/elections/" + id + "/code", b);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("href=\"#code\"");
        assertThat(ballots(id)).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'elections.codes_generated' AND subject = 'election:" + id + "'")).isEqualTo(1);
    }

    @Test
    void ballotsCannotBeLinkedToVoters() {
        List<String> columns = app.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'election_ballots' ORDER BY column_name").mapTo(String.class).list());
        assertThat(columns).containsExactly("election_id", "id", "ranking");
        List<String> voted = app.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'election_voted' ORDER BY column_name").mapTo(String.class).list());
        assertThat(voted).containsExactly("election_id", "voter_key");
    }

    @Test
    void fiftyConcurrentSubmissionsByOneMemberStoreOneBallot() throws Exception {
        long id = create("Concurrent", "scottish", 1);
        addElectors(id, "ben@demo.commonweal.org");
        TestClient ben = app.client();
        ben.signIn("ben@demo.commonweal.org", "demo-resident-pass");
        ben.get("/elections/" + id + "/vote");
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) results.add(pool.submit(() -> ben.post("/elections/" + id + "/vote", ballot(1, 2, 3, 4)).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) statuses.add(f.get());
        assertThat(statuses).containsOnly(302, 409);
        assertThat(statuses.stream().filter(s -> s == 302).count()).isEqualTo(1);
        assertThat(ballots(id)).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM election_voted WHERE election_id = " + id)).isEqualTo(1);
    }

    @Test
    void oneCodeUsedFromTwentyBrowsersAtOnceStoresOneBallot() throws Exception {
        long id = create("Concurrent code", "wigm", 1);
        String code = codes(id, 1).getFirst();
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                TestClient visitor = app.client();
                visitor.get("/elections/" + id + "/code");
                Map<String, String> b = ballot(1, 2, 0, 0);
                b.put("code", code);
                results.add(pool.submit(() -> visitor.post("/elections/" + id + "/code", b).status()));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) statuses.add(f.get());
        assertThat(statuses).containsOnly(302, 409);
        assertThat(statuses.stream().filter(s -> s == 302).count()).isEqualTo(1);
        assertThat(ballots(id)).isEqualTo(1);
    }

    @Test
    void theOrganiserClosesAndThePublishedCountIsTheEnginesCountOfTheSameBallots() throws Exception {
        long id = create("Board of trustees", "scottish", 2);
        addElectors(id, "amira@demo.commonweal.org, ben@demo.commonweal.org\nchidi@demo.commonweal.org");
        List<int[]> cast = new ArrayList<>();
        int[][] members = {{1, 2, 0, 0}, {2, 1, 3, 0}, {0, 0, 1, 2}};
        String[] emails = {"amira@demo.commonweal.org", "ben@demo.commonweal.org", "chidi@demo.commonweal.org"};
        assertThat(app.client().get("/elections").body()).as("an election still open is shown only to its members").doesNotContain("Board of trustees");
        assertThat(organiser.get("/elections").body()).contains("href=\"/elections/manage/new\"");
        for (int m = 0; m < members.length; m++) {
            TestClient c = app.client();
            c.signIn(emails[m], "demo-resident-pass");
            assertThat(c.get("/elections").body()).contains("Board of trustees");
            assertThat(vote(c, id, ballot(members[m])).status()).isEqualTo(302);
            assertThat(c.get("/elections/" + id).body()).contains("You have voted");
            TestClient.Response again = c.get("/elections/" + id + "/vote");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body()).as("a way back, not only Home").contains("href=\"/elections/" + id + "\">Back to the election</a>");
            cast.add(ranking(members[m]));
        }
        int[][] byCode = {{1, 0, 2, 0}, {0, 1, 0, 0}, {3, 2, 1, 4}, {1, 2, 0, 0}};
        List<String> codes = codes(id, byCode.length);
        for (int i = 0; i < byCode.length; i++) {
            TestClient v = app.client();
            v.get("/elections/" + id + "/code");
            Map<String, String> b = ballot(byCode[i]);
            b.put("code", codes.get(i));
            assertThat(v.post("/elections/" + id + "/code", b).status()).isEqualTo(302);
            cast.add(ranking(byCode[i]));
        }
        assertThat(organiser.get("/elections/manage/" + id).body()).contains("7 cast; 3 members listed, 4 voting codes issued");
        assertThat(app.client().get("/elections/" + id + "/ballots.blt").status()).as("no ballots before the count is published").isEqualTo(404);
        assertThat(organiser.post("/elections/manage/" + id + "/close", Map.of()).status()).isEqualTo(302);

        Ballots.Builder b = Ballots.builder();
        for (int[] r : cast) b.add(r, 1);
        CountReport expected = CountingRules.byName("scottish").orElseThrow().count(new Election("Board of trustees", CANDIDATES, 2, b.build()), id);
        assertThat(app.client().get("/elections").body()).as("a visitor finds published counts in the list").contains("Board of trustees");
        TestClient.Response published = app.client().get("/elections/" + id);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body()).contains("Elected, in order: " + String.join(", ", expected.electedNames()) + ".")
                .contains(expected.papers() + " valid ballots. The quota, the votes needed to be elected, is " + expected.format(expected.quota()) + ".")
                .contains("Stage " + expected.stages().size()).contains("First preferences")
                .as("the count is in words, not the engine's record or its codes").doesNotContain("Rule: scottish").doesNotContain("stv-count");
        assertThat(published.body().split("Board of trustees", -1)).as("the title once in the page, once in <title>").hasSize(3);
        TestClient.Response blt = app.client().get("/elections/" + id + "/ballots.blt");
        assertThat(blt.status()).isEqualTo(200);
        var recounted = CountingRules.byName("scottish").orElseThrow().count(
                Election.fromBlt(org.commonweal.elections.blt.BltReader.read("election.blt", blt.body()), 2), id);
        assertThat(recounted.electedNames()).as("the downloaded ballots count to the published result").isEqualTo(expected.electedNames());
        assertThat(recounted.papers()).isEqualTo(7);
        for (var stage : expected.stages()) {
            for (int c = 0; c < CANDIDATES.size(); c++) assertThat(published.body()).contains(">" + expected.format(stage.total(c)));
        }
        assertThat(published.body()).contains("I am Ada &amp; I &lt;care&gt;.");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'elections.counted' AND subject = 'election:" + id + "'")).isEqualTo(1);
        for (String action : List.of("elections.created", "elections.electors_added", "elections.codes_generated")) {
            assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = '" + action + "' AND subject = 'election:" + id + "'")).as(action).isGreaterThan(0);
        }
        TestClient late = app.client();
        assertThat(late.get("/elections/" + id + "/code").status()).isEqualTo(409);
        late.get("/sign-in");
        Map<String, String> lateBallot = ballot(1, 0, 0, 0);
        lateBallot.put("code", codes.get(0));
        assertThat(late.post("/elections/" + id + "/code", lateBallot).status()).isEqualTo(409);
        assertThat(organiser.post("/elections/manage/" + id + "/close", Map.of()).status()).isEqualTo(409);
        assertThat(ballots(id)).isEqualTo(7);
    }

    @Test
    void anElectionWithNoBallotsClosesWithNoOneElectedUnderEveryRule() {
        for (String rule : List.of("scottish", "meek", "wigm")) {
            long id = create("Nobody voted " + rule, rule, 1);
            organiser.get("/elections/manage/" + id);
            assertThat(organiser.post("/elections/manage/" + id + "/close", Map.of()).status()).as(rule).isEqualTo(302);
            assertThat(app.client().get("/elections/" + id).body()).as(rule).contains("No ballots were cast, so no one was elected.");
            assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'elections.counted' AND detail = '0 ballots; elected no one' AND subject = 'election:" + id + "'"))
                    .as(rule).isEqualTo(1);
        }
    }

    /** Candidate positions in preference order, from rank boxes (0 = left empty). */
    private static int[] ranking(int[] ranks) {
        int k = 0;
        for (int r : ranks) k = Math.max(k, r);
        int[] out = new int[k];
        for (int c = 0; c < ranks.length; c++) if (ranks[c] > 0) out[ranks[c] - 1] = c;
        return out;
    }
}
