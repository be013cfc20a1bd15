package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonweal.platform.deliberation.DiscussionFixture.account;
import static org.commonweal.platform.deliberation.DiscussionFixture.commentId;

/** Residents discuss a budget proposal: post, reply, edit within the window, report; bad input and bans are refused clearly. */
class CommentsTest extends PlatformTestCase {
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
        c.get(url);
        return c;
    }

    private TestClient.Response comment(TestClient c, String body, Long parent) {
        return DiscussionFixture.post(c, proposal, url, body, parent);
    }

    @Test
    void theDemoProposalShowsItsDiscussionWithAReplyIndented() {
        String page = app.client().get(url).body();
        long count = app.count("SELECT count(*) FROM comments WHERE subject_kind = 'proposal' AND subject_id = " + proposal.id());
        assertThat(count).isGreaterThanOrEqualTo(4);
        assertThat(page).contains("Comments (" + count + ")", "The trees would make such a difference", "cw-comment--depth-1", "Sign in to comment");
        assertThat(page).contains("Happy to help water them if there is a rota.\nI live on the corner of Station Road.");
    }

    @Test
    void aResidentPostsAndRepliesAndTheCommentIsEscapedWithItsLineBreaks() {
        TestClient ben = resident("ben");
        TestClient.Response posted = comment(ben, "<script>alert(1)</script>\nSecond line", null);
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.location()).startsWith(url + "#comment-");
        long id = commentId(posted.location());
        String page = ben.get(url).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;\nSecond line").doesNotContain("<script>alert(1)");
        assertThat(ben.get("/comments/" + id + "/reply").body()).contains("Reply to a comment");
        TestClient chidi = resident("chidi");
        TestClient.Response reply = comment(chidi, "A reply", id);
        assertThat(reply.status()).isEqualTo(302);
        assertThat(app.count("SELECT parent_id FROM comments WHERE id = " + commentId(reply.location()))).isEqualTo(id);
    }

    @Test
    void repliesDeeperThanThreeLevelsStayUnderTheirThreadNamingWhomTheyAnswer() {
        TestClient amira = resident("amira");
        TestClient ben = resident("ben");
        Long parent = null;
        for (int depth = 0; depth <= 4; depth++) {
            TestClient who = depth % 2 == 0 ? amira : ben;
            parent = commentId(comment(who, "Level " + depth, parent).location());
        }
        String page = amira.get(url).body();
        assertThat(page).doesNotContain("cw-comment--depth-4");
        assertThat(page).containsPattern("cw-comment--depth-3\" id=\"comment-" + parent + "\">\\s*<p class=\"govuk-body-s cw-comment__context\">Replying to Ben Carter");
    }

    @Test
    void emptyOverLongAndMalformedCommentsAreRefusedWithClearErrors() {
        TestClient ben = resident("ben");
        TestClient.Response empty = comment(ben, "   ", null);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("Enter your comment");
        TestClient.Response tooLong = comment(ben, "x".repeat(5001), null);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("5,000 characters or fewer");
        assertThat(comment(ben, "x".repeat(5000), null).status()).isEqualTo(302);
        assertThat(ben.post("/comments", Map.of("subject", "proposal:abc", "body", "Hi")).status()).isEqualTo(404);
        assertThat(ben.post("/comments", Map.of("subject", "nosuchkind:1", "body", "Hi")).status()).isEqualTo(404);
        assertThat(ben.post("/comments", Map.of("subject", "proposal:99999999", "body", "Hi")).status()).isEqualTo(404);
        assertThat(ben.post("/comments", Map.of("subject", proposal.key(), "parent", "x1", "body", "Hi")).status()).isEqualTo(404);
        assertThat(ben.post("/comments", Map.of("subject", proposal.key(), "parent", "99999999", "body", "Hi")).status()).isEqualTo(404);
        assertThat(ben.get("/comments/notanumber/edit").status()).isEqualTo(404);
    }

    @Test
    void theReturnAddressMustBeOnThisSite() {
        TestClient ben = resident("ben");
        for (String evil : new String[]{"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/\t/evil.example", "/%5Cevil.example"}) {
            TestClient.Response r = ben.post("/comments", Map.of("subject", proposal.key(), "body", "Hello", "return", evil));
            assertThat(r.location()).startsWith(url + "#comment-");
        }
    }

    @Test
    void signedOutVisitorsCannotPost() {
        TestClient visitor = app.client();
        visitor.get("/sign-in");
        assertThat(visitor.post("/comments", Map.of("subject", proposal.key(), "body", "Hello")).status()).isEqualTo(403);
    }

    @Test
    void theAuthorEditsWithinFifteenMinutesOnlyAndOthersNever() {
        TestClient amira = resident("amira");
        long id = commentId(comment(amira, "Fisrt draft", null).location());
        assertThat(amira.get(url).body()).contains("/comments/" + id + "/edit");
        assertThat(amira.get("/comments/" + id + "/edit").body()).contains("Fisrt draft");
        TestClient.Response saved = amira.post("/comments/" + id + "/edit", Map.of("body", "First draft", "return", url));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(amira.get(url).body()).containsPattern("First draft").contains("edited");
        TestClient ben = resident("ben");
        assertThat(ben.get("/comments/" + id + "/edit").status()).isEqualTo(403);
        ben.get(url);
        assertThat(ben.post("/comments/" + id + "/edit", Map.of("body", "Hijacked")).status()).isEqualTo(403);
        assertThat(amira.post("/comments/" + id + "/edit", Map.of("body", "")).status()).isEqualTo(422);
        app.database.jdbi().useHandle(h -> h.execute("UPDATE comments SET created_at = now() - interval '16 minutes' WHERE id = ?", id));
        amira.get(url);
        TestClient.Response late = amira.post("/comments/" + id + "/edit", Map.of("body", "Too late"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("15 minutes");
        assertThat(app.count("SELECT count(*) FROM comments WHERE body = 'Too late'")).isZero();
    }

    @Test
    void aResidentReportsACommentOnceWithAReason() {
        TestClient amira = resident("amira");
        long id = commentId(comment(amira, "Something contentious", null).location());
        TestClient chidi = resident("chidi");
        assertThat(chidi.get("/comments/" + id + "/report").body()).contains("It is spam or advertising");
        assertThat(chidi.post("/comments/" + id + "/report", Map.of("reason", "nonsense")).status()).isEqualTo(422);
        assertThat(chidi.post("/comments/" + id + "/report", Map.of("reason", "other", "note", "n".repeat(1001))).status()).isEqualTo(422);
        TestClient.Response done = chidi.post("/comments/" + id + "/report", Map.of("reason", "abuse", "note", "Rude", "return", url));
        assertThat(done.status()).isEqualTo(302);
        assertThat(chidi.get(url).body()).contains("You reported this comment");
        chidi.get("/comments/" + id + "/report");
        assertThat(chidi.post("/comments/" + id + "/report", Map.of("reason", "spam")).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM comment_reports WHERE comment_id = " + id)).isEqualTo(1);
        amira.get(url);
        assertThat(amira.post("/comments/" + id + "/report", Map.of("reason", "spam")).status()).isEqualTo(403);
    }

    @Test
    void aBannedAccountIsRefusedWithTheBanEnd() {
        long ben = account(app, "ben");
        app.platform.bans.ban(ben, "Spam", OffsetDateTime.parse("2099-03-01T12:00:00Z"), new Actor(null, "test", "test"));
        try {
            TestClient client = resident("ben");
            assertThat(client.get(url).body()).contains("You cannot post").contains("until 1 March 2099");
            TestClient.Response refused = comment(client, "Let me in", null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("until 1 March 2099, 12:00");
        } finally {
            app.platform.bans.lift(ben, new Actor(null, "test", "test"));
        }
    }

    @Test
    void aWithdrawnProposalIsClosedForComments() {
        long before = app.count("SELECT count(*) FROM comments");
        app.database.jdbi().useHandle(h -> h.execute("UPDATE budget_proposals SET status = 'withdrawn' WHERE id = ?", proposal.id()));
        try {
            TestClient ben = resident("ben");
            assertThat(ben.get(url).body()).contains("Comments are closed here.");
            assertThat(comment(ben, "Hello", null).status()).isEqualTo(409);
            assertThat(app.count("SELECT count(*) FROM comments")).isEqualTo(before);
        } finally {
            app.database.jdbi().useHandle(h -> h.execute("UPDATE budget_proposals SET status = 'feasible' WHERE id = ?", proposal.id()));
        }
    }

    @Test
    void postingIsLimitedPerAccount() {
        TestClient chidi = resident("chidi");
        for (int i = 0; i < Deliberation.POSTS.attempts(); i++) assertThat(comment(chidi, "Post " + i, null).status()).isEqualTo(302);
        assertThat(comment(chidi, "One too many", null).status()).isEqualTo(429);
    }

    @Test
    void aVeryLongDiscussionShowsItsLatestThousandCommentsAndSaysSo() {
        long other = app.count("SELECT min(id) FROM budget_proposals WHERE status <> 'withdrawn' AND id <> " + proposal.id());
        Subject busy = new Subject("proposal", other);
        app.database.jdbi().useHandle(h -> h.execute("""
                INSERT INTO comments (subject_kind, subject_id, author_id, body)
                SELECT 'proposal', ?, (SELECT min(id) FROM accounts), 'Busy ' || g FROM generate_series(1, ?) g""", other, CommentThread.MAX_SHOWN + 5));
        String page = app.client().get(DiscussionFixture.url(app, busy)).body();
        assertThat(page).contains("Comments (" + String.format("%,d", CommentThread.MAX_SHOWN + 5) + ")").contains("these are the latest 1,000");
        assertThat(page).contains("Busy " + (CommentThread.MAX_SHOWN + 5) + "<").contains("Busy 6<").doesNotContain("Busy 5<");
    }

    @Test
    void theOpenDatasetListsVisibleCommentsWithAuthorNamesOnly() {
        String csv = app.client().get("/open-data/comments.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("id,subject,parent_id,author,created_at,edited_at,body");
        assertThat(csv).contains(proposal.key()).contains("Amira Hassan").doesNotContain("@demo.commonweal.org");
        long hidden = app.count("SELECT min(id) FROM comments");
        app.database.jdbi().useHandle(h -> h.execute("UPDATE comments SET hidden_at = now(), hidden_reason = 'test' WHERE id = ?", hidden));
        try {
            String after = app.client().get("/open-data/comments.json").body();
            assertThat(after).doesNotContain("\"id\":" + hidden + ",").contains(proposal.key());
        } finally {
            app.database.jdbi().useHandle(h -> h.execute("UPDATE comments SET hidden_at = NULL, hidden_reason = NULL WHERE id = ?", hidden));
        }
    }
}
