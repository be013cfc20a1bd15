package org.commonweal.platform.core.ops;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.db.Database;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Role;

/** /health for load balancers (is the database reachable?) and /metrics for Prometheus. */
public final class OpsRoutes implements Routes {
    private final Database database;
    private final PrometheusMeterRegistry metrics;

    public OpsRoutes(Database database, PrometheusMeterRegistry metrics) {
        this.database = database;
        this.metrics = metrics;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/health", this::health, Access.PUBLIC, Role.ANYONE);
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()), Access.PUBLIC, Role.ANYONE);
    }

    private void health(io.javalin.http.Context ctx) {
        boolean ok = database.isReachable();
        ctx.status(ok ? 200 : 503).contentType("application/json")
                .result(ok ? "{\"status\":\"ok\",\"database\":\"reachable\"}" : "{\"status\":\"unavailable\",\"database\":\"unreachable\"}");
    }
}
