package org.commonweal.platform.groups;

import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.opendata.OpenDataset;
import org.commonweal.platform.core.search.SearchDocument;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * How groups appear to the rest of the platform: in the one search (name, kind, description, themes, identifiers) and
 * as the open dataset "groups": public fields only, with their org-ids, never members or contact details of people.
 */
final class GroupIndex {
    static final String KIND = "group";

    private final Jdbi jdbi;
    private final SearchIndex search;
    private final Messages messages;

    GroupIndex(Jdbi jdbi, SearchIndex search, Messages messages) {
        this.jdbi = jdbi;
        this.search = search;
        this.messages = messages;
    }

    /** Brings the search index in line with the group, inside the transaction that changed it. */
    void update(Handle h, long id) {
        Group g = Groups.find(h, id).orElseThrow();
        String body = String.join("\n", messages.get("groups.kind." + g.kind()), g.description(),
                String.join(" ", g.themes().stream().map(t -> messages.get("budgets.theme." + t)).toList()), String.join(" ", g.identifiers()));
        // A group working in one place is found under it; one working in several (or nowhere named) is found everywhere.
        Long place = g.placeIds().size() == 1 ? g.placeIds().getFirst() : null;
        search.publish(h, new SearchDocument(new Subject(KIND, id), g.name(), body, g.url(), place));
    }

    OpenDataset dataset() {
        return new OpenDataset("groups", "opendata.groups.title", "opendata.groups.description",
                List.of("id", "name", "kind", "org_ids", "verified", "verified_at", "description", "website", "themes", "place_ids", "place_names",
                        "created_at"),
                sink -> jdbi.useHandle(h -> h.createQuery("""
                                SELECT g.id, g.name, g.kind, g.verified_at, g.description, g.website, g.created_at,
                                       (SELECT string_agg(identifier, ' ' ORDER BY identifier) FROM group_identifiers i WHERE i.group_id = g.id) AS org_ids,
                                       (SELECT string_agg(theme, ' ' ORDER BY theme) FROM group_themes t WHERE t.group_id = g.id) AS themes,
                                       (SELECT string_agg(gp.place_id::text, ' ' ORDER BY gp.place_id) FROM group_places gp WHERE gp.group_id = g.id) AS place_ids,
                                       (SELECT string_agg(p.name, '; ' ORDER BY p.name) FROM group_places gp JOIN places p ON p.id = gp.place_id
                                         WHERE gp.group_id = g.id) AS place_names
                                FROM groups g ORDER BY g.id""")
                        .setFetchSize(500)
                        .map((rs, c) -> Arrays.<Object>asList(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("org_ids"),
                                rs.getObject("verified_at") != null, rs.getObject("verified_at", OffsetDateTime.class), rs.getString("description"),
                                rs.getString("website"), rs.getString("themes"), rs.getString("place_ids"), rs.getString("place_names"),
                                rs.getObject("created_at", OffsetDateTime.class)))
                        .useStream(rows -> rows.forEach(sink))));
    }
}
