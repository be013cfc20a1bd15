package org.commonweal.platform.core.places;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

/** Admins manage the places tree; anyone may read it. */
public final class PlaceRoutes implements Routes {
    private final Web web;
    private final PlaceService places;

    public PlaceRoutes(Web web, PlaceService places) {
        this.web = web;
        this.places = places;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/places", ctx -> web.render(ctx, "places/list.jte", web.page(ctx, "places.title"), "places", places.tree()), Access.PUBLIC, Role.ANYONE);
        r.get("/admin/places", ctx -> showAdmin(ctx, Form.empty(), null), Access.ROLE, Role.ADMIN);
        r.post("/admin/places", this::create, Access.ROLE, Role.ADMIN);
        r.get("/admin/places/{id}", ctx -> showEdit(ctx, null), Access.ROLE, Role.ADMIN);
        r.post("/admin/places/{id}", this::update, Access.ROLE, Role.ADMIN);
        r.post("/admin/places/{id}/delete", this::delete, Access.ROLE, Role.ADMIN);
    }

    private void showAdmin(Context ctx, Form form, String problemKey) {
        web.render(ctx, "admin/places.jte", web.page(ctx, "admin.places.title"), "places", places.tree(), "form", form,
                "problem", problemKey == null ? null : web.messages().get(problemKey));
    }

    private void create(Context ctx) {
        Form form = Form.read(ctx, "name", "gssCode", "parent");
        if (places.create(form, web.actor(ctx)).isEmpty()) {
            ctx.status(422);
            showAdmin(ctx, form, null);
            return;
        }
        web.redirectWithNotice(ctx, "/admin/places", "admin.places.created");
    }

    private void showEdit(Context ctx, Form form) {
        Place place = places.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        Form f = form != null ? form : Form.empty().set("name", place.name()).set("gssCode", place.gssCode());
        web.render(ctx, "admin/place.jte", web.page(ctx, "admin.place.title", place.name()), "place", place, "form", f);
    }

    private void update(Context ctx) {
        long id = Web.id(ctx, "id");
        if (places.find(id).isEmpty()) throw new NotFoundResponse();
        Form form = Form.read(ctx, "name", "gssCode");
        if (!places.rename(id, form, web.actor(ctx))) {
            ctx.status(422);
            showEdit(ctx, form);
            return;
        }
        web.redirectWithNotice(ctx, "/admin/places", "admin.places.saved");
    }

    private void delete(Context ctx) {
        long id = Web.id(ctx, "id");
        if (places.find(id).isEmpty()) throw new NotFoundResponse();
        var refused = places.delete(id, web.actor(ctx));
        if (refused.isPresent()) {
            ctx.status(409);
            showAdmin(ctx, Form.empty(), refused.get());
            return;
        }
        web.redirectWithNotice(ctx, "/admin/places", "admin.places.deleted");
    }
}
