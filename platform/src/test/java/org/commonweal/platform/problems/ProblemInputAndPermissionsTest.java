package org.commonweal.platform.problems;

import org.commonweal.platform.core.http.Photo;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.elections.Multipart;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is refused with clear errors, photos are checked by their bytes, and only the right people change things. */
class ProblemInputAndPermissionsTest extends PlatformTestCase {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    static long place(String name) {
        return ProblemJourneyTest.place(name);
    }

    static Map<String, String> problem(String title) {
        Map<String, String> form = new HashMap<>(Map.of("title", title, "description", "It is broken.", "place", String.valueOf(place("Quayside")),
                "theme", "streets", "photoAlt", ""));
        return form;
    }

    static TestClient resident(String email) {
        return ProblemJourneyTest.resident(email, "Quayside");
    }

    @Test
    void emptyOverLongAndUnknownFieldsGetClearErrors() {
        TestClient c = resident("input-empty@example.org");
        c.get("/problems/new");
        TestClient.Response empty = c.post("/problems", Map.of("title", " ", "description", "", "place", "", "theme", ""));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("Enter a title").contains("Enter a description").contains("Choose a place from the list")
                .contains("Choose a theme from the list").contains("href=\"#title\"");
        Map<String, String> tooLong = problem("x".repeat(201));
        tooLong.put("description", "y".repeat(5001));
        tooLong.put("place", "99999999");
        tooLong.put("theme", "<script>");
        TestClient.Response r = c.post("/problems", tooLong);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("The title must be 200 characters or fewer").contains("The description must be 5,000 characters or fewer")
                .contains("Choose a place from the list").contains("Choose a theme from the list");
        Map<String, String> badPlace = problem("Fine title");
        badPlace.put("place", "12abc");
        assertThat(c.post("/problems", badPlace).status()).isEqualTo(422);
        Map<String, String> control = problem("Bell \u0007 title");
        assertThat(c.post("/problems", control).body()).contains("control");
        assertThat(app.count("SELECT count(*) FROM problems WHERE author_id = (SELECT id FROM accounts WHERE email = 'input-empty@example.org')")).isZero();
    }

    @Test
    void scriptIsShownAsTextNeverRun() {
        TestClient c = resident("input-script@example.org");
        c.get("/problems/new");
        TestClient.Response r = c.post("/problems", problem("<script>alert('x')</script> pothole"));
        assertThat(r.status()).isEqualTo(302);
        String page = app.client().get(r.location()).body();
        assertThat(page).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(");
    }

    @Test
    void aPhotoIsCheckedByItsBytesNeedsAltTextAndIsServedWithItsTrueType() {
        TestClient c = resident("input-photo@example.org");
        c.get("/problems/new");
        TestClient.Response noAlt = Multipart.post(app, c, "/problems", problem("Photo without words"), "photo", "hole.png", PNG);
        assertThat(noAlt.status()).isEqualTo(422);
        assertThat(noAlt.body()).contains("Describe the photo for people who cannot see it");
        Map<String, String> withAlt = problem("Photo of a pothole");
        withAlt.put("photoAlt", "A pothole full of water");
        TestClient.Response html = Multipart.post(app, c, "/problems", withAlt, "photo", "hole.png", "<html><script>alert(1)</script>".getBytes());
        assertThat(html.status()).isEqualTo(422);
        assertThat(html.body()).contains("The photo must be a JPEG, PNG or WebP image");
        TestClient.Response big = Multipart.post(app, c, "/problems", withAlt, "photo", "big.png", new byte[Photo.MAX_BYTES + 1]);
        assertThat(big.status()).isEqualTo(422);
        assertThat(big.body()).contains("The photo must be 5 MB or smaller");
        TestClient.Response ok = Multipart.post(app, c, "/problems", withAlt, "photo", "renamed.txt", PNG);
        assertThat(ok.status()).as(ok.body()).isEqualTo(302);
        String page = app.client().get(ok.location()).body();
        assertThat(page).contains("alt=\"A pothole full of water\"");
        TestClient.Response photo = app.client().get(ok.location() + "/photo");
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.header("Content-Type")).isEqualTo("image/png");
        assertThat(photo.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(app.client().get("/problems/999999/photo").status()).isEqualTo(404);

        long id = Long.parseLong(ok.location().substring("/problems/".length()));
        Map<String, String> remove = problem("Photo of a pothole");
        remove.put("removePhoto", "on");
        c.get("/problems/" + id + "/edit");
        assertThat(c.post("/problems/" + id, remove).status()).isEqualTo(302);
        assertThat(app.client().get(ok.location() + "/photo").status()).isEqualTo(404);
    }

    @Test
    void photoSignaturesAreRecognisedAndEverythingElseIsNot() {
        assertThat(Photo.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).hasValue("image/jpeg");
        assertThat(Photo.sniff(PNG)).hasValue("image/png");
        assertThat(Photo.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes())).hasValue("image/webp");
        assertThat(Photo.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes())).isEmpty();
        assertThat(Photo.sniff("GIF89a".getBytes())).isEmpty();
        assertThat(Photo.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(Photo.sniff(new byte[0])).isEmpty();
    }

    @Test
    void onlyOfficersChangeStatusAndOnlyTheAuthorEditsOrWithdraws() {
        TestClient author = resident("perm-author@example.org");
        author.get("/problems/new");
        TestClient.Response posted = author.post("/problems", problem("Permission pothole"));
        long id = Long.parseLong(posted.location().substring("/problems/".length()));
        TestClient other = resident("perm-other@example.org");
        other.get("/problems/" + id);
        assertThat(other.post("/problems/" + id + "/status", Map.of("status", "solved", "reason", "")).status()).isEqualTo(403);
        assertThat(other.get("/problems/" + id + "/edit").status()).isEqualTo(403);
        other.get("/problems/" + id);
        assertThat(other.post("/problems/" + id, problem("Hijacked")).status()).isEqualTo(403);
        assertThat(other.post("/problems/" + id + "/withdraw", Map.of()).status()).isEqualTo(403);
        assertThat(author.post("/problems/" + id + "/status", Map.of("status", "solved", "reason", "")).status()).as("not even the author").isEqualTo(403);
        TestClient visitor = app.client();
        visitor.get("/sign-in");
        assertThat(visitor.post("/problems/" + id + "/support", Map.of()).status()).isEqualTo(403);
        assertThat(visitor.get("/problems/new").status()).isEqualTo(302);
        assertThat(app.platform.feature(org.commonweal.platform.problems.ProblemsFeature.class).problems().find(id).orElseThrow()).satisfies(p -> {
            assertThat(p.title()).isEqualTo("Permission pothole");
            assertThat(p.status()).isEqualTo("open");
        });

        author.get("/problems/" + id);
        TestClient.Response s = author.post("/problems/" + id + "/solutions", Map.of("title", "Fill it", "description", "With tarmac.", "proposal", ""));
        assertThat(s.status()).as(s.body()).isEqualTo(302);
        long solution = Long.parseLong(s.location().substring("/solutions/".length()));
        other.get("/solutions/" + solution);
        assertThat(other.post("/solutions/" + solution + "/status", Map.of("status", "done", "reason", "")).status()).isEqualTo(403);
        assertThat(other.post("/solutions/" + solution + "/withdraw", Map.of()).status()).isEqualTo(403);
        author.get("/solutions/" + solution);
        assertThat(author.post("/solutions/" + solution + "/withdraw", Map.of()).status()).isEqualTo(302);
        assertThat(app.client().get("/solutions/" + solution).status()).isEqualTo(404);
        assertThat(app.platform.subjects.find(new org.commonweal.platform.core.subjects.Subject("solution", solution))).isEmpty();

        author.get("/problems/" + id);
        assertThat(author.post("/problems/" + id + "/withdraw", Map.of()).status()).isEqualTo(302);
        assertThat(app.client().get("/problems/" + id).status()).isEqualTo(404);
        assertThat(app.platform.search.search(new org.commonweal.platform.core.search.SearchIndex.Query("Permission pothole", Set.of(), null, 1)).hits()).isEmpty();
        assertThat(app.client().get("/problems/abc").status()).isEqualTo(404);
        assertThat(app.client().get("/solutions/-1").status()).isEqualTo(404);
    }

    @Test
    void aBannedResidentCannotPostProblemsOrSolutionsAndIsToldUntilWhen() {
        TestClient banned = resident("banned@example.org");
        long account = app.platform.accounts.findByEmail("banned@example.org").orElseThrow().id();
        banned.get("/problems/new");
        TestClient.Response before = banned.post("/problems", problem("Before the ban"));
        long id = Long.parseLong(before.location().substring("/problems/".length()));
        app.platform.bans.ban(account, "Spamming", OffsetDateTime.parse("2099-03-01T12:00:00Z"), Actor.SYSTEM);
        TestClient.Response offered = banned.get("/problems/new");
        assertThat(offered.status()).as("told before writing, not after").isEqualTo(403);
        assertThat(offered.body()).contains("until 1 March 2099").contains("Spamming").doesNotContain("action=\"/problems\"");
        TestClient.Response r = banned.post("/problems", problem("After the ban"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("until 1 March 2099").contains("Spamming");
        banned.get("/problems/" + id);
        assertThat(banned.post("/problems/" + id + "/solutions", Map.of("title", "Banned idea", "description", "x", "proposal", "")).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM problems WHERE title = 'After the ban'")).isZero();
        assertThat(app.count("SELECT count(*) FROM problem_solutions WHERE title = 'Banned idea'")).isZero();
    }

    @Test
    void postingIsRateLimitedPerAccount() {
        TestClient c = resident("busy@example.org");
        c.get("/problems/new");
        for (int i = 0; i < PostingRules.POSTS.attempts(); i++) {
            assertThat(c.post("/problems", problem("Busy " + i)).status()).isEqualTo(302);
        }
        TestClient.Response limited = c.post("/problems", problem("One too many"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(app.count("SELECT count(*) FROM problems WHERE title = 'One too many'")).isZero();
    }
}
