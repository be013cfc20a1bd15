package org.commonweal.platform.groups;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.skills.Skills;

import java.util.Optional;

/**
 * Trustee vacancies: a group's admins post and close them and see the residents who match; everyone reads them; a
 * resident's own matches are on their skills page.
 */
final class VacancyRoutes implements Routes {
    private static final Web.Closed CLOSED = new Web.Closed("groups.vacancy.closed.title", "groups.vacancy.closed.body");
    private final Web web;
    private final Groups groups;
    private final Vacancies vacancies;
    private final PlaceService places;
    private final Access running;

    VacancyRoutes(Web web, Groups groups, Vacancies vacancies, PlaceService places, Access running) {
        this.web = web;
        this.groups = groups;
        this.vacancies = vacancies;
        this.places = places;
        this.running = running;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/vacancies", this::list, Access.PUBLIC, Role.ANYONE);
        r.get("/groups/{id}/vacancies/new", ctx -> showForm(ctx, GroupRoutes.group(ctx, groups), Form.empty().set("role", "trustee")), running, Role.RESIDENT);
        r.post("/groups/{id}/vacancies", this::post, running, Role.RESIDENT);
        r.get("/groups/{id}/vacancies/{vacancy}", this::show, Access.PUBLIC, Role.ANYONE);
        r.get("/groups/{id}/vacancies/{vacancy}/matches", this::matches, running, Role.RESIDENT);
        r.post("/groups/{id}/vacancies/{vacancy}/close", this::close, running, Role.RESIDENT);
    }

    private Vacancies.Vacancy vacancy(Context ctx) {
        return vacancies.find(Web.id(ctx, "id"), Web.id(ctx, "vacancy")).orElseThrow(NotFoundResponse::new);
    }

    private void list(Context ctx) {
        int pageNo = Optional.ofNullable(ctx.queryParam("page")).flatMap(GroupEditor::parseId).map(n -> (int) Math.min(n, 10_000)).orElse(0);
        var found = vacancies.open(pageNo);
        web.render(ctx, "groups/vacancies.jte", web.page(ctx, "groups.vacancies.title"), "vacancies", found.size() > 20 ? found.subList(0, 20) : found,
                "more", found.size() > 20, "pageNo", pageNo);
    }

    private void showForm(Context ctx, Group g, Form form) {
        web.render(ctx, "groups/vacancy-form.jte", web.page(ctx, "groups.vacancy.new.title", g.name()), "group", g, "form", form,
                "roles", GroupRoutes.options(Group.ROLES.subList(1, Group.ROLES.size()), "groups.role.", web),
                "skills", GroupRoutes.options(Skills.ALL, "skills.", web), "places", GroupRoutes.placeOptions(places.tree()));
    }

    private void post(Context ctx) {
        Group g = GroupRoutes.group(ctx, groups);
        Form form = GroupRoutes.read(ctx, Vacancies.FIELDS, "skills", "places");
        Optional<Long> id = vacancies.post(g.id(), form, web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            showForm(ctx, g, form);
            return;
        }
        web.redirectWithNotice(ctx, "/groups/" + g.id() + "/vacancies/" + id.get(), "groups.notice.vacancyPosted");
    }

    private void show(Context ctx) {
        Vacancies.Vacancy v = vacancy(ctx);
        CurrentUser user = web.user(ctx);
        boolean admin = user != null && (groups.isAdmin(v.groupId(), user.id()) || user.has(Role.ADMIN));
        web.render(ctx, "groups/vacancy.jte", web.page(ctx, "groups.vacancy.title", web.messages().get("groups.role." + v.role()), v.groupName()),
                "vacancy", v, "placeNames", v.placeIds().stream().map(places::find).flatMap(Optional::stream).map(Place::name).toList(), "admin", admin);
    }

    private void matches(Context ctx) {
        Vacancies.Vacancy v = vacancy(ctx);
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, "groups/matches.jte", web.page(ctx, "groups.matches.title", web.messages().get("groups.role." + v.role())), "vacancy", v,
                "matches", vacancies.matches(v));
    }

    private void close(Context ctx) {
        Vacancies.Vacancy v = vacancy(ctx);
        web.answer(ctx, vacancies.close(v.groupId(), v.id(), web.actor(ctx)), v.url(), "groups.notice.vacancyClosed", null, CLOSED);
    }
}
