package org.commonweal.platform.groups;

import org.commonweal.platform.core.places.PlaceService;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Set;

/**
 * The directory of groups: by name (words anywhere in it), kind, place (a place includes the places inside it) and
 * theme, in name order, a page of {@link #PAGE} at a time. Full-text search across groups and everything else is the
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
        Set<Long> within = f.placeId() == null ? Set.of() : places.within(f.placeId());
        String name = f.name().strip();
        List<Listed> rows = jdbi.withHandle(h -> h.createQuery("""
                        SELECT g.id, g.name, g.kind, g.verified_at IS NOT NULL AS verified,
                               (SELECT string_agg(p.name, ', ' ORDER BY p.name) FROM group_places gp JOIN places p ON p.id = gp.place_id
                                 WHERE gp.group_id = g.id) AS places
                        FROM groups g
                        WHERE (:name = '' OR g.name ILIKE '%' || :pattern || '%' ESCAPE '\\')
                          AND (:kind = '' OR g.kind = :kind)
                          AND (NOT :byPlace OR EXISTS (SELECT 1 FROM group_places gp WHERE gp.group_id = g.id AND gp.place_id = ANY(:within)))
                          AND (:theme = '' OR EXISTS (SELECT 1 FROM group_themes t WHERE t.group_id = g.id AND t.theme = :theme))
                        ORDER BY lower(g.name), g.id LIMIT :limit OFFSET :offset""")
                .bind("name", name).bind("pattern", name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
                .bind("kind", f.kind()).bind("byPlace", f.placeId() != null).bind("within", within.toArray(Long[]::new)).bind("theme", f.theme())
                .bind("limit", PAGE + 1).bind("offset", (long) f.page() * PAGE)
                .map((rs, c) -> new Listed(new Group.Summary(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getBoolean("verified")),
                        rs.getString("places"))).list());
        boolean more = rows.size() > PAGE;
        return new Listing(more ? rows.subList(0, PAGE) : rows, more);
    }
}
