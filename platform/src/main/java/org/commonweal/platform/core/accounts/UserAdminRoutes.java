package org.commonweal.platform.core.accounts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

import java.util.EnumSet;
import java.util.Set;

/** Admins find users and grant or remove roles. */
public final class UserAdminRoutes implements Routes {
    private static final int PAGE_SIZE = 50;
    private final Web web;
    private final AccountService accounts;

    public UserAdminRoutes(Web web, AccountService accounts) {
        this.web = web;
        this.accounts = accounts;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/admin/users", this::list, Access.ROLE, Role.ADMIN);
        r.get("/admin/users/{id}", ctx -> show(ctx, false), Access.ROLE, Role.ADMIN);
        r.post("/admin/users/{id}/roles", this::setRoles, Access.ROLE, Role.ADMIN);
    }

    private void list(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        int pageNo = Math.max(0, parseInt(ctx.queryParam("page")));
        web.render(ctx, "admin/users.jte", web.page(ctx, "admin.users.title"), "query", q,
                "users", accounts.search(q, PAGE_SIZE + 1, pageNo * PAGE_SIZE), "pageNo", pageNo, "pageSize", PAGE_SIZE);
    }

    private void show(Context ctx, boolean refused) {
        Account account = accounts.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        if (refused) ctx.status(422);
        web.render(ctx, "admin/user.jte", web.page(ctx, "admin.user.title", account.name()), "account", account,
                "grantable", Role.GRANTABLE, "refused", refused);
    }

    private void setRoles(Context ctx) {
        long id = Web.id(ctx, "id");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : ctx.formParams("role")) {
            try {
                roles.add(Role.fromStored(value));
            } catch (IllegalArgumentException e) {
                throw new io.javalin.http.BadRequestResponse("unknown role");
            }
        }
        if (accounts.find(id).isEmpty()) throw new NotFoundResponse();
        if (!accounts.setRoles(id, roles, web.actor(ctx))) {
            show(ctx, true);
            return;
        }
        web.redirectWithNotice(ctx, "/admin/users/" + id, "admin.user.saved");
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
