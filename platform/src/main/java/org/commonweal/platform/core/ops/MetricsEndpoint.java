package org.commonweal.platform.core.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.commonweal.platform.core.http.Secrets;
import org.commonweal.platform.core.i18n.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;

/**
 * Who may read /metrics (per-route counts, ballot posts included, and JVM details are nobody else's business). With
 * MANAGEMENT_PORT set it is served on that port only; otherwise on the public port only when METRICS_TOKEN is set.
 * Where METRICS_TOKEN is set, every scrape must present it as a bearer token. Anything else is a 404, as if there
 * were no such page.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry metrics;
    private final Optional<String> token;
    private final OptionalInt managementPort;
    private final Messages messages;
    private HttpServer management;

    public MetricsEndpoint(PrometheusMeterRegistry metrics, Optional<String> token, OptionalInt managementPort, Messages messages) {
        this.metrics = metrics;
        this.token = token;
        this.managementPort = managementPort;
        this.messages = messages;
    }

    /** /metrics on the public port. */
    void serve(Context ctx) {
        if (managementPort.isPresent() || token.isEmpty()) throw new NotFoundResponse();
        if (!presentsToken(ctx.header("Authorization"))) {
            ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"metrics\"").result(messages.get("metrics.tokenRequired"));
            return;
        }
        ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
    }

    private boolean presentsToken(String authorization) {
        if (token.isEmpty()) return true;
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return Secrets.constantTimeEquals(token.get(), authorization.substring(7).strip());
    }

    /** Opens the management port, if one is set. */
    public void start() throws IOException {
        if (managementPort.isEmpty()) return;
        management = HttpServer.create(new InetSocketAddress(managementPort.getAsInt()), 0);
        management.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        management.createContext("/", this::serveManagement);
        management.start();
    }

    private void serveManagement(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals("/metrics") || !(method.equals("GET") || method.equals("HEAD"))) {
                respond(exchange, 404, "text/plain; charset=utf-8", messages.get("error.notFound.title"));
            } else if (!presentsToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"metrics\"");
                respond(exchange, 401, "text/plain; charset=utf-8", messages.get("metrics.tokenRequired"));
            } else {
                respond(exchange, 200, CONTENT_TYPE, metrics.scrape());
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The port the management server listens on (the one chosen when MANAGEMENT_PORT is 0). */
    public OptionalInt boundManagementPort() {
        return management == null ? OptionalInt.empty() : OptionalInt.of(management.getAddress().getPort());
    }

    @Override
    public void close() {
        if (management != null) management.stop(0);
    }
}
