package org.commonweal.platform.core.http;

import io.javalin.config.RoutesConfig;

/**
 * A feature declares itself in one place: its routes (each with the roles that may use it). The platform
 * lists its features in {@code Features}; a new feature is a new package plus one line there.
 */
public interface Feature {
    void routes(RoutesConfig routes);
}
