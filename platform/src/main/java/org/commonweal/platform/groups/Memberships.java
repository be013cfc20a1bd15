package org.commonweal.platform.groups;

import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Secrets;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.mail.Outbox;
import org.commonweal.platform.core.opendata.CsvCell;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Who belongs to a group and how: invitations by email (a one-time link through the outbox), requests to join that an
 * admin approves, roles with start and end dates, how each person chose to be shown, and the register of members.
 * Only the group's admins see members, requests and the register; the public sees the people {@link #publicPeople}
 * allows.
 */
public final class Memberships {
    static final Duration INVITE_LIFETIME = Duration.ofDays(14);
    static final List<String> SHOWN = List.of("default", "public", "hidden");

    /** One membership as the group's admins see it. */
    public record Member(long accountId, String name, String email, String role, boolean admin, String shown, LocalDate startedOn, LocalDate endedOn) {
        public boolean current(LocalDate today) {
            return !startedOn.isAfter(today) && (endedOn == null || !endedOn.isBefore(today));
        }
    }

    /** A person shown on the public page: their name and role, nothing else. */
    public record Person(String name, String role) {
    }

    public record Request(long accountId, String name, String message, OffsetDateTime requestedAt) {
    }

    public record Invite(long id, String email, String role, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
    }

    /** Why an invitation's link no longer works, when someone ended it before it was used. */
    enum Ended { WITHDRAWN, DECLINED }

    /** The SQL rule of an invitation still waiting for an answer (on {@code i}, group_invites). */
    private static final String LIVE = " i.used_at IS NULL AND i.withdrawn_at IS NULL AND i.declined_at IS NULL AND i.expires_at > now() ";

    /** A live invitation as its link shows it. */
    public record Invitation(long groupId, String groupName, String email, String role) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Messages messages;
    private final String baseUrl;

    Memberships(Jdbi jdbi, AuditLog audit, Outbox outbox, Messages messages, String baseUrl) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.outbox = outbox;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    static LocalDate today() {
        return LocalDate.now(GroupsFeature.ZONE);
    }

    List<Member> members(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id, a.name, a.email, m.role, m.admin, m.shown, m.started_on, m.ended_on
                        FROM group_members m JOIN accounts a ON a.id = m.account_id WHERE m.group_id = :g
                        ORDER BY m.ended_on IS NOT NULL, lower(a.name), a.id""").bind("g", groupId)
                .map((rs, c) -> new Member(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("role"), rs.getBoolean("admin"),
                        rs.getString("shown"), rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class))).list());
    }

    /** The SQL rule of who is shown publicly: officer roles unless hidden; plain members only if they chose it and the group shows members. */
    static final String SHOWN_PUBLICLY = " m.shown <> 'hidden' AND (m.role <> 'member' OR (m.shown = 'public' AND g.members_public)) ";

    /** The people the public page shows: current members the rule allows, officers first by role, then by name. */
    List<Person> publicPeople(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.name, m.role FROM group_members m JOIN groups g ON g.id = m.group_id JOIN accounts a ON a.id = m.account_id
                        WHERE m.group_id = :g AND """ + Groups.RUNNING + " AND " + SHOWN_PUBLICLY + """
                         ORDER BY array_position(:roles, m.role), lower(a.name), a.id""")
                .bind("g", groupId).bind("roles", Group.ROLES.toArray(String[]::new))
                .map((rs, c) -> new Person(rs.getString("name"), rs.getString("role"))).list());
    }

    long currentCount(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM group_members m WHERE m.group_id = :g AND " + Groups.RUNNING)
                .bind("g", groupId).mapTo(Long.class).one());
    }

    List<Request> requests(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id, a.name, r.message, r.requested_at FROM group_join_requests r JOIN accounts a ON a.id = r.account_id
                        WHERE r.group_id = :g ORDER BY r.requested_at, a.id""").bind("g", groupId)
                .map((rs, c) -> new Request(rs.getLong("id"), rs.getString("name"), rs.getString("message"),
                        rs.getObject("requested_at", OffsetDateTime.class))).list());
    }

    List<Invite> pendingInvites(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT i.id, i.email, i.role, i.created_at, i.expires_at FROM group_invites i
                        WHERE i.group_id = :g AND""" + LIVE + "ORDER BY i.created_at DESC, i.id DESC").bind("g", groupId)
                .map((rs, c) -> new Invite(rs.getLong("id"), rs.getString("email"), rs.getString("role"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class))).list());
    }

    /** Whether the account has asked to join and is waiting. */
    boolean hasAsked(long groupId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM group_join_requests WHERE group_id = :g AND account_id = :a")
                .bind("g", groupId).bind("a", accountId).mapTo(Integer.class).findOne().isPresent());
    }

    /** Invites the address by mail with a one-time link to join in the role; the token is kept only as a hash. */
    Optional<Refusal> invite(Group group, Form form, String inviterName, Actor actor) {
        String email = AccountService.validEmail(form);
        String role = form.value("role");
        if (!Group.ROLES.contains(role)) form.error("role", "groups.error.role");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        String token = Secrets.newToken();
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO group_invites (group_id, email, role, token_hash, invited_by, expires_at)
                            VALUES (:g, :e, :r, :t, :by, now() + make_interval(days => :days))""")
                    .bind("g", group.id()).bind("e", email).bind("r", role).bind("t", Secrets.sha256(token)).bind("by", actor.accountId())
                    .bind("days", (int) INVITE_LIFETIME.toDays()).execute();
            outbox.enqueue(h, email, messages.get("groups.invite.mail.subject", group.name()), messages.get("groups.invite.mail.body", inviterName,
                    group.name(), messages.get("groups.role." + role), baseUrl + "/groups/invites/" + token, INVITE_LIFETIME.toDays()));
            audit.record(h, actor, "group.member_invited", "group:" + group.id(), role);
        });
        return Optional.empty();
    }

    /** The invitation a link names while it can still be used; empty once used, expired or never made. */
    Optional<Invitation> invitation(String token) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT i.group_id, g.name, i.email, i.role FROM group_invites i JOIN groups g ON g.id = i.group_id
                        WHERE i.token_hash = :t AND""" + LIVE).bind("t", Secrets.sha256(token))
                .map((rs, c) -> new Invitation(rs.getLong("group_id"), rs.getString("name"), rs.getString("email"), rs.getString("role"))).findOne());
    }

    /**
     * Accepts the invitation for the signed-in account, once: the link is spent in the same statement that checks it,
     * so two clicks cannot both join. The account's address must be the one invited (a forwarded link does not work).
     */
    Optional<Refusal> accept(String token, CurrentUser user, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Invitation> invitation = h.createQuery("""
                            UPDATE group_invites i SET used_at = now() FROM groups g
                            WHERE g.id = i.group_id AND i.token_hash = :t AND""" + LIVE + """
                              AND lower(i.email) = lower(:email)
                            RETURNING i.group_id, g.name, i.email, i.role""").bind("t", Secrets.sha256(token)).bind("email", user.email())
                    .map((rs, c) -> new Invitation(rs.getLong("group_id"), rs.getString("name"), rs.getString("email"), rs.getString("role"))).findOne();
            if (invitation.isEmpty()) return Optional.of(Refusal.CLOSED);
            Groups.addMember(h, audit, invitation.get().groupId(), user.id(), invitation.get().role(), false, actor);
            return Optional.empty();
        });
    }

    /** Whether the link's invitation was withdrawn or declined (rather than used, expired or never made). */
    Optional<Ended> ended(String token) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT CASE WHEN withdrawn_at IS NOT NULL THEN 'WITHDRAWN' ELSE 'DECLINED' END FROM group_invites
                        WHERE token_hash = :t AND (withdrawn_at IS NOT NULL OR declined_at IS NOT NULL)""").bind("t", Secrets.sha256(token))
                .mapTo(String.class).findOne().map(Ended::valueOf));
    }

    /** A group's admin withdraws an invitation still waiting; its link then says so. */
    Optional<Refusal> withdrawInvite(long groupId, long inviteId, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<String> email = h.createQuery("UPDATE group_invites i SET withdrawn_at = now() WHERE i.id = :i AND i.group_id = :g AND"
                    + LIVE + "RETURNING i.email").bind("i", inviteId).bind("g", groupId).mapTo(String.class).findOne();
            if (email.isEmpty()) {
                boolean exists = h.createQuery("SELECT 1 FROM group_invites WHERE id = :i AND group_id = :g").bind("i", inviteId).bind("g", groupId)
                        .mapTo(Integer.class).findOne().isPresent();
                return Optional.of(exists ? Refusal.CLOSED : Refusal.NOT_FOUND);
            }
            audit.record(h, actor, "group.invite_withdrawn", "group:" + groupId, "invite:" + inviteId);
            return Optional.empty();
        });
    }

    /** The person invited says no: only with the account using the invited address (as accepting), once. */
    Optional<Refusal> decline(String token, CurrentUser user, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Long> group = h.createQuery("""
                            UPDATE group_invites i SET declined_at = now()
                            WHERE i.token_hash = :t AND lower(i.email) = lower(:email) AND""" + LIVE + "RETURNING i.group_id")
                    .bind("t", Secrets.sha256(token)).bind("email", user.email()).mapTo(Long.class).findOne();
            if (group.isEmpty()) return Optional.of(Refusal.CLOSED);
            audit.record(h, actor, "group.invite_declined", "group:" + group.get(), "account:" + user.id());
            return Optional.empty();
        });
    }

    Optional<Refusal> requestToJoin(long groupId, long accountId, Form form, Actor actor) {
        String message = form.value("message").strip();
        form.set("message", message);
        if (message.length() > 1000) form.error("message", "groups.error.message.tooLong");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        return jdbi.inTransaction(h -> {
            boolean member = h.createQuery("SELECT 1 FROM group_members m WHERE m.group_id = :g AND m.account_id = :a AND " + Groups.RUNNING)
                    .bind("g", groupId).bind("a", accountId).mapTo(Integer.class).findOne().isPresent();
            if (member) return Optional.of(Refusal.ALREADY_DONE);
            int n = h.createUpdate("INSERT INTO group_join_requests (group_id, account_id, message) VALUES (:g, :a, :m) ON CONFLICT DO NOTHING")
                    .bind("g", groupId).bind("a", accountId).bind("m", message).execute();
            if (n == 0) return Optional.of(Refusal.ALREADY_DONE);
            audit.record(h, actor, "group.join_requested", "group:" + groupId, "account:" + accountId);
            return Optional.empty();
        });
    }

    /** An admin's answer to a request: approved, the person joins as a member; declined, the request goes. */
    Optional<Refusal> decide(long groupId, long accountId, boolean approve, Actor actor) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM group_join_requests WHERE group_id = :g AND account_id = :a").bind("g", groupId).bind("a", accountId).execute();
            if (n == 0) return Optional.of(Refusal.NOT_FOUND);
            if (approve) Groups.addMember(h, audit, groupId, accountId, "member", false, actor);
            else audit.record(h, actor, "group.join_declined", "group:" + groupId, "account:" + accountId);
            return Optional.empty();
        });
    }

    /** Changes a member's role, admin flag and dates; the last current admin cannot stop being one (the group would be nobody's). */
    Optional<Refusal> update(long groupId, long accountId, Form form, Actor actor) {
        String role = form.value("role");
        if (!Group.ROLES.contains(role)) form.error("role", "groups.error.role");
        boolean admin = "yes".equals(form.value("admin"));
        LocalDate started = form.date("startedOn", "groups.error.startedOn");
        LocalDate ended = form.value("endedOn").isBlank() ? null : form.date("endedOn", "groups.error.endedOn");
        if (started != null && ended != null && ended.isBefore(started)) form.error("endedOn", "groups.error.endedOn.beforeStart");
        if (form.hasErrors()) return Optional.of(Refusal.INVALID);
        return jdbi.inTransaction(h -> {
            Optional<Boolean> wasAdmin = h.createQuery("SELECT admin FROM group_members WHERE group_id = :g AND account_id = :a FOR UPDATE")
                    .bind("g", groupId).bind("a", accountId).mapTo(Boolean.class).findOne();
            if (wasAdmin.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
            boolean stillRuns = admin && (ended == null || !ended.isBefore(today()));
            if (wasAdmin.get() && !stillRuns && otherAdmins(h, groupId, accountId) == 0) {
                form.error("admin", "groups.error.lastAdmin");
                return Optional.of(Refusal.INVALID);
            }
            h.createUpdate("UPDATE group_members SET role = :r, admin = :admin, started_on = :s, ended_on = :e WHERE group_id = :g AND account_id = :a")
                    .bind("r", role).bind("admin", admin).bind("s", started).bind("e", ended).bind("g", groupId).bind("a", accountId).execute();
            audit.record(h, actor, "group.member_changed", "group:" + groupId, "account:" + accountId + " " + role + (admin ? " admin" : "")
                    + " " + started + "–" + (ended == null ? "" : ended));
            return Optional.empty();
        });
    }

    private static long otherAdmins(Handle h, long groupId, long accountId) {
        return h.createQuery("SELECT count(*) FROM group_members m WHERE m.group_id = :g AND m.account_id <> :a AND m.admin AND " + Groups.RUNNING)
                .bind("g", groupId).bind("a", accountId).mapTo(Long.class).one();
    }

    /** The member's own choice of how they are shown on the group's page. */
    Optional<Refusal> setShown(long groupId, long accountId, String shown, Actor actor) {
        if (!SHOWN.contains(shown)) return Optional.of(Refusal.INVALID);
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE group_members SET shown = :s WHERE group_id = :g AND account_id = :a")
                    .bind("s", shown).bind("g", groupId).bind("a", accountId).execute();
            if (n == 0) return Optional.of(Refusal.NOT_FOUND);
            audit.record(h, actor, "group.member_shown", "group:" + groupId, "account:" + accountId + " " + shown);
            return Optional.empty();
        });
    }

    /** The member's own shown choice, or empty when the account is not a member. */
    Optional<String> shown(long groupId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT shown FROM group_members WHERE group_id = :g AND account_id = :a")
                .bind("g", groupId).bind("a", accountId).mapTo(String.class).findOne());
    }

    /**
     * The register of members as CSV (RFC 4180, UTF-8): one row per person, every membership past and present with its
     * dates, as a co-operative's or society's register must keep them.
     */
    void registerCsv(long groupId, Writer out) {
        try {
            out.write("name,email,role,admin,started_on,ended_on,current\r\n");
            LocalDate today = today();
            for (Member m : members(groupId)) {
                out.write(String.join(",", CsvCell.of(m.name()), CsvCell.of(m.email()), CsvCell.of(messages.get("groups.role." + m.role())),
                        CsvCell.of(m.admin()), m.startedOn().toString(), m.endedOn() == null ? "" : m.endedOn().toString(), CsvCell.of(m.current(today))));
                out.write("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
