package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonweal.platform.deliberation.DiscussionFixture.account;
import static org.commonweal.platform.deliberation.DiscussionFixture.commentId;

/** Moderators (and admins) work the report queue, hide and restore comments, dismiss reports and ban; nobody else can. */
class ModerationTest extends PlatformTestCase {
    private Subject proposal;
    private String url;

    @BeforeEach
    void findTheDemoProposal() {
        proposal = DiscussionFixture.demoProposal(app);
        url = DiscussionFixture.url(app, proposal);
    }

    private long comment(TestClient c, String body, Long parent) {
        c.get(url);
        return commentId(DiscussionFixture.post(c, proposal, url, body, parent).location());
    }

    private TestClient resident(String name) {
        TestClient c = app.client();
        c.signIn(name + "@demo.commonweal.org", "demo-resident-pass");
        return c;
    }

    @Test
    void theQueueShowsTheDemoReportToModeratorsAndAdmins() {
        for (String role : List.of("moderator", "admin")) {
            TestClient.Response queue = app.signedInAs(role).get("/moderation");
            assertThat(queue.status()).isEqualTo(200);
            assertThat(queue.body()).contains("CHEAP GARDEN FURNITURE").contains("It is spam or advertising").containsPattern("\\d+ open reports? about \\d+ comments?");
        }
    }

    @Test
    void residentsOfficersAndVisitorsAreRefusedEveryModerationRoute() {
        long someone = account(app, "ben");
        long anyComment = app.count("SELECT min(id) FROM comments");
        List<String> pages = List.of("/moderation", "/moderation/comments/" + anyComment, "/moderation/accounts/" + someone);
        List<String> actions = List.of("/moderation/comments/" + anyComment + "/hide", "/moderation/comments/" + anyComment + "/restore",
                "/moderation/comments/" + anyComment + "/dismiss", "/moderation/accounts/" + someone + "/ban", "/moderation/accounts/" + someone + "/lift");
        for (TestClient c : List.of(resident("amira"), app.signedInAs("officer"), app.signedInAs("organiser"))) {
            for (String p : pages) assertThat(c.get(p).status()).as(p).isEqualTo(403);
            c.get("/");
            for (String a : actions) assertThat(c.post(a, Map.of("reason", "x", "until", "")).status()).as(a).isEqualTo(403);
        }
        TestClient visitor = app.client();
        assertThat(visitor.get("/moderation").status()).isEqualTo(302);
        visitor.get("/sign-in");
        assertThat(visitor.post(actions.getFirst(), Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM comments WHERE hidden_at IS NOT NULL")).isZero();
        assertThat(app.platform.bans.isBanned(someone)).isFalse();
    }

    @Test
    void aHiddenCommentIsReplacedByAPublicNoteRepliesStayAndEveryStepIsAudited() {
        TestClient amira = resident("amira");
        TestClient ben = resident("ben");
        long rude = comment(amira, "Only idiots would want this", null);
        long reply = comment(ben, "Please keep it civil", rude);
        ben.get("/comments/" + rude + "/report");
        ben.post("/comments/" + rude + "/report", Map.of("reason", "abuse"));

        TestClient moderator = app.signedInAs("moderator");
        assertThat(moderator.get("/moderation").body()).contains("Only idiots would want this");
        assertThat(moderator.get("/moderation/comments/" + rude).body()).contains("It is abusive").contains("Ben Carter");
        TestClient.Response noReason = moderator.post("/moderation/comments/" + rude + "/hide", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("Enter the reason readers will see");
        assertThat(moderator.post("/moderation/comments/" + rude + "/hide", Map.of("reason", "Personal attack")).status()).isEqualTo(302);

        String publicPage = app.client().get(url).body();
        assertThat(publicPage).contains("Hidden by a moderator: Personal attack").doesNotContain("Only idiots").contains("Please keep it civil");
        assertThat(publicPage).contains("id=\"comment-" + reply + "\"");
        assertThat(moderator.get("/moderation").body()).doesNotContain("Only idiots would want this");
        assertThat(app.count("SELECT count(*) FROM comment_reports WHERE comment_id = " + rude + " AND resolution = 'hidden'")).isEqualTo(1);
        assertThat(app.platform.audit.recent("comment.hidden", 50, 0)).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("comment:" + rude);
            assertThat(e.detail()).isEqualTo("Personal attack");
        });

        moderator.get("/moderation/comments/" + rude);
        assertThat(moderator.post("/moderation/comments/" + rude + "/restore", Map.of()).status()).isEqualTo(302);
        assertThat(app.client().get(url).body()).contains("Only idiots would want this");
        assertThat(app.platform.audit.recent("comment.restored", 50, 0)).anySatisfy(e -> assertThat(e.subject()).isEqualTo("comment:" + rude));
    }

    @Test
    void dismissingClosesTheReportsButLeavesTheCommentAndIsAudited() {
        long fine = comment(resident("chidi"), "A perfectly fine remark", null);
        TestClient amira = resident("amira");
        amira.get("/comments/" + fine + "/report");
        amira.post("/comments/" + fine + "/report", Map.of("reason", "offtopic"));
        TestClient admin = app.signedInAs("admin");
        admin.get("/moderation/comments/" + fine);
        assertThat(admin.post("/moderation/comments/" + fine + "/dismiss", Map.of()).status()).isEqualTo(302);
        assertThat(admin.get("/moderation").body()).doesNotContain("A perfectly fine remark");
        assertThat(app.client().get(url).body()).contains("A perfectly fine remark");
        assertThat(app.platform.audit.recent("comment.reports_dismissed", 50, 0)).anySatisfy(e -> assertThat(e.subject()).isEqualTo("comment:" + fine));
    }

    @Test
    void aModeratorBansUntilADateOrIndefinitelyAndLiftsTheBan() {
        long chidi = account(app, "chidi");
        TestClient moderator = app.signedInAs("moderator");
        String page = "/moderation/accounts/" + chidi;
        assertThat(moderator.get(page).body()).contains("Moderation history: Chidi Okafor").contains("This account may post.");
        String ban = page + "/ban";
        assertThat(moderator.post(ban, Map.of("reason", "", "until", "")).status()).isEqualTo(422);
        TestClient.Response badDate = moderator.post(ban, Map.of("reason", "Spam", "until", "next week"));
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.body()).contains("Enter the end date as a date");
        assertThat(moderator.post(ban, Map.of("reason", "Spam", "until", "2001-01-01")).status()).isEqualTo(422);
        assertThat(app.platform.bans.isBanned(chidi)).isFalse();

        String inAWeek = LocalDate.now(ZoneId.of("Europe/London")).plusDays(7).toString();
        assertThat(moderator.post(ban, Map.of("reason", "Repeated spam", "until", inAWeek)).status()).isEqualTo(302);
        assertThat(app.platform.bans.active(chidi)).hasValueSatisfying(b -> assertThat(b.endsAt()).isNotNull());
        assertThat(moderator.get(page).body()).contains("Banned until").contains("Repeated spam");
        moderator.post(page + "/lift", Map.of());
        assertThat(app.platform.bans.isBanned(chidi)).isFalse();

        moderator.get(page);
        assertThat(moderator.post(ban, Map.of("reason", "Threats", "until", "")).status()).isEqualTo(302);
        assertThat(app.platform.bans.active(chidi)).hasValueSatisfying(b -> assertThat(b.endsAt()).isNull());
        assertThat(moderator.get(page).body()).contains("until a moderator lifts the ban");
        moderator.post(page + "/lift", Map.of());
        assertThat(app.platform.bans.isBanned(chidi)).isFalse();
        assertThat(app.platform.audit.recent("account.banned", 50, 0)).filteredOn(e -> e.subject().equals("account:" + chidi)).hasSize(2);
        assertThat(app.platform.audit.recent("account.ban_lifted", 50, 0)).filteredOn(e -> e.subject().equals("account:" + chidi)).hasSize(2);
        assertThat(moderator.get("/moderation/accounts/99999999").status()).isEqualTo(404);
        assertThat(moderator.get("/moderation/comments/abc").status()).isEqualTo(404);
    }
}
