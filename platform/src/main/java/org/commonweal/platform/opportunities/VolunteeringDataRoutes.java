package org.commonweal.platform.opportunities;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;

/** The UK Volunteering Data standard's files: open activities and the organisations running them, for anyone. */
final class VolunteeringDataRoutes implements Routes {
    private final VolunteeringData data;

    VolunteeringDataRoutes(VolunteeringData data) {
        this.data = data;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/open-data/volunteering/activities.json", ctx -> ctx.contentType("application/ld+json; charset=utf-8").result(data.activities()),
                Access.PUBLIC, Role.ANYONE);
        r.get("/open-data/volunteering/organisations.json", ctx -> ctx.contentType("application/ld+json; charset=utf-8").result(data.organisations()),
                Access.PUBLIC, Role.ANYONE);
    }
}
