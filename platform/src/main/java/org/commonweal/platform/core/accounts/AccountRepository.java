package org.commonweal.platform.core.accounts;

import org.commonweal.platform.core.http.Role;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SQL for accounts, their roles and one-time tokens. Every method runs on the caller's handle. */
final class AccountRepository {
    private static final String SELECT = """
            SELECT a.*, COALESCE((SELECT string_agg(role, ',') FROM account_roles r WHERE r.account_id = a.id), '') AS roles
            FROM accounts a""";

    private AccountRepository() {
    }

    static Optional<Account> byId(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE a.id = :id").bind("id", id).map(AccountRepository::map).findOne();
    }

    /** The account behind a live session, and whether the session's last-seen time is old enough to refresh. */
    record SessionAccount(Account account, boolean stale) {
    }

    static Optional<SessionAccount> bySessionHash(Handle h, String hash) {
        return h.createQuery("""
                SELECT a.*, COALESCE((SELECT string_agg(role, ',') FROM account_roles r WHERE r.account_id = a.id), '') AS roles,
                       s.last_seen < now() - interval '5 minutes' AS stale
                FROM sessions s JOIN accounts a ON a.id = s.account_id
                WHERE s.id_hash = :hash AND s.expires_at > now()""")
                .bind("hash", hash).map((rs, ctx) -> new SessionAccount(map(rs, ctx), rs.getBoolean("stale"))).findOne();
    }

    static Optional<Account> byEmail(Handle h, String email) {
        return h.createQuery(SELECT + " WHERE lower(a.email) = lower(:email)").bind("email", email).map(AccountRepository::map).findOne();
    }

    static Optional<String> passwordHash(Handle h, long id) {
        return h.createQuery("SELECT password_hash FROM accounts WHERE id = :id").bind("id", id).mapTo(String.class).findOne();
    }

    static long insert(Handle h, String email, String name, String passwordHash) {
        return h.createUpdate("INSERT INTO accounts (email, name, password_hash) VALUES (:email, :name, :hash)")
                .bind("email", email).bind("name", name).bind("hash", passwordHash)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static List<Account> search(Handle h, String query, int limit, int offset) {
        return h.createQuery(SELECT + " " + """
                 WHERE (:q = '' OR a.name ILIKE '%' || :q || '%' OR a.email ILIKE '%' || :q || '%')
                 ORDER BY a.name, a.id LIMIT :limit OFFSET :offset""")
                .bind("q", query).bind("limit", limit).bind("offset", offset).map(AccountRepository::map).list();
    }

    static void updateProfile(Handle h, long id, String name, Long homePlaceId) {
        h.createUpdate("UPDATE accounts SET name = :name, home_place_id = :place, updated_at = now() WHERE id = :id")
                .bind("id", id).bind("name", name).bind("place", homePlaceId).execute();
    }

    static void updatePassword(Handle h, long id, String hash) {
        h.createUpdate("UPDATE accounts SET password_hash = :hash, updated_at = now() WHERE id = :id").bind("id", id).bind("hash", hash).execute();
    }

    static void confirmEmail(Handle h, long id) {
        h.createUpdate("UPDATE accounts SET email_confirmed_at = COALESCE(email_confirmed_at, now()) WHERE id = :id").bind("id", id).execute();
    }

    static void setRoles(Handle h, long id, Set<Role> roles) {
        h.createUpdate("DELETE FROM account_roles WHERE account_id = :id").bind("id", id).execute();
        for (Role r : roles) {
            if (r.stored() == null) continue;
            h.createUpdate("INSERT INTO account_roles (account_id, role) VALUES (:id, :role)").bind("id", id).bind("role", r.stored()).execute();
        }
    }

    static void delete(Handle h, long id) {
        h.createUpdate("DELETE FROM accounts WHERE id = :id").bind("id", id).execute();
    }

    static void insertToken(Handle h, String tokenHash, long accountId, String purpose, long validSeconds) {
        h.createUpdate("UPDATE account_tokens SET used_at = now() WHERE account_id = :a AND purpose = :p AND used_at IS NULL")
                .bind("a", accountId).bind("p", purpose).execute();
        h.createUpdate("""
                INSERT INTO account_tokens (token_hash, account_id, purpose, expires_at)
                VALUES (:t, :a, :p, now() + make_interval(secs => :s))""")
                .bind("t", tokenHash).bind("a", accountId).bind("p", purpose).bind("s", validSeconds).execute();
    }

    /** Marks a live token used and returns its account; empty when unknown, used or expired. */
    static Optional<Long> useToken(Handle h, String tokenHash, String purpose) {
        return h.createQuery("""
                UPDATE account_tokens SET used_at = now()
                WHERE token_hash = :t AND purpose = :p AND used_at IS NULL AND expires_at > now()
                RETURNING account_id""").bind("t", tokenHash).bind("p", purpose).mapTo(Long.class).findOne();
    }

    static boolean tokenIsLive(Handle h, String tokenHash, String purpose) {
        return h.createQuery("SELECT 1 FROM account_tokens WHERE token_hash = :t AND purpose = :p AND used_at IS NULL AND expires_at > now()")
                .bind("t", tokenHash).bind("p", purpose).mapTo(Integer.class).findOne().isPresent();
    }

    static long countAdmins(Handle h) {
        return h.createQuery("SELECT count(*) FROM account_roles WHERE role = 'admin'").mapTo(Long.class).one();
    }

    private static Account map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : rs.getString("roles").split(",")) if (!r.isEmpty()) roles.add(Role.fromStored(r));
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                rs.getObject("email_confirmed_at", OffsetDateTime.class), (Long) rs.getObject("home_place_id"),
                rs.getObject("created_at", OffsetDateTime.class), roles);
    }
}
