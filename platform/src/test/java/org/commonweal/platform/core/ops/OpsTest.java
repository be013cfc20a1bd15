package org.commonweal.platform.core.ops;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpsTest extends PlatformTestCase {

    @Test
    void healthSaysTheDatabaseIsReachable() {
        TestClient.Response r = app.client().get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"database\":\"reachable\"");
        TestClient.Response head = app.client().head("/health");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).as("HEAD runs the same check").startsWith("application/json");
    }

    @Test
    void headIsAnsweredAsTheGetWouldBeWithoutTheBody() {
        TestClient visitor = app.client();
        TestClient.Response page = visitor.head("/places");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).isEmpty();
        assertThat(visitor.head("/no-such-page").status()).isEqualTo(404);
        assertThat(visitor.head("/admin").status()).as("sent to sign in, as a GET is").isEqualTo(302);
        assertThat(app.signedInAs("resident").head("/admin").status()).isEqualTo(403);
    }

    @Test
    void metricsAreNotPublicWithoutAToken() {
        TestClient.Response r = app.client().get("/metrics");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("jvm_memory_used_bytes");
    }

    @Test
    void anUnknownPageIsAFriendly404AndAMalformedIdIsNotAServerError() {
        TestClient.Response r = app.client().get("/no/such/page");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("Page not found").contains("govuk-template");
    }

    @Test
    void theAuditLogIsAppendOnlyEvenForTheApplicationsOwnConnection() {
        app.signedInAs("resident");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'account.signed_in'")).isPositive();
        assertThatThrownBy(() -> app.database.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET action = 'nothing'")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> app.database.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log")))
                .hasMessageContaining("append-only");
    }

    @Test
    void adminsReadTheAuditLogAndFilterItByAction() {
        app.signedInAs("resident");
        TestClient admin = app.signedInAs("admin");
        String page = admin.get("/admin/audit?action=account.signed_in").body();
        assertThat(page).contains("Amira Hassan").contains("account.signed_in").doesNotContain("place.created</td>");
    }

    @Test
    void inDemoModeAdminsReadTheMailOutbox() {
        TestClient c = app.client();
        c.get("/forgot-password");
        c.post("/forgot-password", Map.of("email", "ben@demo.commonweal.org"));
        String outbox = app.signedInAs("admin").get("/admin/outbox").body();
        assertThat(outbox).contains("Reset your Commonweal password").contains("ben@demo.commonweal.org").contains("/account/reset/");
    }

    @Test
    void theEmbeddedDatabaseHasDurabilityTurnedOn() {
        String fsync = app.database.jdbi().withHandle(h -> h.createQuery("SHOW fsync").mapTo(String.class).one());
        String commit = app.database.jdbi().withHandle(h -> h.createQuery("SHOW synchronous_commit").mapTo(String.class).one());
        assertThat(fsync).isEqualTo("on");
        assertThat(commit).isEqualTo("on");
    }
}
