package org.commonweal.platform.core.search;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.subjects.Subjects;

import java.util.LinkedHashSet;
import java.util.Set;

/** The search page: one box across problems, proposals, consultations and events, with kind and place filters. */
public final class SearchRoutes implements Routes {
    private final Web web;
    private final SearchIndex index;
    private final Subjects subjects;
    private final PlaceService places;

    public SearchRoutes(Web web, SearchIndex index, Subjects subjects, PlaceService places) {
        this.web = web;
        this.index = index;
        this.subjects = subjects;
        this.places = places;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/search", this::search, Access.PUBLIC, Role.ANYONE);
    }

    private void search(Context ctx) {
        String text = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        // Unknown kinds and places are ignored rather than refused: a stale bookmarked link still searches.
        Set<String> kinds = new LinkedHashSet<>();
        for (String k : ctx.queryParams("kind")) if (subjects.knows(k)) kinds.add(k);
        Long placeId = null;
        try {
            String p = ctx.queryParam("place");
            if (p != null && !p.isBlank() && places.find(Long.parseLong(p.strip())).isPresent()) placeId = Long.parseLong(p.strip());
        } catch (NumberFormatException ignored) {
            // a hand-edited place parameter: search everywhere
        }
        int page = 1;
        try {
            String p = ctx.queryParam("page");
            if (p != null) page = Math.max(1, Math.min(500, Integer.parseInt(p)));
        } catch (NumberFormatException ignored) {
            // a hand-edited page parameter: first page
        }
        boolean tooLong = text.strip().length() > SearchIndex.MAX_QUERY;
        SearchIndex.Results results = index.search(new SearchIndex.Query(text, kinds, placeId, page));
        web.render(ctx, "search/results.jte", web.page(ctx, "search.title"), "text", text, "kinds", kinds, "allKinds", index.kinds(),
                "placeId", placeId, "places", places.tree(), "results", results, "pageNumber", page, "tooLong", tooLong);
    }
}
