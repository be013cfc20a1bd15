package org.commonweal.platform.core.http;

import org.commonweal.platform.core.db.Database;
import org.commonweal.platform.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStoreTest {
    @Test
    void theSweepRemovesExpiredSessionsAndKeepsLiveOnes() throws Exception {
        try (Database db = TestDatabases.fresh()) {
            long account = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO accounts (email, name, password_hash) VALUES ('s@example.org', 'S', 'x')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            SessionStore sessions = new SessionStore(db.jdbi());
            sessions.create(account);
            db.jdbi().useHandle(h -> h.execute("INSERT INTO sessions (id_hash, account_id, expires_at) VALUES ('old', ?, now() - interval '1 day')", account));
            sessions.deleteExpired();
            java.util.List<String> left = db.jdbi().withHandle(h -> h.createQuery("SELECT id_hash FROM sessions").mapTo(String.class).list());
            assertThat(left).hasSize(1).doesNotContain("old");
        }
    }
}
