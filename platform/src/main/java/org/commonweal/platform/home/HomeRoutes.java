package org.commonweal.platform.home;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

/** The start page: what a visitor can do here. */
public final class HomeRoutes implements Routes {
    private final Web web;

    public HomeRoutes(Web web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/", ctx -> web.render(ctx, "home.jte", web.page(ctx, "home.title")), Access.PUBLIC, Role.ANYONE);
    }
}
