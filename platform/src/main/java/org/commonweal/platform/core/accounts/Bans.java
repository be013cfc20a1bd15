package org.commonweal.platform.core.accounts;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Who may not post. Moderators ban an account (with a reason, until a time or indefinitely) and lift bans; every
 * feature that lets residents post asks {@link #active} first and refuses with the ban's end date.
 */
public final class Bans {
    /** A ban; {@code endsAt} null means until lifted. */
    public record Ban(long id, long accountId, String reason, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime liftedAt,
                      Long bannedBy) {
    }

    private static final String SELECT = "SELECT id, account_id, reason, starts_at, ends_at, lifted_at, banned_by FROM account_bans";
    private final Jdbi jdbi;
    private final AuditLog audit;

    public Bans(Jdbi jdbi, AuditLog audit, PersonalData personalData) {
        this.jdbi = jdbi;
        this.audit = audit;
        // The moderator who banned is theirs to know, not the banned person's: reason and times only.
        personalData.register("moderation-bans", (h, id) -> personalData.rows(h.createQuery(
                "SELECT id, reason, starts_at, ends_at, lifted_at FROM account_bans WHERE account_id = :a ORDER BY starts_at, id").bind("a", id)));
    }

    /** The ban in force now, if any (the one ending last when several overlap). */
    public Optional<Ban> active(long accountId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "\n" + """
                 WHERE account_id = :a AND lifted_at IS NULL AND starts_at <= now() AND (ends_at IS NULL OR ends_at > now())
                 ORDER BY ends_at DESC NULLS FIRST LIMIT 1""").bind("a", accountId).map((rs, c) -> ban(rs)).findOne());
    }

    public boolean isBanned(long accountId) {
        return active(accountId).isPresent();
    }

    /** Bans the account from posting until {@code endsAt} (null: until lifted); returns the ban's id. */
    public long ban(long accountId, String reason, OffsetDateTime endsAt, Actor actor) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) throw new IllegalArgumentException("a ban needs a reason of 1 to 1000 characters");
        if (endsAt != null && !endsAt.isAfter(OffsetDateTime.now())) throw new IllegalArgumentException("a ban must end in the future");
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO account_bans (account_id, reason, ends_at, banned_by) VALUES (:a, :r, :e, :by)")
                    .bind("a", accountId).bind("r", reason.strip()).bind("e", endsAt).bind("by", actor.accountId())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "account.banned", "account:" + accountId, (endsAt == null ? "until lifted" : "until " + endsAt) + ": " + reason.strip());
            return id;
        });
    }

    /** Lifts every ban in force on the account; false when there was none. */
    public boolean lift(long accountId, Actor actor) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                    UPDATE account_bans SET lifted_at = now()
                    WHERE account_id = :a AND lifted_at IS NULL AND (ends_at IS NULL OR ends_at > now())""").bind("a", accountId).execute();
            if (n > 0) audit.record(h, actor, "account.ban_lifted", "account:" + accountId, null);
            return n > 0;
        });
    }

    /** The account's bans, newest first. */
    public List<Ban> history(long accountId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE account_id = :a ORDER BY starts_at DESC, id DESC")
                .bind("a", accountId).map((rs, c) -> ban(rs)).list());
    }

    private static Ban ban(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Ban(rs.getLong("id"), rs.getLong("account_id"), rs.getString("reason"), rs.getObject("starts_at", OffsetDateTime.class),
                rs.getObject("ends_at", OffsetDateTime.class), rs.getObject("lifted_at", OffsetDateTime.class), (Long) rs.getObject("banned_by"));
    }
}
