package org.commonweal.platform.core.http;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;

/**
 * RFC 8058 one-click unsubscribe: a mail provider POSTs {@code List-Unsubscribe=One-Click} to the link in a mail's
 * List-Unsubscribe header, with no cookies and so no CSRF token. A route marked with {@link #ROUTE} is spared the CSRF
 * check for exactly such a request (every other request to it still needs the token), and must authenticate it by the
 * signature in its URL. It still counts against the write rate limit.
 */
public enum OneClickUnsubscribe implements RouteRole {
    ROUTE;

    public static boolean exempts(Context ctx) {
        return ctx.routeRoles().contains(ROUTE) && isOneClick(ctx);
    }

    /** Whether the request carries the RFC 8058 body (form-encoded or multipart). */
    public static boolean isOneClick(Context ctx) {
        return "One-Click".equals(ctx.formParam("List-Unsubscribe"));
    }
}
