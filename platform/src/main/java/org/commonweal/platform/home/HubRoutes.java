package org.commonweal.platform.home;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;

/** The hubs' pages: each lists the pages its user may use in it, a line each, in the order of the feature list. */
public final class HubRoutes implements Routes {
    private final Web web;

    public HubRoutes(Web web) {
        this.web = web;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get(NavItem.Area.TAKE_PART.href(), ctx -> show(ctx, NavItem.Area.TAKE_PART), Access.PUBLIC, Role.ANYONE);
        r.get(NavItem.Area.COMMUNITY.href(), ctx -> show(ctx, NavItem.Area.COMMUNITY), Access.PUBLIC, Role.ANYONE);
        r.get(NavItem.Area.TOOLS.href(), ctx -> show(ctx, NavItem.Area.TOOLS), Access.ROLE, Role.OFFICER, Role.ORGANISER, Role.MODERATOR, Role.ADMIN);
    }

    private void show(Context ctx, NavItem.Area hub) {
        web.render(ctx, "hub.jte", web.page(ctx, hub.labelKey()), "hub", hub);
    }
}
