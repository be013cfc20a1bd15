package org.commonweal.platform.services;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The groups that run services (ORUK "organizations"), asked of the Groups feature through its published service: a
 * group as ORUK publishes it, who may edit its services, and the group an imported organization is.
 */
public final class Providers {
    /** A group as the directory shows it and ORUK publishes it. */
    public record Provider(long groupId, String name, String description, String email, String website, String pageUrl, List<Identifier> identifiers) {
        public Provider {
            identifiers = List.copyOf(identifiers);
        }
    }

    /** An org-id identifier: the register's prefix (GB-CHC) and the id within it. */
    public record Identifier(String scheme, String identifier) {
        String orgId() {
            return scheme == null || scheme.isBlank() ? identifier : scheme + "-" + identifier;
        }
    }

    /** An organization of an ORUK feed, to be matched to a group or made one. */
    record Incoming(String name, String description, String email, String website, List<Identifier> identifiers) {
        Incoming {
            identifiers = List.copyOf(identifiers);
        }
    }

    private final Groups groups;

    Providers(Groups groups) {
        this.groups = groups;
    }

    Optional<Provider> find(long groupId) {
        return groups.find(groupId).map(Providers::provider);
    }

    private static Provider provider(Group g) {
        List<Identifier> ids = new ArrayList<>();
        for (String orgId : g.identifiers()) {
            // An org-id is the register's prefix (country and register, GB-CHC) and the id the register gives.
            String[] parts = orgId.split("-", 3);
            ids.add(parts.length == 3 ? new Identifier(parts[0] + "-" + parts[1], parts[2]) : new Identifier("", orgId));
        }
        String contact = g.contact() == null ? "" : g.contact().strip();
        return new Provider(g.id(), g.name(), g.description(), RowCheck.isEmail(contact) ? contact : null, g.website(),
                g.url(), ids);
    }

    String name(long groupId) {
        return groups.name(groupId).orElse("");
    }

    java.util.Map<Long, String> names(java.util.Collection<Long> groupIds) {
        return groups.names(groupIds);
    }

    /** Whether the account is one of the group's admins (who edit its services). */
    boolean isAdmin(long groupId, long accountId) {
        return groups.isAdmin(groupId, accountId);
    }

    /** The groups the account runs, by name. */
    List<Group.Summary> administeredBy(long accountId) {
        return groups.administeredBy(accountId);
    }

    /** The group an imported organization is (matched or made by the Groups service), inside the import's transaction. */
    long matchOrCreate(Handle h, Incoming o, Actor actor) {
        return groups.matchOrCreate(h, o.name(), o.description(), o.email(), o.website(), o.identifiers().stream().map(Identifier::orgId).toList(), actor);
    }
}
