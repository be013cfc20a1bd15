package org.commonweal.platform.core.mail;

import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where mail is really sent, an admin reading the outbox must not be handed other people's reset links. */
class AdminOutboxWithSmtpTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        // Port 9 (discard) is closed here: every delivery fails and the mail stays queued, body and all.
        app = TestApp.start(Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", "9", "SMTP_STARTTLS", "false"));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    void theOutboxPageShowsWhoAndWhatAboutButNeverTheBodyWithItsOneTimeLink() {
        TestClient visitor = app.client();
        visitor.get("/forgot-password");
        visitor.post("/forgot-password", Map.of("email", "ben@demo.commonweal.org"));
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'ben@demo.commonweal.org' AND body LIKE '%/account/reset/%'"))
                .as("the queued mail still holds its link until it is delivered").isEqualTo(1);
        String page = app.signedInAs("admin").get("/admin/outbox").body();
        assertThat(page).contains("Reset your Commonweal password").contains("ben@demo.commonweal.org")
                .contains("what each mail says is not shown").doesNotContain("/account/reset/");
    }
}
