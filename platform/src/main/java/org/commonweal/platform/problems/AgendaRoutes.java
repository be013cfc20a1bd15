package org.commonweal.platform.problems;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The agenda page of each place, and /agenda which opens the agenda of the chosen place (or the top of the tree). */
final class AgendaRoutes implements Routes {
    private final Web web;
    private final AgendaService agenda;
    private final PlaceService places;

    AgendaRoutes(Web web, AgendaService agenda, PlaceService places) {
        this.web = web;
        this.agenda = agenda;
        this.places = places;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/agenda", this::choose, Access.PUBLIC, Role.ANYONE);
        r.get("/places/{id}/agenda", this::show, Access.PUBLIC, Role.ANYONE);
    }

    private void choose(Context ctx) {
        Optional<Place> place = ProblemService.parseId(ctx.queryParam("place")).flatMap(places::find)
                .or(() -> places.tree().stream().findFirst());
        if (place.isEmpty()) throw new NotFoundResponse();
        ctx.redirect("/places/" + place.get().id() + "/agenda" + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
    }

    private void show(Context ctx) {
        Place place = places.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        AgendaService.Period period = AgendaService.Period.of(Optional.ofNullable(ctx.queryParam("period")).orElse(""));
        String theme = Optional.ofNullable(ctx.queryParam("theme")).filter(Problem.THEMES::contains).orElse("");
        String status = Optional.ofNullable(ctx.queryParam("status")).filter(Problem.OFFICER_STATUSES::contains).orElse("");
        int pageNo = ProblemService.parseId(ctx.queryParam("page")).map(n -> (int) Math.min(n, 10_000)).orElse(0);
        AgendaService.Agenda ranked = agenda.rank(place.id(), period, theme, status, pageNo, OffsetDateTime.now());
        Form filters = Form.empty().set("period", period.code).set("theme", theme).set("status", status).set("place", String.valueOf(place.id()));
        String query = "period=" + period.code + "&theme=" + theme + "&status=" + status;
        web.render(ctx, "problems/agenda.jte", web.page(ctx, "problems.agenda.title", place.name()), "place", place, "agenda", ranked,
                "filters", filters, "query", query, "pageNo", pageNo, "places", places.tree());
    }
}
