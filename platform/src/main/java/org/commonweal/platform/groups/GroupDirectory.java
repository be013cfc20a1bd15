package org.commonweal.platform.groups;

import org.commonweal.platform.core.places.PlaceService;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * The directory of groups: by name (words anywhere in it), kind, place (a place includes the places inside it) and
 * theme, in name order, a page of {@link #PAGE} at a time; "%" and "_" typed in a name are found as themselves. Full-text search across groups and everything else is the
 * platform's one search; this is the list to browse.
 */
public final class GroupDirectory {
    static final int PAGE = 20;

    public record Filter(String name, String kind, Long placeId, String theme, int page) {
    }

    /** A group in the list, with the places it works in (names) for the line under it. */
    public record Listed(Group.Summary group, String places) {
    }

    public record Listing(List<Listed> groups, boolean more) {
    }

    private final Jdbi jdbi;
    private final PlaceService places;

    GroupDirectory(Jdbi jdbi, PlaceService places) {
        this.jdbi = jdbi;
        this.places = places;
    }

    Listing search(Filter f) {
        String name = f.name().strip();
        // Only the filters in use go into the query, so each shape gets a plan of its own (the name's trigram index).
        StringBuilder where = new StringBuilder("TRUE");
        if (!name.isEmpty()) where.append(" AND g.name ILIKE '%' || :pattern || '%' ESCAPE '!'");
        if (!f.kind().isEmpty()) where.append(" AND g.kind = :kind");
        if (f.placeId() != null) where.append(" AND EXISTS (SELECT 1 FROM group_places gp WHERE gp.group_id = g.id AND gp.place_id = ANY(:within))");
        if (!f.theme().isEmpty()) where.append(" AND EXISTS (SELECT 1 FROM group_themes t WHERE t.group_id = g.id AND t.theme = :theme)");
        List<Listed> rows = jdbi.withHandle(h -> {
            var query = h.createQuery("""
                            SELECT g.id, g.name, g.kind, g.verified_at IS NOT NULL AS verified,
                                   (SELECT string_agg(p.name, ', ' ORDER BY p.name) FROM group_places gp JOIN places p ON p.id = gp.place_id
                                     WHERE gp.group_id = g.id) AS places
                            FROM groups g WHERE\s""" + where + " ORDER BY lower(g.name), g.id LIMIT :limit OFFSET :offset")
                    .bind("limit", PAGE + 1).bind("offset", (long) f.page() * PAGE);
            if (!name.isEmpty()) query.bind("pattern", name.replace("!", "!!").replace("%", "!%").replace("_", "!_"));
            if (!f.kind().isEmpty()) query.bind("kind", f.kind());
            if (f.placeId() != null) query.bind("within", places.within(f.placeId()).toArray(Long[]::new));
            if (!f.theme().isEmpty()) query.bind("theme", f.theme());
            return query.map((rs, c) -> new Listed(new Group.Summary(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getBoolean("verified")),
                    rs.getString("places"))).list();
        });
        boolean more = rows.size() > PAGE;
        return new Listing(more ? rows.subList(0, PAGE) : rows, more);
    }
}
