package org.commonweal.platform.groups;

import org.commonweal.platform.budgets.Proposal;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.places.PlaceService;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A group's details form: read, checked field by field (org-id identifiers against their registers, the website as an
 * address, places from the places tree, themes from the platform's list) and stored in one transaction, or refused
 * with every error named and nothing stored.
 */
final class GroupEditor {
    /** The fields of the details form; places, themes and identifiers hold several values (see {@link #several}). */
    static final String[] FIELDS = {"name", "kind", "description", "contact", "website", "places", "themes", "identifiers", "membersPublic"};
    /** The themes a group works on: the platform's themes, shared with budgets and problems. */
    static final List<String> THEMES = Proposal.THEMES;
    private static final int MAX_PLACES = 50, MAX_IDENTIFIERS = 10;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final PlaceService places;
    private final Messages messages;
    private final GroupIndex index;

    GroupEditor(Jdbi jdbi, AuditLog audit, PlaceService places, Messages messages, GroupIndex index) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.places = places;
        this.messages = messages;
        this.index = index;
    }

    private record Details(String name, String kind, String description, String contact, String website, List<Long> places,
                           List<String> themes, List<String> identifiers, boolean membersPublic) {
    }

    /** Several values of one field, as checkboxes post them (comma-joined by the route) or typed one per line. */
    static List<String> several(String value) {
        List<String> out = new ArrayList<>();
        for (String v : value.split("[,\\n]")) if (!v.isBlank()) out.add(v.strip());
        return out;
    }

    /** The form filled with the group's details, for editing. */
    static Form of(Group g) {
        return Form.empty().set("name", g.name()).set("kind", g.kind()).set("description", g.description()).set("contact", g.contact())
                .set("website", g.website() == null ? "" : g.website())
                .set("places", String.join(",", g.placeIds().stream().map(String::valueOf).toList()))
                .set("themes", String.join(",", g.themes())).set("identifiers", String.join("\n", g.identifiers()))
                .set("membersPublic", g.membersPublic() ? "yes" : "");
    }

    private Details read(Form form) {
        String name = form.requireText("name", 200, "groups.error.name.required", "groups.error.name.tooLong");
        String kind = form.value("kind");
        if (!Group.KINDS.contains(kind)) form.error("kind", "groups.error.kind");
        String description = form.requireText("description", 5000, "groups.error.description.required", "groups.error.description.tooLong");
        String contact = form.value("contact").strip();
        form.set("contact", contact);
        if (contact.length() > 500) form.error("contact", "groups.error.contact.tooLong");
        String website = website(form);
        List<Long> placeIds = new ArrayList<>();
        for (String p : several(form.value("places"))) {
            Optional<Long> id = parseId(p).filter(x -> places.find(x).isPresent());
            if (id.isEmpty()) form.error("places", "groups.error.places");
            else if (!placeIds.contains(id.get())) placeIds.add(id.get());
        }
        if (placeIds.size() > MAX_PLACES) form.error("places", "groups.error.places.tooMany", MAX_PLACES);
        Set<String> themes = new LinkedHashSet<>(several(form.value("themes")));
        if (!THEMES.containsAll(themes)) form.error("themes", "groups.error.themes");
        List<String> identifiers = identifiers(form);
        if (form.hasErrors()) return null;
        return new Details(name, kind, description, contact, website, placeIds, List.copyOf(themes), identifiers, "yes".equals(form.value("membersPublic")));
    }

    private static String website(Form form) {
        String website = form.value("website").strip();
        form.set("website", website);
        if (website.isEmpty()) return null;
        if (website.length() > 500) {
            form.error("website", "groups.error.website.tooLong");
            return null;
        }
        try {
            URI uri = new URI(website);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getHost().contains(".")) return website;
        } catch (URISyntaxException e) {
            // reported below, as any other address that is not a web page's
        }
        form.error("website", "groups.error.website");
        return null;
    }

    /** Each line an identifier checked against its register; the first wrong one is named with the form its register expects. */
    private List<String> identifiers(Form form) {
        List<String> out = new ArrayList<>();
        for (String typed : several(form.value("identifiers"))) {
            OrgIds.Checked c = OrgIds.check(typed);
            if (!c.ok()) {
                Object[] args = c.errorArgs().clone();
                if (args.length > 2) args[2] = messages.get((String) args[2]);
                form.error("identifiers", c.errorKey(), args);
                return out;
            }
            if (!out.contains(c.identifier())) out.add(c.identifier());
        }
        if (out.size() > MAX_IDENTIFIERS) form.error("identifiers", "groups.error.orgId.tooMany", MAX_IDENTIFIERS);
        return out;
    }

    static Optional<Long> parseId(String s) {
        try {
            long v = Long.parseLong(s.strip());
            return v > 0 ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    Optional<Long> create(Form form, long creatorId, Actor actor) {
        Details d = read(form);
        if (d == null) return Optional.empty();
        return jdbi.inTransaction(h -> {
            if (!unique(h, form, d, null)) return Optional.empty();
            long id = h.createUpdate("""
                            INSERT INTO groups (name, kind, description, contact, website, members_public, created_by)
                            VALUES (:name, :kind, :description, :contact, :website, :mp, :by)""")
                    .bind("name", d.name()).bind("kind", d.kind()).bind("description", d.description()).bind("contact", d.contact())
                    .bind("website", d.website()).bind("mp", d.membersPublic()).bind("by", creatorId).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            writeLists(h, id, d);
            Groups.addMember(h, audit, id, creatorId, "member", true, actor);
            audit.record(h, actor, "group.created", "group:" + id, d.kind() + " " + d.name());
            index.update(h, id);
            return Optional.of(id);
        });
    }

    Optional<Refusal> edit(long id, Form form, Actor actor) {
        Details d = read(form);
        if (d == null) return Optional.of(Refusal.INVALID);
        return jdbi.inTransaction(h -> {
            Optional<Group> before = Groups.find(h, id);
            if (before.isEmpty()) return Optional.of(Refusal.NOT_FOUND);
            if (!unique(h, form, d, id)) return Optional.of(Refusal.INVALID);
            h.createUpdate("""
                            UPDATE groups SET name = :name, kind = :kind, description = :description, contact = :contact, website = :website,
                                members_public = :mp, updated_at = now() WHERE id = :id""")
                    .bind("name", d.name()).bind("kind", d.kind()).bind("description", d.description()).bind("contact", d.contact())
                    .bind("website", d.website()).bind("mp", d.membersPublic()).bind("id", id).execute();
            // A changed identifier was not what the officer checked: the group is verified again before it counts as verified.
            boolean identifiersChanged = !Set.copyOf(before.get().identifiers()).equals(Set.copyOf(d.identifiers()));
            if (identifiersChanged && before.get().verified()) {
                h.createUpdate("UPDATE groups SET verified_at = NULL WHERE id = :id").bind("id", id).execute();
                audit.record(h, actor, "group.verification_lapsed", "group:" + id, "identifiers changed");
            }
            h.createUpdate("DELETE FROM group_places WHERE group_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM group_themes WHERE group_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM group_identifiers WHERE group_id = :id").bind("id", id).execute();
            writeLists(h, id, d);
            audit.record(h, actor, "group.edited", "group:" + id, d.name());
            index.update(h, id);
            return Optional.empty();
        });
    }

    /** The name and every identifier belong to no other group (checked inside the transaction that writes them). */
    private static boolean unique(Handle h, Form form, Details d, Long self) {
        if (h.createQuery("SELECT 1 FROM groups WHERE lower(name) = lower(:n) AND id <> coalesce(:self, 0)").bind("n", d.name()).bind("self", self)
                .mapTo(Integer.class).findOne().isPresent()) {
            form.error("name", "groups.error.name.taken");
        }
        for (String identifier : d.identifiers()) {
            if (h.createQuery("SELECT 1 FROM group_identifiers WHERE identifier = :i AND group_id <> coalesce(:self, 0)").bind("i", identifier)
                    .bind("self", self).mapTo(Integer.class).findOne().isPresent()) {
                form.error("identifiers", "groups.error.orgId.taken", identifier);
            }
        }
        return !form.hasErrors();
    }

    private static void writeLists(Handle h, long id, Details d) {
        for (long p : d.places()) h.createUpdate("INSERT INTO group_places (group_id, place_id) VALUES (:g, :p)").bind("g", id).bind("p", p).execute();
        for (String t : d.themes()) h.createUpdate("INSERT INTO group_themes (group_id, theme) VALUES (:g, :t)").bind("g", id).bind("t", t).execute();
        for (String i : d.identifiers()) {
            h.createUpdate("INSERT INTO group_identifiers (group_id, identifier) VALUES (:g, :i)").bind("g", id).bind("i", i).execute();
        }
    }
}
