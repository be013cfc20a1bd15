package org.commonweal.platform.core.http;

import org.commonweal.platform.demo.DemoData;
import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a trusted proxy the audit log and the rate limiter see the client's address, never one the client wrote. */
class ForwardedClientTest {
    private static final String SIGNED_IN = "SELECT %s FROM audit_log WHERE action = 'account.signed_in' ORDER BY id DESC LIMIT 1";

    @Test
    void theAuditLogRecordsTheAddressTheTrustedProxySawAndItsRequestId() throws Exception {
        try (TestApp app = TestApp.start(Map.of("TRUSTED_PROXIES", "127.0.0.0/8, ::1"))) {
            signIn(app.client().header("X-Forwarded-For", "6.6.6.6, 203.0.113.9").header("X-Request-Id", "from-the-proxy-1"));
            assertThat(latest(app, "ip")).isEqualTo("203.0.113.9");
            assertThat(latest(app, "request_id")).isEqualTo("from-the-proxy-1");
        }
    }

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() throws Exception {
        try (TestApp app = TestApp.start()) {
            signIn(app.client().header("X-Forwarded-For", "203.0.113.9").header("X-Request-Id", "forged-by-client"));
            assertThat(latest(app, "ip")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]");
            assertThat(latest(app, "request_id")).isNotEqualTo("forged-by-client");
        }
    }

    @Test
    void aForgedLeftMostAddressDoesNotEscapeTheRateLimit() throws Exception {
        try (TestApp app = TestApp.start(Map.of("TRUSTED_PROXIES", "127.0.0.0/8, ::1"))) {
            int status = 0;
            // 100 failed sign-ins from one client address (RateLimiter.SIGN_IN_FAILURES_PER_IP), each on its own account.
            for (int i = 0; i < 110 && status != 429; i++) {
                TestClient c = app.client().header("X-Forwarded-For", "198.51.100." + (i % 250) + ", 203.0.113.9");
                c.get("/sign-in");
                status = c.post("/sign-in", Map.of("email", "nobody" + i + "@example.org", "password", "wrong-password")).status();
            }
            assertThat(status).as("one client, however many addresses it claims").isEqualTo(429);
            TestClient other = app.client().header("X-Forwarded-For", "203.0.113.10");
            other.get("/sign-in");
            assertThat(other.post("/sign-in", Map.of("email", "x@example.org", "password", "wrong-password")).status())
                    .as("another client behind the same proxy").isNotEqualTo(429);
        }
    }

    private static void signIn(TestClient client) {
        DemoData.Login login = DemoData.LOGINS.get(0);
        client.signIn(login.email(), login.password());
    }

    private static String latest(TestApp app, String column) {
        return app.database.jdbi().withHandle(h -> h.createQuery(SIGNED_IN.formatted(column)).mapTo(String.class).one());
    }
}
