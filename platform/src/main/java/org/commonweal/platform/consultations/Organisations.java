package org.commonweal.platform.consultations;

import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/** Organisations and their members: admins create them and add members by email; members act for them. */
public final class Organisations {
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final AccountService accounts;

    Organisations(Jdbi jdbi, AuditLog audit, AccountService accounts) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.accounts = accounts;
    }

    public List<Organisation> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, kind FROM organisations ORDER BY lower(name), id")
                .map((rs, c) -> new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("kind"))).list());
    }

    public Optional<Organisation> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, kind FROM organisations WHERE id = :id").bind("id", id)
                .map((rs, c) -> new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("kind"))).findOne());
    }

    /** The organisations the account belongs to, with its role in each (name order). */
    public List<Membership> memberships(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT o.id, o.name, o.kind, m.role FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id
                WHERE m.account_id = :a ORDER BY lower(o.name), o.id""").bind("a", accountId)
                .map((rs, c) -> new Membership(new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("kind")), rs.getString("role"))).list());
    }

    /** An account's place in an organisation. */
    public record Membership(Organisation organisation, String role) {
        public boolean organiser() {
            return role.equals("organiser");
        }
    }

    public Optional<String> role(long organisationId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT role FROM organisation_members WHERE organisation_id = :o AND account_id = :a")
                .bind("o", organisationId).bind("a", accountId).mapTo(String.class).findOne());
    }

    public List<Organisation.Member> members(long organisationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT a.id, a.name, a.email, m.role FROM organisation_members m JOIN accounts a ON a.id = m.account_id
                WHERE m.organisation_id = :o ORDER BY lower(a.name), a.id""").bind("o", organisationId)
                .map((rs, c) -> new Organisation.Member(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("role"))).list());
    }

    public Optional<Long> create(Form form, Actor actor) {
        String name = form.requireText("name", 200, "consultations.org.error.name.required", "consultations.org.error.name.tooLong");
        String kind = form.value("kind");
        if (!Organisation.KINDS.contains(kind)) form.error("kind", "consultations.org.error.kind");
        if (form.hasErrors()) return Optional.empty();
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT 1 FROM organisations WHERE lower(name) = lower(:n)").bind("n", name).mapTo(Integer.class).findOne().isPresent()) {
                form.error("name", "consultations.org.error.name.taken");
                return Optional.empty();
            }
            long id = h.createUpdate("INSERT INTO organisations (name, kind) VALUES (:n, :k)").bind("n", name).bind("k", kind)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, actor, "organisation.created", "organisation:" + id, kind + " " + name);
            return Optional.of(id);
        });
    }

    /** Adds the account with that email (or changes its role when it is already a member). */
    public boolean addMember(long organisationId, Form form, Actor actor) {
        String email = form.value("email").strip();
        form.set("email", email);
        String role = form.value("role");
        if (!Organisation.ROLES.contains(role)) form.error("role", "consultations.org.error.role");
        var account = email.isEmpty() || email.length() > 320 ? Optional.<org.commonweal.platform.core.accounts.Account>empty() : accounts.findByEmail(email);
        if (account.isEmpty()) form.error("email", "consultations.org.error.email");
        if (form.hasErrors()) return false;
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                    INSERT INTO organisation_members (organisation_id, account_id, role) VALUES (:o, :a, :r)
                    ON CONFLICT (organisation_id, account_id) DO UPDATE SET role = excluded.role""")
                    .bind("o", organisationId).bind("a", account.get().id()).bind("r", role).execute();
            audit.record(h, actor, "organisation.member_added", "organisation:" + organisationId, "account:" + account.get().id() + " " + role);
        });
        return true;
    }

    public boolean removeMember(long organisationId, long accountId, Actor actor) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM organisation_members WHERE organisation_id = :o AND account_id = :a")
                    .bind("o", organisationId).bind("a", accountId).execute();
            if (n > 0) audit.record(h, actor, "organisation.member_removed", "organisation:" + organisationId, "account:" + accountId);
            return n > 0;
        });
    }
}
