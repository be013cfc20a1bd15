package org.commonweal.platform.groups;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.i18n.Messages;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The groups service other features call (published by {@link GroupsFeature}): find a group, ask whether an account
 * runs it or holds a role in it, which groups an account runs, whether a group is verified (grants and contracts ask
 * this), a register's electorate for a board election, and the sections other features add to a group's page.
 * Features never read the groups tables; they keep a group's id in their own rows and ask here.
 */
public final class Groups {
    private record Contributed(int position, GroupSection.Provider provider) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final GroupEditor editor;
    private final List<Contributed> sections = new CopyOnWriteArrayList<>();

    Groups(Jdbi jdbi, AuditLog audit, GroupEditor editor) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.editor = editor;
    }

    public Optional<Group> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Group> find(Handle h, long id) {
        return h.createQuery("""
                        SELECT g.id, g.name, g.kind, g.description, g.contact, g.website, g.members_public, g.logo_type IS NOT NULL AS has_logo,
                               g.logo_alt, g.verified_at,
                               ARRAY(SELECT identifier FROM group_identifiers i WHERE i.group_id = g.id ORDER BY identifier) AS identifiers,
                               ARRAY(SELECT place_id FROM group_places p WHERE p.group_id = g.id ORDER BY place_id) AS places,
                               ARRAY(SELECT theme FROM group_themes t WHERE t.group_id = g.id ORDER BY theme) AS themes
                        FROM groups g WHERE g.id = :id""")
                .bind("id", id).map((rs, c) -> group(rs)).findOne();
    }

    private static Group group(ResultSet rs) throws SQLException {
        return new Group(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("description"), rs.getString("contact"),
                rs.getString("website"), rs.getBoolean("members_public"), rs.getBoolean("has_logo"), rs.getString("logo_alt"),
                rs.getObject("verified_at", OffsetDateTime.class), strings(rs, "identifiers"), Arrays.asList((Long[]) rs.getArray("places").getArray()),
                strings(rs, "themes"));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }

    /** The names of the groups with these ids (an id that names no group is left out): for lists that keep only ids. */
    public Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return jdbi.withHandle(h -> {
            Map<Long, String> names = new HashMap<>();
            h.createQuery("SELECT id, name FROM groups WHERE id = ANY(:ids)").bind("ids", ids.toArray(Long[]::new))
                    .map((rs, c) -> Map.entry(rs.getLong("id"), rs.getString("name"))).forEach(e -> names.put(e.getKey(), e.getValue()));
            return names;
        });
    }

    /** The group's name, as the one-name case of {@link #names}. */
    public Optional<String> name(long id) {
        return Optional.ofNullable(names(List.of(id)).get(id));
    }

    /** Whether an officer has verified the group against its register: only verified groups bid for contracts or get grants. */
    public boolean isVerified(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT verified_at IS NOT NULL FROM groups WHERE id = :g").bind("g", groupId)
                .mapTo(Boolean.class).findOne().orElse(false));
    }

    /** Whether the account runs the group's page: edits it, manages members and vacancies, reads its register. */
    public boolean isAdmin(long groupId, long accountId) {
        return current(groupId, accountId).map(Group.Membership::admin).orElse(false);
    }

    /** The account's role in the group while its membership runs (started, not ended); empty when it is not a member. */
    public Optional<String> role(long groupId, long accountId) {
        return current(groupId, accountId).map(Group.Membership::role);
    }

    private Optional<Group.Membership> current(long groupId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT g.id, g.name, g.kind, g.verified_at IS NOT NULL AS verified, m.role, m.admin
                        FROM group_members m JOIN groups g ON g.id = m.group_id
                        WHERE m.group_id = :g AND m.account_id = :a AND """ + RUNNING)
                .bind("g", groupId).bind("a", accountId).map((rs, c) -> membership(rs)).findOne());
    }

    /** A membership runs from its start day to its end day, both inclusive (UK days). Spaced both sides: text blocks lose trailing spaces. */
    static final String RUNNING = " m.started_on <= (now() AT TIME ZONE 'Europe/London')::date "
            + "AND (m.ended_on IS NULL OR m.ended_on >= (now() AT TIME ZONE 'Europe/London')::date) ";

    /** The account's current memberships, by group name. */
    public List<Group.Membership> memberships(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT g.id, g.name, g.kind, g.verified_at IS NOT NULL AS verified, m.role, m.admin
                        FROM group_members m JOIN groups g ON g.id = m.group_id
                        WHERE m.account_id = :a AND """ + RUNNING + " ORDER BY lower(g.name), g.id")
                .bind("a", accountId).map((rs, c) -> membership(rs)).list());
    }

    private static Group.Membership membership(ResultSet rs) throws SQLException {
        return new Group.Membership(new Group.Summary(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getBoolean("verified")),
                rs.getString("role"), rs.getBoolean("admin"));
    }

    /** The accounts holding the role in the group today (its safeguarding leads, say), by account id. */
    public List<Long> holders(long groupId, String role) {
        return jdbi.withHandle(h -> h.createQuery("SELECT m.account_id FROM group_members m WHERE m.group_id = :g AND m.role = :r AND " + RUNNING
                        + " ORDER BY m.account_id")
                .bind("g", groupId).bind("r", role).mapTo(Long.class).list());
    }

    /** The groups the account runs, by name. */
    public List<Group.Summary> administeredBy(long accountId) {
        return memberships(accountId).stream().filter(Group.Membership::admin).map(Group.Membership::group).toList();
    }

    /**
     * The accounts on the group's register of members today (one member, one vote), for a board election's
     * electorate; empty for a group that keeps no register.
     */
    public List<Long> electorate(long groupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT m.account_id FROM group_members m JOIN groups g ON g.id = m.group_id WHERE m.group_id = :g AND g.kind IN (<kinds>) AND "
                        + RUNNING + " ORDER BY m.account_id")
                .bind("g", groupId).bindList("kinds", List.copyOf(Group.KEEPS_REGISTER)).mapTo(Long.class).list());
    }

    /** Creates a group from its details form; the creator runs it. Empty, with the form's errors, when the form is wrong. */
    public Optional<Long> create(Form form, long creatorId, Actor actor) {
        return editor.create(form, creatorId, actor);
    }

    /** Adds the account to the group (or changes its role), as an invitation accepted or a request approved does. */
    public void addMember(long groupId, long accountId, String role, boolean admin, Actor actor) {
        if (!Group.ROLES.contains(role)) throw new IllegalArgumentException("unknown role " + role);
        jdbi.useTransaction(h -> addMember(h, audit, groupId, accountId, role, admin, actor));
    }

    static void addMember(Handle h, AuditLog audit, long groupId, long accountId, String role, boolean admin, Actor actor) {
        h.createUpdate("""
                        INSERT INTO group_members (group_id, account_id, role, admin) VALUES (:g, :a, :r, :admin)
                        ON CONFLICT (group_id, account_id) DO UPDATE SET role = excluded.role, admin = group_members.admin OR excluded.admin,
                            ended_on = NULL""")
                .bind("g", groupId).bind("a", accountId).bind("r", role).bind("admin", admin).execute();
        h.createUpdate("DELETE FROM group_join_requests WHERE group_id = :g AND account_id = :a").bind("g", groupId).bind("a", accountId).execute();
        audit.record(h, actor, "group.member_added", "group:" + groupId, "account:" + accountId + " " + role + (admin ? " admin" : ""));
    }

    /**
     * Adds a section to every group's page: {@code position} is one of {@link GroupSection}'s constants (services,
     * events, consultations, ...), so the page reads in the same order whatever order features are built in.
     */
    public void addSection(int position, GroupSection.Provider provider) {
        sections.add(new Contributed(position, provider));
    }

    /** The contributed sections of the group's page that have something to show, in position order. */
    public List<GroupSection> sections(long groupId, Messages messages) {
        List<GroupSection> out = new ArrayList<>();
        sections.stream().sorted(Comparator.comparingInt(Contributed::position))
                .forEach(s -> s.provider().section(groupId, messages).filter(x -> !x.entries().isEmpty()).ifPresent(out::add));
        return out;
    }

    /**
     * The group an organization of an imported services feed is: the group holding one of its org-id identifiers
     * (invalid ones are ignored), else the group of that name, else a new community group made from it with no admin yet
     * (an officer adds one). Runs in the caller's transaction {@code h}, so a refused import leaves no group behind.
     */
    public long matchOrCreate(Handle h, String name, String description, String contact, String website, List<String> identifiers, Actor actor) {
        return editor.matchOrCreate(h, name, description, contact, website, identifiers, actor);
    }
}
