package org.commonweal.platform.core.ops;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.db.Database;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Role;

/** /health for load balancers (is the database reachable?) and /metrics for Prometheus, for those {@link MetricsEndpoint} lets in. */
public final class OpsRoutes implements Routes {
    private final Database database;
    private final MetricsEndpoint metrics;

    public OpsRoutes(Database database, MetricsEndpoint metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/health", this::health, Access.PUBLIC, Role.ANYONE);
        // The bearer token (or the management port) is the credential; MetricsEndpoint checks it.
        r.get("/metrics", metrics::serve, Access.SECRET, Role.ANYONE);
    }

    private void health(io.javalin.http.Context ctx) {
        boolean ok = database.isReachable();
        ctx.status(ok ? 200 : 503).contentType("application/json")
                .result(ok ? "{\"status\":\"ok\",\"database\":\"reachable\"}" : "{\"status\":\"unavailable\",\"database\":\"unreachable\"}");
    }
}
