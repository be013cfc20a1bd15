package org.commonweal.platform.core.accounts;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AccountJourneyTest extends PlatformTestCase {

    private static String linkIn(String mail, String path) {
        Matcher m = Pattern.compile("http://localhost(" + Pattern.quote(path) + "[A-Za-z0-9_-]+)").matcher(mail);
        assertThat(m.find()).as("mail contains a %s link: %s", path, mail).isTrue();
        return m.group(1);
    }

    @Test
    void aResidentRegistersConfirmsSignsOutAndBackInEditsExportsAndDeletes() {
        TestClient c = app.client();
        c.get("/register");
        TestClient.Response r = c.post("/register", Map.of("name", "Dana Resident", "email", "dana@example.org",
                "password", "correct horse battery", "passwordConfirm", "correct horse battery"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).isEqualTo("/sign-in");
        assertThat(c.get("/sign-in").body()).contains("Check your email");
        c.signIn("dana@example.org", "correct horse battery");
        assertThat(c.get("/account").body()).contains("Dana Resident").contains("not confirmed yet");

        String confirm = linkIn(app.latestMailBody("dana@example.org"), "/account/confirm/");
        assertThat(c.get(confirm).body()).contains("Email address confirmed");
        assertThat(c.get(confirm).status()).as("a confirmation link works once").isEqualTo(400);
        assertThat(c.get("/account").body()).doesNotContain("not confirmed yet");

        assertThat(c.post("/sign-out", Map.of()).status()).isEqualTo(302);
        assertThat(c.get("/account").status()).as("signed out: account page sends to sign-in").isEqualTo(302);
        c.signIn("DANA@example.org", "correct horse battery");

        long quayside = app.platform.places.tree().stream().filter(p -> p.name().equals("Quayside")).findFirst().orElseThrow().id();
        c.get("/account");
        r = c.post("/account", Map.of("name", "Dana R.", "homePlace", String.valueOf(quayside)));
        assertThat(r.status()).isEqualTo(302);
        assertThat(c.get("/account").body()).contains("value=\"Dana R.\"").contains("Your details have been saved.");

        r = c.get("/account/export");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.body()).contains("\"email\" : \"dana@example.org\"").contains("\"homePlace\" : \"Quayside\"").contains("account.signed_in");

        c.get("/account/delete");
        r = c.post("/account/delete", Map.of("password", "wrong password!"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("The password is not correct").contains("href=\"#password\"");
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE lower(recipient) = 'dana@example.org'")).isPositive();
        r = c.post("/account/delete", Map.of("password", "correct horse battery"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM accounts WHERE email = 'dana@example.org'")).isZero();
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE lower(recipient) = 'dana@example.org'")).as("no mail kept for a deleted account").isZero();
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'account.deleted'")).isEqualTo(1);
        TestClient other = app.client();
        other.get("/sign-in");
        assertThat(other.post("/sign-in", Map.of("email", "dana@example.org", "password", "correct horse battery")).status()).isEqualTo(401);
    }

    @Test
    void registrationWithBadInputReturnsTheFormWithEachErrorAndStoresNothing() {
        long before = app.count("SELECT count(*) FROM accounts");
        TestClient c = app.client();
        c.get("/register");
        TestClient.Response r = c.post("/register", Map.of("name", " ", "email", "not-an-email", "password", "short", "passwordConfirm", "other"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("There is a problem")
                .contains("<a href=\"#name\">Enter your full name</a>")
                .contains("<a href=\"#email\">Enter an email address in the correct format")
                .contains("<a href=\"#password\">Password must be at least 10 characters</a>")
                .contains("<a href=\"#passwordConfirm\">The passwords do not match</a>")
                .contains("value=\"not-an-email\"");
        assertThat(app.count("SELECT count(*) FROM accounts")).isEqualTo(before);
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'not-an-email'")).isZero();
    }

    @Test
    void registeringWithAnAddressThatHasAnAccountLooksTheSameAsANewOneAndMailsTheOwnerInstead() {
        long accounts = app.count("SELECT count(*) FROM accounts");
        TestClient taken = app.client();
        taken.get("/register");
        TestClient.Response copy = taken.post("/register", Map.of("name", "Copy", "email", "AMIRA@demo.commonweal.org",
                "password", "long enough password", "passwordConfirm", "long enough password"));
        TestClient fresh = app.client();
        fresh.get("/register");
        TestClient.Response created = fresh.post("/register", Map.of("name", "Eve New", "email", "eve.new@example.org",
                "password", "long enough password", "passwordConfirm", "long enough password"));

        assertThat(copy.status()).isEqualTo(created.status()).isEqualTo(302);
        assertThat(copy.location()).isEqualTo(created.location()).isEqualTo("/sign-in");
        assertThat(cookiesSet(copy)).as("neither is signed in").noneMatch(h -> h.startsWith("cw_session="));
        assertThat(cookiesSet(copy).stream().map(h -> h.split("=")[0]).toList()).as("the same cookies, whose values hold only what was typed")
                .containsExactlyElementsOf(cookiesSet(created).stream().map(h -> h.split("=")[0]).toList());
        assertThat(taken.get("/sign-in").body()).contains("Check your email");
        assertThat(fresh.get("/sign-in").body()).contains("Check your email");

        assertThat(app.count("SELECT count(*) FROM accounts")).as("only the new address got an account").isEqualTo(accounts + 1);
        assertThat(app.latestMailBody("amira@demo.commonweal.org")).contains("Someone tried to create a Commonweal account with this email address")
                .contains("http://localhost/sign-in").contains("http://localhost/forgot-password");
        assertThat(app.latestMailBody("eve.new@example.org")).contains("/account/confirm/");
        app.client().signIn("amira@demo.commonweal.org", "demo-resident-pass");
    }

    /** The demo sends no mail: the browser that registered reads the mail it caused, and no other browser can. */
    @Test
    void inTheDemoTheNewcomerReadsTheirOwnMailAndNobodyElses() {
        TestClient dana = app.client();
        dana.get("/register");
        dana.post("/register", Map.of("name", "Demo Dana", "email", "demo.dana@example.org", "password", "long enough password",
                "passwordConfirm", "long enough password"));
        assertThat(dana.get("/sign-in").body()).contains("href=\"/demo/mail\"");
        String mail = dana.get("/demo/mail").body();
        assertThat(mail).contains("Confirm your email address for Commonweal").contains("demo.dana@example.org");
        String link = mail.substring(mail.indexOf("href=\"http://localhost/account/confirm/") + 6);
        link = link.substring("http://localhost".length(), link.indexOf('"'));
        assertThat(dana.get(link).body()).contains("Your email address is confirmed");

        TestClient other = app.client();
        assertThat(other.get("/demo/mail").body()).contains("No message has been sent from this browser yet").doesNotContain("/account/confirm/");
        other.setCookie("cw_demo_mail", "admin%40demo.commonweal.org.forged");
        assertThat(other.get("/demo/mail").body()).as("a forged cookie reads nothing").contains("No message has been sent from this browser yet");
        other.setCookie("cw_demo_mail", dana.cookie("cw_demo_mail").replace("demo.dana", "demo.eve"));
        assertThat(other.get("/demo/mail").body()).contains("No message has been sent from this browser yet");

        TestClient forgetful = app.client();
        forgetful.get("/forgot-password");
        assertThat(forgetful.post("/forgot-password", Map.of("email", "ben@demo.commonweal.org")).body()).contains("href=\"/demo/mail\"");
        assertThat(forgetful.get("/demo/mail").body()).contains("Reset your Commonweal password").contains("/account/reset/");
    }

    @Test
    void whereMailIsSentThereIsNoDemoMailbox() throws Exception {
        try (var sending = org.commonweal.platform.testing.TestApp.start(Map.of("SMTP_HOST", "localhost", "SMTP_PORT", "1"))) {
            assertThat(sending.client().get("/demo/mail").status()).isEqualTo(404);
            TestClient c = sending.client();
            c.get("/forgot-password");
            assertThat(c.post("/forgot-password", Map.of("email", "ben@demo.commonweal.org")).body()).doesNotContain("/demo/mail");
        }
    }

    private static java.util.List<String> cookiesSet(TestClient.Response r) {
        return r.headers().allValues("Set-Cookie").stream().map(h -> h.split(";")[0]).toList();
    }

    @Test
    void aForgottenPasswordIsResetByAOneTimeLinkThatSignsOutOtherSessions() {
        TestClient old = app.signedInAs("organiser");
        TestClient c = app.client();
        c.get("/forgot-password");
        TestClient.Response r = c.post("/forgot-password", Map.of("email", "organiser@demo.commonweal.org"));
        assertThat(r.body()).contains("If an account uses that address");
        TestClient.Response unknown = c.post("/forgot-password", Map.of("email", "nobody@example.org"));
        assertThat(unknown.body()).as("the reply does not reveal whether an account exists").contains("If an account uses that address");

        String reset = linkIn(app.latestMailBody("organiser@demo.commonweal.org"), "/account/reset/");
        c.get(reset);
        r = c.post(reset, Map.of("password", "brand new password", "passwordConfirm", "brand new passwort"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("The passwords do not match");
        r = c.post(reset, Map.of("password", "brand new password", "passwordConfirm", "brand new password"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(c.get(reset).status()).as("the link works once").isEqualTo(400);

        assertThat(old.get("/account").status()).as("sessions from before the reset are ended").isEqualTo(302);
        app.client().signIn("organiser@demo.commonweal.org", "brand new password");
    }

    @Test
    void aSignedInUserChangesTheirPasswordOnlyWithTheCurrentOne() {
        TestClient c = app.signedInAs("moderator");
        c.get("/account");
        TestClient.Response r = c.post("/account/password", Map.of("currentPassword", "nope nope nope", "password", "another good one", "passwordConfirm", "another good one"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("<a href=\"#currentPassword\">The password is not correct</a>");
        r = c.post("/account/password", Map.of("currentPassword", "demo-moderator-pass", "password", "another good one", "passwordConfirm", "another good one"));
        assertThat(r.status()).isEqualTo(302);
        app.client().signIn("moderator@demo.commonweal.org", "another good one");
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionOfTheAccountButKeepsThisOne() {
        TestClient laptop = app.signedInAs("officer");
        TestClient phone = app.signedInAs("officer");
        TestClient otherAccount = app.signedInAs("resident");
        laptop.get("/account");
        TestClient.Response wrong = laptop.post("/account/password", Map.of("currentPassword", "not the one", "password", "a fresh long one", "passwordConfirm", "a fresh long one"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(phone.get("/account").status()).as("a refused change ends nothing").isEqualTo(200);

        TestClient.Response r = laptop.post("/account/password", Map.of("currentPassword", "demo-officer-pass", "password", "a fresh long one", "passwordConfirm", "a fresh long one"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(laptop.get("/account").status()).as("the session that changed it stays signed in").isEqualTo(200);
        assertThat(phone.get("/account").status()).as("every other session of the account is ended").isEqualTo(302);
        assertThat(otherAccount.get("/account").status()).as("other accounts are untouched").isEqualTo(200);
        app.client().signIn("officer@demo.commonweal.org", "a fresh long one");
    }

    @Test
    void aHomePlaceMustBeARealPlace() {
        TestClient c = app.signedInAs("resident");
        c.get("/account");
        TestClient.Response r = c.post("/account", Map.of("name", "Amira", "homePlace", "999999"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("<a href=\"#homePlace\">Choose a place from the list</a>");
    }
}
