package org.commonweal.platform.conversations;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation for verified residents only: a resident whose home is not verified is told why and how to become
 * eligible, and a vote or statement posted directly is refused with the reason and stores nothing; a verified
 * resident takes part; a verification dropped by a change of home stops the next vote.
 */
class ConversationVerifiedResidentsTest extends PlatformTestCase {
    static ConversationFixture fixture;
    static long conversation;
    static long seed;
    private static int accounts;

    @BeforeAll
    static void setUp() {
        fixture = new ConversationFixture(app);
        conversation = fixture.start("Only for those who live here", "open", "verified", "A seed statement for residents");
        seed = app.count("SELECT id FROM conversation_statements WHERE conversation_id = " + conversation);
    }

    private static long riverside() {
        return app.platform.places.tree().stream().filter(p -> p.name().equals("Riverside")).findFirst().orElseThrow().id();
    }

    /** A new confirmed resident of Riverside, signed in; verified at a desk when {@code verified}. */
    private static TestClient resident(boolean verified) {
        String email = "verified-conversation-" + (++accounts) + "@example.org";
        app.platform.accounts.createConfirmed(email, "Resident " + accounts, "a long test password", Set.of(), riverside());
        long id = app.platform.accounts.findByEmail(email).orElseThrow().id();
        if (verified) {
            assertThat(app.platform.accounts.residence().verifyAtDesk(id, riverside(), "council-tax", new Actor(null, "test", "test"))).isEmpty();
        }
        TestClient c = app.client();
        c.signIn(email, "a long test password");
        return c;
    }

    private static long stored() {
        return app.count("SELECT count(*) FROM conversation_votes WHERE conversation_id = " + conversation)
                + app.count("SELECT count(*) FROM conversation_participants WHERE conversation_id = " + conversation)
                + app.count("SELECT count(*) FROM conversation_statements WHERE conversation_id = " + conversation);
    }

    @Test
    void theSettingIsOfferedAndKept() {
        assertThat(app.signedInAs("officer").get("/conversations/new").body()).contains("Verified residents only");
        assertThat(app.count("SELECT count(*) FROM conversations WHERE participation = 'verified' AND id = " + conversation)).isEqualTo(1);
    }

    @Test
    void anUnverifiedResidentIsToldWhyAndADirectPostIsRefusedStoringNothing() {
        TestClient unverified = resident(false);
        String page = unverified.get("/conversations/" + conversation).body();
        assertThat(page).contains("only for residents whose home is verified").contains("href=\"/account/residence/letter\"")
                .as("the statement is shown, without buttons").contains("cw-statement-quote");
        assertThat(ConversationFixture.cardStatement(page)).as("no voting form").isNull();
        assertThat(page).doesNotContain("action=\"/conversations/" + conversation + "/statements\"");

        long before = stored();
        TestClient.Response vote = unverified.post("/conversations/" + conversation + "/votes", Map.of("statement", String.valueOf(seed), "vote", "agree"));
        assertThat(vote.status()).isEqualTo(403);
        assertThat(vote.body()).contains("only for residents whose home is verified");
        TestClient.Response htmx = unverified.header("HX-Request", "true")
                .post("/conversations/" + conversation + "/votes", Map.of("statement", String.valueOf(seed), "vote", "agree"));
        assertThat(htmx.status()).isEqualTo(403);
        TestClient writer = resident(false);
        writer.get("/conversations/" + conversation);
        TestClient.Response statement = writer.post("/conversations/" + conversation + "/statements", Map.of("body", "Let everyone in"));
        assertThat(statement.status()).isEqualTo(403);
        assertThat(statement.body()).contains("Only residents whose home is verified can take part").contains("href=\"#body\"");
        assertThat(stored()).as("nothing stored").isEqualTo(before);

        TestClient visitor = app.client();
        visitor.get("/sign-in"); // a page with a form, for the visitor's CSRF token
        TestClient.Response anonymous = visitor.post("/conversations/" + conversation + "/votes", Map.of("statement", String.valueOf(seed), "vote", "agree"));
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).startsWith("/sign-in");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aVerifiedResidentTakesPartUntilTheirHomeChanges() {
        TestClient verified = resident(true);
        assertThat(verified.get("/conversations/" + conversation).body()).doesNotContain("only for residents whose home is verified");
        ConversationFixture.voteOnCard(verified, conversation, "agree");
        TestClient.Response written = verified.post("/conversations/" + conversation + "/statements", Map.of("body", "Residents' parking on Mill Lane"));
        assertThat(written.status()).as(written.body()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM conversation_statements WHERE body = 'Residents'' parking on Mill Lane'")).isEqualTo(1);

        // Moving home drops the verification (core's rule); the next vote is refused inside its transaction.
        long account = app.count("SELECT max(id) FROM accounts WHERE email LIKE 'verified-conversation-%'");
        app.database.jdbi().useHandle(h -> h.execute("DELETE FROM residence_verifications WHERE account_id = ?", account));
        long votes = app.count("SELECT count(*) FROM conversation_votes WHERE conversation_id = " + conversation);
        assertThat(verified.post("/conversations/" + conversation + "/votes", Map.of("statement", String.valueOf(seed), "vote", "disagree")).status())
                .isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM conversation_votes WHERE conversation_id = " + conversation + " AND vote = -1")).isZero();
        assertThat(app.count("SELECT count(*) FROM conversation_votes WHERE conversation_id = " + conversation)).isEqualTo(votes);
    }
}
