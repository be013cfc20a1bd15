package org.commonweal.platform.core.http;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityTest extends PlatformTestCase {

    @Test
    void aFormPostedWithoutOrWithAnotherVisitorsCsrfTokenIsRefusedAndChangesNothing() {
        TestClient c = app.signedInAs("resident");
        Map<String, String> form = new HashMap<>(Map.of("name", "Hijacked", "homePlace", ""));
        assertThat(c.postRaw("/account", form).status()).isEqualTo(403);
        TestClient other = app.client();
        other.get("/register");
        form.put("_csrf", other.csrf());
        TestClient.Response r = c.postRaw("/account", form);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("The form could not be sent");
        assertThat(app.platform.accounts.findByEmail("amira@demo.commonweal.org").orElseThrow().name()).isEqualTo("Amira Hassan");
    }

    @Test
    void signInAndRegistrationFormsAlsoNeedTheCsrfToken() {
        TestClient c = app.client();
        assertThat(c.postRaw("/sign-in", Map.of("email", "amira@demo.commonweal.org", "password", "demo-resident-pass")).status()).isEqualTo(403);
        assertThat(c.postRaw("/register", Map.of("name", "X", "email", "x@example.org", "password", "long enough pw", "passwordConfirm", "long enough pw")).status())
                .isEqualTo(403);
        assertThat(app.platform.accounts.findByEmail("x@example.org")).isEmpty();
    }

    @Test
    void everyResponseCarriesStrictSecurityHeaders() {
        TestClient.Response r = app.client().get("/");
        String csp = r.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("X-Request-Id")).matches("[A-Za-z0-9_-]{16}");
        assertThat(r.body()).doesNotContain("<script>").doesNotContain("onclick=").doesNotContain("style=\"");
    }

    @Test
    void noResponseToASignedInUserMayBeStoredByACache() {
        TestClient resident = app.signedInAs("resident");
        for (String path : java.util.List.of("/", "/account", "/account/export", "/budgets", "/search?q=park", "/no-such-page")) {
            assertThat(resident.get(path).header("Cache-Control")).as(path).isEqualTo("no-store");
        }
        assertThat(app.client().get("/").header("Cache-Control")).as("a visitor's public page").isNull();
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndRotatedAtEverySignIn() {
        TestClient c = app.client();
        c.get("/sign-in");
        TestClient.Response r = c.post("/sign-in", Map.of("email", "ben@demo.commonweal.org", "password", "demo-resident-pass"));
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("cw_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
        String first = c.cookie("cw_session");
        c.get("/sign-in");
        c.post("/sign-in", Map.of("email", "ben@demo.commonweal.org", "password", "demo-resident-pass"));
        String second = c.cookie("cw_session");
        assertThat(second).isNotEqualTo(first);
        TestClient stale = app.client();
        stale.setCookie("cw_session", first);
        assertThat(stale.get("/account").status()).as("the old session id no longer works").isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM sessions WHERE id_hash = '" + first + "'")).as("only hashes are stored").isZero();
    }

    @Test
    void signInIsRateLimitedPerAccountWithAClearMessage() {
        TestClient c = app.client();
        c.get("/sign-in");
        int status = 0;
        String body = "";
        for (int i = 0; i < 6; i++) {
            TestClient.Response r = c.post("/sign-in", Map.of("email", "chidi@demo.commonweal.org", "password", "wrong password " + i));
            status = r.status();
            body = r.body();
        }
        assertThat(status).isEqualTo(429);
        assertThat(body).contains("Too many attempts").containsPattern("Wait \\d+ minutes");
        TestClient fresh = app.client();
        fresh.get("/sign-in");
        assertThat(fresh.post("/sign-in", Map.of("email", "chidi@demo.commonweal.org", "password", "demo-resident-pass")).status())
                .as("the account stays locked for a while even with the right password from elsewhere").isEqualTo(429);
    }

    /** A decision-day venue: everyone signs in from one address, and nobody is locked out by the others. */
    @Test
    void aRoomFullOfPeopleSigningInFromOneAddressIsNotLockedOutButGuessingAcrossAccountsIs() {
        for (int i = 0; i < 60; i++) {
            app.platform.accounts.createConfirmed("venue" + i + "@example.org", "Venue " + i, "venue password " + i, java.util.Set.of(), null);
        }
        for (int i = 0; i < 60; i++) {
            TestClient person = app.client();
            person.get("/sign-in");
            assertThat(person.post("/sign-in", Map.of("email", "venue" + i + "@example.org", "password", "venue password " + i)).status())
                    .as("person %d of 60 behind one address", i).isEqualTo(302);
        }
        // Every anonymous write also counts against the general write limit (120 a minute per address): a new minute.
        app.platform.limiter.reset();
        app.platform.limiter.stopTheClock();
        try {
            TestClient guesser = app.client();
            guesser.get("/sign-in");
            int status = 0;
            for (int i = 0; i < 100; i++) {
                status = guesser.post("/sign-in", Map.of("email", "venue" + (i % 60) + "@example.org", "password", "guess " + i)).status();
            }
            assertThat(status).as("each account was tried at most twice, within its own limit").isEqualTo(401);
            TestClient.Response next = guesser.post("/sign-in", Map.of("email", "venue59@example.org", "password", "venue password 59"));
            assertThat(next.status()).as("after 100 failures from one address it must wait, even with a right password").isEqualTo(429);
            assertThat(next.body()).contains("Too many attempts");
        } finally {
            app.platform.limiter.startTheClock();
        }
    }

    @Test
    void registrationIsRateLimitedPerAddress() {
        TestClient c = app.client();
        c.get("/register");
        int last = 0;
        for (int i = 0; i < 11; i++) {
            last = c.post("/register", Map.of("name", "Bot " + i, "email", "bot" + i + "@example.org", "password", "bot password " + i,
                    "passwordConfirm", "bot password " + i)).status();
            c.get("/register");
        }
        assertThat(last).isEqualTo(429);
    }

    @Test
    void whatUsersTypeIsEscapedOnEveryPage() {
        TestClient c = app.client();
        c.get("/register");
        c.post("/register", Map.of("name", "<script>alert(1)</script>", "email", "xss@example.org", "password", "long enough pw", "passwordConfirm", "long enough pw"));
        c.signIn("xss@example.org", "long enough pw");
        String page = c.get("/account").body();
        assertThat(page).doesNotContain("<script>alert(1)").contains("&lt;script");
        String admin = app.signedInAs("admin").get("/admin/users?q=xss").body();
        assertThat(admin).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    /** The raw query strings of the bypasses a blocklist let through: each must land on the home page. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"//evil.example/steal", "/%09/evil.example", "/%5Cevil.example", "%2F%2Fevil.example",
            "/%0D%0A/evil.example", "https%3A%2F%2Fevil.example", "/%252F%252Fevil.example", "%5C%5Cevil.example"})
    void aSignInNextParameterCannotSendUsersToAnotherSite(String next) {
        TestClient c = app.client();
        String shown = c.get("/sign-in?next=" + next).body();
        assertThat(shown).contains("name=\"next\" value=\"/\"");
        String decoded = java.net.URLDecoder.decode(next, java.nio.charset.StandardCharsets.UTF_8);
        TestClient.Response r = c.post("/sign-in", Map.of("email", "ben@demo.commonweal.org", "password", "demo-resident-pass", "next", decoded));
        assertThat(r.location()).isEqualTo("/");
    }

    @Test
    void aSignInNextPathOnThisSiteIsFollowed() {
        TestClient c = app.client();
        c.get("/sign-in?next=%2Fbudgets%3Fpage%3D2");
        TestClient.Response r = c.post("/sign-in", Map.of("email", "ben@demo.commonweal.org", "password", "demo-resident-pass", "next", "/budgets?page=2"));
        assertThat(r.location()).isEqualTo("/budgets?page=2");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        TestClient c = app.client();
        c.get("/sign-in");
        TestClient.Response wrong = c.post("/sign-in", Map.of("email", "ben@demo.commonweal.org", "password", "not his password"));
        TestClient.Response unknown = c.post("/sign-in", Map.of("email", "nobody@example.org", "password", "not his password"));
        assertThat(wrong.status()).isEqualTo(401).isEqualTo(unknown.status());
        assertThat(wrong.body()).contains("The email address or password is not correct");
        assertThat(unknown.body()).contains("The email address or password is not correct");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'account.sign_in_failed'")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() {
        String hash = app.database.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM accounts WHERE email = 'ben@demo.commonweal.org'")
                .mapTo(String.class).one());
        assertThat(hash).startsWith("$argon2id$").doesNotContain("demo-resident-pass");
    }
}
