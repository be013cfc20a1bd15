package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonweal.platform.deliberation.DiscussionFixture.account;
import static org.commonweal.platform.deliberation.DiscussionFixture.commentId;

/** Follows and notifications: replies reach the parent's author, phase openings reach a budget's followers, and email obeys settings and unsubscribe links. */
class NotificationsTest extends PlatformTestCase {
    private static final Pattern UNSUBSCRIBE = Pattern.compile("http://localhost(/unsubscribe\\?account=(\\d+)&event=(\\w+)&token=([0-9a-f]+))");
    private Subject proposal;
    private String url;

    @BeforeEach
    void findTheDemoProposal() {
        proposal = DiscussionFixture.demoProposal(app);
        url = DiscussionFixture.url(app, proposal);
    }

    private TestClient resident(String name) {
        TestClient c = app.client();
        c.signIn(name + "@demo.commonweal.org", "demo-resident-pass");
        return c;
    }

    private long comment(TestClient c, String body, Long parent) {
        c.get(url);
        Map<String, String> form = new HashMap<>(Map.of("subject", proposal.key(), "body", body, "return", url));
        if (parent != null) form.put("parent", parent.toString());
        return commentId(c.post("/comments", form).location());
    }

    private long notifications(long accountId, String like) {
        return app.count("SELECT count(*) FROM notifications WHERE account_id = " + accountId + " AND array_to_string(args, '|') LIKE '" + like + "'");
    }

    private long mails(String recipient, String like) {
        return app.count("SELECT count(*) FROM mail_outbox WHERE recipient = '" + recipient + "' AND body LIKE '" + like + "'");
    }

    @Test
    void aReplyNotifiesTheParentAuthorOnTheSiteAndByEmailButNotTheReplier() {
        TestClient amira = resident("amira");
        TestClient ben = resident("ben");
        long amiraId = account(app, "amira");
        long before = notifications(amiraId, "Ben Carter|%");
        long benBefore = notifications(account(app, "ben"), "%");
        long mine = comment(amira, "Who will water the trees?", null);
        comment(amira, "Answering myself", mine);
        comment(ben, "The council will, for two years", mine);
        assertThat(notifications(amiraId, "Ben Carter|%")).isEqualTo(before + 1);
        assertThat(notifications(account(app, "ben"), "%")).isEqualTo(benBefore);
        assertThat(notifications(amiraId, "Amira Hassan|%")).isZero();
        String mail = app.latestMailBody("amira@demo.commonweal.org");
        assertThat(mail).contains("Ben Carter replied to your comment").contains("http://localhost" + url).containsPattern(UNSUBSCRIBE);
        String page = amira.get("/notifications").body();
        assertThat(page).contains("Ben Carter replied to your comment on \"Street trees").contains("Unread: ");
        amira.post("/notifications/read", Map.of());
        assertThat(amira.get("/notifications").body()).contains("Unread: 0");
    }

    @Test
    void followersOfABudgetHearWhenAPhaseOpensExceptTheOfficerWhoOpenedIt() {
        TestClient officer = app.signedInAs("officer");
        officer.get("/budgets/new");
        long council = app.count("SELECT id FROM places WHERE parent_id IS NULL");
        TestClient.Response created = officer.post("/budgets", Map.of("title", "Hillcrest Small Grants", "place", String.valueOf(council), "summary", "Small grants"));
        String budget = created.location();
        long id = Long.parseLong(budget.substring(budget.lastIndexOf('/') + 1));
        TestClient chidi = resident("chidi");
        assertThat(chidi.get(budget).body()).contains("name=\"follow\" value=\"yes\"");
        assertThat(chidi.post("/follows", Map.of("subject", "budget:" + id, "follow", "yes", "return", budget)).location()).isEqualTo(budget);
        assertThat(chidi.get(budget).body()).contains("Stop following");
        officer.get(budget);
        officer.post("/follows", Map.of("subject", "budget:" + id, "follow", "yes", "return", budget));
        officer.get(budget);
        assertThat(officer.post(budget + "/phase", Map.of("from", "information", "confirm", "yes")).status()).isEqualTo(302);

        long chidiId = account(app, "chidi");
        assertThat(app.count("SELECT count(*) FROM notifications WHERE account_id = " + chidiId + " AND subject_kind = 'budget' AND subject_id = " + id
                + " AND event = 'phases' AND message_key = 'deliberation.phase.opened.ideas'")).isEqualTo(1);
        assertThat(chidi.get("/notifications").body()).contains("Hillcrest Small Grants is open for ideas");
        assertThat(mails("chidi@demo.commonweal.org", "Hillcrest Small Grants is open for ideas%")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM notifications WHERE account_id = " + account(app, "officer") + " AND subject_id = " + id)).isZero();

        chidi.get(budget);
        chidi.post("/follows", Map.of("subject", "budget:" + id, "follow", "no", "return", budget));
        officer.get(budget);
        officer.post(budget + "/phase", Map.of("from", "ideas", "confirm", "yes"));
        assertThat(app.count("SELECT count(*) FROM notifications WHERE account_id = " + chidiId + " AND subject_kind = 'budget' AND subject_id = " + id)).isEqualTo(1);
        chidi.get("/");
        assertThat(chidi.post("/follows", Map.of("subject", "budget:99999999", "follow", "yes")).status()).isEqualTo(404);
    }

    @Test
    void aSubjectsAuthorFollowsItUntilTheyUnfollow() {
        long amira = account(app, "amira");
        assertThat(app.platform.subjects.find(proposal).orElseThrow().authorId()).isEqualTo(amira);
        app.database.jdbi().useHandle(h -> h.execute("DELETE FROM follows WHERE subject_kind = 'proposal' AND subject_id = ? AND account_id = ?", proposal.id(), amira));
        app.platform.subjects.announce(SubjectChange.toFollowers(proposal, null, "deliberation.phase.opened.voting", "First"));
        assertThat(notifications(amira, "First")).isEqualTo(1);
        TestClient client = resident("amira");
        client.get(url);
        client.post("/follows", Map.of("subject", proposal.key(), "follow", "no", "return", url));
        app.platform.subjects.announce(SubjectChange.toFollowers(proposal, null, "deliberation.phase.opened.voting", "Second"));
        assertThat(notifications(amira, "Second")).isZero();
    }

    @Test
    void emailFollowsTheSettingsAndTheOneClickUnsubscribeNeedsAConfirmingPost() {
        TestClient ben = resident("ben");
        ben.get("/notifications/settings");
        ben.post("/notifications/settings", Map.of("email.updates", "on", "email.phases", "on"));
        assertThat(ben.get("/notifications/settings").body()).doesNotContain("name=\"email.replies\" type=\"checkbox\" value=\"on\" checked");
        long bens = comment(ben, "Settings check", null);
        comment(resident("chidi"), "Reply one", bens);
        assertThat(notifications(account(app, "ben"), "Chidi Okafor|%")).isEqualTo(1);
        assertThat(mails("ben@demo.commonweal.org", "Chidi Okafor replied%")).isZero();

        app.platform.subjects.announce(SubjectChange.toFollowers(proposal, null, "deliberation.phase.opened.voting", "Unsubscribe test"));
        String mail = app.latestMailBody("ben@demo.commonweal.org");
        Matcher link = UNSUBSCRIBE.matcher(mail);
        assertThat(link.find()).isTrue();
        assertThat(link.group(3)).isEqualTo("phases");

        TestClient stranger = app.client();
        TestClient.Response confirm = stranger.get(link.group(1));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Stop these emails");
        assertThat(app.count("SELECT count(*) FROM notification_settings WHERE account_id = " + link.group(2) + " AND event = 'phases' AND NOT email")).isZero();
        String wrong = link.group(4).substring(0, 10) + (link.group(4).charAt(10) == 'a' ? 'b' : 'a') + link.group(4).substring(11);
        assertThat(stranger.get("/unsubscribe?account=" + link.group(2) + "&event=phases&token=" + wrong).status()).isEqualTo(404);
        assertThat(stranger.get("/unsubscribe?account=" + link.group(2) + "&event=replies&token=" + link.group(4)).status()).isEqualTo(404);
        assertThat(stranger.get("/unsubscribe?account=x&event=phases&token=" + link.group(4)).status()).isEqualTo(404);
        assertThat(stranger.post("/unsubscribe", Map.of("account", link.group(2), "event", "phases", "token", wrong)).status()).isEqualTo(404);
        stranger.get(link.group(1));
        assertThat(stranger.post("/unsubscribe", Map.of("account", link.group(2), "event", "phases", "token", link.group(4))).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM notification_settings WHERE account_id = " + link.group(2) + " AND event = 'phases' AND NOT email")).isEqualTo(1);
        app.platform.subjects.announce(SubjectChange.toFollowers(proposal, null, "deliberation.phase.opened.voting", "After unsubscribing"));
        assertThat(mails("ben@demo.commonweal.org", "Voting is open in After unsubscribing%")).isZero();
        assertThat(notifications(account(app, "ben"), "After unsubscribing")).isEqualTo(1);
    }

    @Test
    void notificationMailsCarryAOneClickListUnsubscribeThatAProviderMayPostWithoutCookiesOrCsrf() throws Exception {
        TestClient chidi = resident("chidi");
        long chidis = comment(chidi, "Who pays for the benches?", null);
        comment(resident("amira"), "The ward budget", chidis);
        long chidiId = account(app, "chidi");
        Matcher link = UNSUBSCRIBE.matcher(app.latestMailBody("chidi@demo.commonweal.org"));
        assertThat(link.find()).isTrue();
        assertThat(link.group(3)).isEqualTo("replies");
        Map<String, String> headers = app.database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT headers->>'List-Unsubscribe' AS u, headers->>'List-Unsubscribe-Post' AS p FROM mail_outbox WHERE recipient = :r ORDER BY id DESC LIMIT 1")
                .bind("r", "chidi@demo.commonweal.org").map((rs, c) -> Map.of("u", rs.getString("u"), "p", rs.getString("p"))).one());
        assertThat(headers).containsEntry("u", "<" + link.group() + ">").containsEntry("p", "List-Unsubscribe=One-Click");
        String off = "SELECT count(*) FROM notification_settings WHERE account_id = " + chidiId + " AND event = 'replies' AND NOT email";
        Map<String, String> oneClick = Map.of("List-Unsubscribe", "One-Click");

        TestClient scanner = app.client();
        assertThat(scanner.get(link.group(1)).status()).as("a GET only asks").isEqualTo(200);
        assertThat(app.count(off)).isZero();
        String forged = link.group(1).replace("token=" + link.group(4), "token=" + "0".repeat(64));
        TestClient provider = app.client();
        assertThat(provider.postRaw(forged, oneClick).status()).isEqualTo(404);
        assertThat(provider.postRaw(link.group(1).replace("account=" + chidiId, "account=" + (chidiId + 1)), oneClick).status()).isEqualTo(404);
        assertThat(app.count(off)).isZero();
        TestClient.Response noBody = provider.postRaw(link.group(1), Map.of());
        assertThat(noBody.status()).as("only the RFC 8058 body is spared the CSRF check").isEqualTo(403);
        assertThat(app.count(off)).isZero();

        TestClient.Response done = provider.postRaw(link.group(1), oneClick);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("You will no longer get these emails.");
        assertThat(app.count(off)).isEqualTo(1);
        String boundary = "oneclick" + System.nanoTime();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--" + boundary + "--\r\n";
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(app.url(link.group(1))))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofString(multipart)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).as("the multipart form RFC 8058 prefers works too, and twice is the same as once").isEqualTo(200);
        }
        assertThat(app.count(off)).isEqualTo(1);

        TestClient.Response elsewhere = chidi.postRaw("/notifications/settings", oneClick);
        assertThat(elsewhere.status()).as("other routes still need the CSRF token").isEqualTo(403);
        assertThat(elsewhere.body()).contains("The form could not be sent");
    }

    @Test
    void theOneClickUnsubscribeIsStillRateLimited() {
        TestClient provider = app.client();
        Map<String, String> oneClick = Map.of("List-Unsubscribe", "One-Click");
        int status = 0;
        for (int i = 0; i < 300 && status != 429; i++) status = provider.postRaw("/unsubscribe?account=1&event=replies&token=00", oneClick).status();
        assertThat(status).isEqualTo(429);
    }

    @Test
    void aChangeReachesThousandsOfFollowersInOneFanOut() {
        app.database.jdbi().useHandle(h -> {
            h.execute("""
                    INSERT INTO accounts (email, name, password_hash, email_confirmed_at)
                    SELECT 'follower' || g || '@example.org', 'Follower ' || g, 'x', now() FROM generate_series(1, 2000) g""");
            h.execute("""
                    INSERT INTO follows (subject_kind, subject_id, account_id)
                    SELECT 'proposal', ?, id FROM accounts WHERE email LIKE 'follower%@example.org'""", proposal.id());
        });
        app.platform.subjects.announce(SubjectChange.toFollowers(proposal, null, "deliberation.phase.opened.voting", "Crowd"));
        assertThat(app.count("SELECT count(*) FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE a.email LIKE 'follower%@example.org' AND array_to_string(n.args, '|') = 'Crowd'"))
                .isEqualTo(2000);
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE recipient LIKE 'follower%@example.org' AND body LIKE 'Voting is open in Crowd%'")).isEqualTo(2000);
    }
}
