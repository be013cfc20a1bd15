package org.commonweal.platform.core.http;

import io.javalin.config.RoutesConfig;

/**
 * A group of routes, each added with the roles that may use it. Features are made of these; the platform's own pages
 * (sign-in, admin, places, search, open data) are too.
 */
public interface Routes {
    void routes(RoutesConfig routes);
}
