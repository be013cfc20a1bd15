package org.commonweal.platform.core.ops;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.db.Database;
import org.commonweal.platform.core.http.Feature;
import org.commonweal.platform.core.http.Role;

/** /health for load balancers (is the database reachable?) and /metrics for Prometheus, for those {@link MetricsEndpoint} lets in. */
public final class OpsRoutes implements Feature {
    private final Database database;
    private final MetricsEndpoint metrics;

    public OpsRoutes(Database database, MetricsEndpoint metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/health", this::health, Role.ANYONE);
        r.get("/metrics", metrics::serve, Role.ANYONE);
    }

    private void health(io.javalin.http.Context ctx) {
        boolean ok = database.isReachable();
        ctx.status(ok ? 200 : 503).contentType("application/json")
                .result(ok ? "{\"status\":\"ok\",\"database\":\"reachable\"}" : "{\"status\":\"unavailable\",\"database\":\"unreachable\"}");
    }
}
