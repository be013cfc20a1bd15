package org.commonweal.platform.core.http;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;

/** Sessions in PostgreSQL, keyed by a hash of the cookie value so a leaked table cannot be replayed. */
public final class SessionStore {
    public static final Duration LIFETIME = Duration.ofDays(14);
    private final Jdbi jdbi;

    public SessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return the raw cookie value for a fresh session */
    public String create(long accountId) {
        String token = Secrets.newToken();
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO sessions (id_hash, account_id, expires_at) VALUES (:hash, :account, now() + make_interval(secs => :secs))""")
                .bind("hash", Secrets.sha256(token)).bind("account", accountId).bind("secs", LIFETIME.toSeconds()).execute());
        return token;
    }

    /** Slides the expiry of a session that is still in use. */
    public void touch(String idHash) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE sessions SET last_seen = now(), expires_at = now() + make_interval(secs => :secs) WHERE id_hash = :hash""")
                .bind("hash", idHash).bind("secs", LIFETIME.toSeconds()).execute());
    }

    public void delete(String token) {
        if (token == null) return;
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE id_hash = :hash").bind("hash", Secrets.sha256(token)).execute());
    }

    public void deleteAllFor(long accountId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE account_id = :a").bind("a", accountId).execute());
    }

    /** Signs the account out everywhere but the session it is using now (a password change from that session). */
    public void deleteAllOthersFor(long accountId, String keptToken) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE account_id = :a AND id_hash <> :kept")
                .bind("a", accountId).bind("kept", Secrets.sha256(keptToken == null ? "" : keptToken)).execute());
    }

    public void deleteExpired() {
        jdbi.useHandle(h -> h.execute("DELETE FROM sessions WHERE expires_at < now()"));
    }
}
