package org.commonweal.platform.core.db;

import org.commonweal.platform.testing.TcpRelay;
import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;
import org.commonweal.platform.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external database going away and coming back, through a relay the test cuts: pages answer 503 within the
 * connection timeout instead of hanging, /health says so at once, and everything works again when it returns,
 * without a restart.
 */
class DatabaseOutageTest {

    @Test
    void duringAnOutagePagesAre503AtOnceAndTheyRecoverWhenTheDatabaseReturns() throws Exception {
        EmbeddedDatabase server = TestDatabases.server();
        String name = TestDatabases.freshName();
        try (TcpRelay relay = TcpRelay.to(server.port())) {
            Database db = Database.connect("jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + name, EmbeddedDatabase.USER, server.password(), 4, null);
            try (TestApp app = TestApp.start(Map.of(), db)) {
                TestClient visitor = app.client();
                TestClient resident = app.signedInAs("resident");
                assertThat(visitor.get("/search?q=park").status()).isEqualTo(200);

                relay.stop();
                long started = System.nanoTime();
                TestClient.Response health = app.client().get("/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body()).contains("\"database\":\"unreachable\"");
                assertThat(millisSince(started)).as("/health answers at once").isLessThan(1_500);

                started = System.nanoTime();
                TestClient.Response page = visitor.get("/search?q=park");
                assertThat(page.status()).isEqualTo(503);
                assertThat(millisSince(started)).as("within the connection timeout, not the old 10 s").isLessThan(Database.CONNECT_TIMEOUT_MS + 2_500L);
                assertThat(page.header("Retry-After")).isEqualTo("30");
                assertThat(page.body()).contains("Sorry, the service is unavailable").doesNotContain("give this reference");
                assertThat(resident.get("/").status()).as("signed in: the session lookup fails the same way").isEqualTo(503);

                relay.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                int status = 0;
                while (status != 200 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    status = app.client().get("/health").status();
                }
                assertThat(status).as("/health once the database is back").isEqualTo(200);
                assertThat(visitor.get("/search?q=park").status()).isEqualTo(200);
                TestClient.Response home = resident.get("/");
                assertThat(home.status()).isEqualTo(200);
                assertThat(home.body()).as("still signed in").contains("Sign out");
            }
        }
    }

    @Test
    void onlyFailuresToReachTheDatabaseCountAsAnOutage() {
        assertThat(Database.isOutage(new RuntimeException(new java.sql.SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(Database.isOutage(new java.sql.SQLException("I/O error", "08006"))).isTrue();
        assertThat(Database.isOutage(new java.sql.SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(Database.isOutage(new java.sql.SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Database.isOutage(new IllegalStateException("a bug"))).isFalse();
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
