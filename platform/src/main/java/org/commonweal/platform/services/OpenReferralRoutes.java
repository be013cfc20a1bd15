package org.commonweal.platform.services;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.i18n.Messages;
import org.jdbi.v3.core.statement.Query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The read API after Open Referral UK 3.0 (its OpenAPI description: /services, /services/{id}, /service_at_locations,
 * /taxonomies, /taxonomy_terms, with page and per_page, and the filters it names), plus /organizations for the groups
 * that run the services. Public, GET only, published services only; any web page may call it (CORS), and each address
 * is rate-limited. A wrong parameter is a 400 naming it, in JSON.
 */
final class OpenReferralRoutes implements Routes {
    static final String BASE = "/api/openreferral";
    /** Generous for a directory site or an aggregator paging through; stops one address hammering the database. */
    static final RateLimiter.Limit CALLS = new RateLimiter.Limit("openreferral-api", 600, Duration.ofMinutes(1));
    private static final String PUBLISHED_SERVICES = "FROM services s WHERE ";
    private final OrukWriter writer;
    private final RateLimiter limiter;
    private final Messages messages;

    OpenReferralRoutes(OrukWriter writer, RateLimiter limiter, Messages messages) {
        this.writer = writer;
        this.limiter = limiter;
        this.messages = messages;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get(BASE, api(this::about), Access.PUBLIC, Role.ANYONE);
        r.get(BASE + "/services", api(this::services), Access.PUBLIC, Role.ANYONE);
        r.get(BASE + "/services/{id}", api(this::service), Access.PUBLIC, Role.ANYONE);
        r.get(BASE + "/organizations", api(this::organizations), Access.PUBLIC, Role.ANYONE);
        r.get(BASE + "/organizations/{id}", api(this::organization), Access.PUBLIC, Role.ANYONE);
        r.get(BASE + "/service_at_locations", api(this::serviceAtLocations), Access.PUBLIC, Role.ANYONE);
        r.get(BASE + "/service_at_locations/{id}", api(this::serviceAtLocation), Access.PUBLIC, Role.ANYONE);
        r.get(BASE + "/taxonomies", api(this::taxonomies), Access.PUBLIC, Role.ANYONE);
        r.get(BASE + "/taxonomies/{id}", api(this::taxonomy), Access.PUBLIC, Role.ANYONE);
        r.get(BASE + "/taxonomy_terms", api(this::taxonomyTerms), Access.PUBLIC, Role.ANYONE);
        r.get(BASE + "/taxonomy_terms/{id}", api(this::taxonomyTerm), Access.PUBLIC, Role.ANYONE);
    }

    /** Every API answer: CORS for any origin, the rate limit, and errors as JSON rather than the site's HTML pages. */
    private Handler api(Handler h) {
        return ctx -> {
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Vary", "Origin");
            try {
                limiter.consume(CALLS, "ip:" + ctx.ip());
                h.handle(ctx);
            } catch (RateLimiter.TooManyRequests e) {
                ctx.header("Retry-After", String.valueOf(e.waitSeconds()));
                error(ctx, 429, null, "services.api.error.tooMany");
            } catch (ApiRequest.BadParameter e) {
                error(ctx, 400, e.parameter, e.messageKey);
            }
        };
    }

    private void error(Context ctx, int status, String parameter, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", parameter == null ? messages.get(key) : messages.get(key, parameter));
        if (parameter != null) body.put("parameter", parameter);
        ctx.status(status).json(body);
    }

    private void notFound(Context ctx) {
        error(ctx, 404, null, "services.api.error.notFound");
    }

    private void about(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "3.0");
        body.put("profile", "https://openreferraluk.org/");
        body.put("openapi_url", "https://raw.githubusercontent.com/openreferral/uk-profile/main/openapi.json");
        ctx.json(body);
    }

    /** The filters /services and /service_at_locations share (ORUK's search, taxonomy, age and time parameters). */
    private DirectoryQuery query(ApiRequest q) {
        return new DirectoryQuery(q.text("search").orElse(null), null, q.uuid("taxonomy_term_id").orElse(null),
                q.uuid("taxonomy_id").orElse(null), q.age("minimum_age").orElse(null), q.age("maximum_age").orElse(null), null,
                q.day().orElse(null), null, null, q.time("start_time").orElse(null), q.time("end_time").orElse(null));
    }

    private void services(Context ctx) {
        ApiRequest q = new ApiRequest(ctx);
        DirectoryQuery filters = query(q);
        var organization = q.uuid("organization_id");
        String format = q.text("format").orElse("json");
        if (!format.equals("json") && !format.equals("ndjson")) throw new ApiRequest.BadParameter("format", "services.api.error.format");
        DirectoryQuery.Condition c = filters.condition();
        String where = c.sql() + (organization.isPresent() ? " AND s.group_id = (SELECT group_id FROM service_providers WHERE oruk_id = :org)" : "");
        Function<Query, Query> bind = query -> {
            c.bindTo(query);
            organization.ifPresent(o -> query.bind("org", o));
            return query;
        };
        if (format.equals("ndjson")) {
            ctx.contentType("application/x-ndjson; charset=utf-8");
            stream(ctx, out -> writer.ndjson(out, new OrukWriter.Listing(PUBLISHED_SERVICES + where, "s.id", "s.id", "s.group_id", OrukJson.FULL),
                    bind, OrukWriter.OrganizationAt.ROW));
            return;
        }
        int page = q.page();
        int perPage = q.perPage();
        json(ctx, out -> writer.page(out, new OrukWriter.Listing(PUBLISHED_SERVICES + where, "s.name, s.id", "s.id", "s.group_id", OrukJson.LIST),
                bind, page, perPage, OrukWriter.OrganizationAt.ROW));
    }

    private void service(Context ctx) {
        UUID id = pathId(ctx);
        if (id == null) return;
        one(ctx, "SELECT s.group_id, " + OrukJson.FULL + " AS json FROM services s WHERE s.state = 'published' AND s.oruk_id = :id", id,
                OrukWriter.OrganizationAt.ROW);
    }

    private void serviceAtLocations(Context ctx) {
        ApiRequest q = new ApiRequest(ctx);
        DirectoryQuery.Condition c = query(q).condition();
        if (q.text("proximity").isPresent()) throw new ApiRequest.BadParameter("proximity", "services.api.error.proximity");
        var postcode = q.text("postcode").map(p -> p.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT));
        String from = "FROM service_locations l JOIN services s ON s.id = l.service_id WHERE " + c.sql()
                + (postcode.isPresent() ? " AND upper(replace(l.postal_code, ' ', '')) = :postcode" : "");
        Function<Query, Query> bind = query -> {
            c.bindTo(query);
            postcode.ifPresent(p -> query.bind("postcode", p));
            return query;
        };
        int page = q.page();
        int perPage = q.perPage();
        json(ctx, out -> writer.page(out, new OrukWriter.Listing(from, "s.name, l.id", "l.id", "s.group_id", OrukJson.AT_LOCATION_LIST),
                bind, page, perPage, OrukWriter.OrganizationAt.SERVICE));
    }

    /** As the OpenAPI description says of /service_at_locations/{id}: the service offered there, fully nested. */
    private void serviceAtLocation(Context ctx) {
        UUID id = pathId(ctx);
        if (id == null) return;
        one(ctx, "SELECT s.group_id, " + OrukJson.FULL + " AS json FROM services s JOIN service_locations l ON l.service_id = s.id"
                + " WHERE s.state = 'published' AND l.at_oruk_id = :id", id, OrukWriter.OrganizationAt.ROW);
    }

    private void organizations(Context ctx) {
        ApiRequest q = new ApiRequest(ctx);
        int page = q.page();
        int perPage = q.perPage();
        String from = "FROM service_providers p WHERE EXISTS (SELECT 1 FROM services s WHERE s.group_id = p.group_id AND s.state = 'published')";
        json(ctx, out -> writer.page(out, new OrukWriter.Listing(from, "p.oruk_id", "p.group_id", "p.group_id", "'{}'"),
                query -> query, page, perPage, OrukWriter.OrganizationAt.IS_ROW));
    }

    /** An organization with its published services (one-to-one fields each). */
    private void organization(Context ctx) {
        UUID id = pathId(ctx);
        if (id == null) return;
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (!writer.organizationWithServices(body, id)) {
            notFound(ctx);
            return;
        }
        ctx.contentType("application/json; charset=utf-8").result(body.toByteArray());
    }

    private void taxonomies(Context ctx) {
        ApiRequest q = new ApiRequest(ctx);
        int page = q.page();
        int perPage = q.perPage();
        json(ctx, out -> writer.page(out, new OrukWriter.Listing("FROM service_taxonomies x WHERE true", "x.name, x.id", "x.id", "0", OrukJson.TAXONOMY),
                query -> query, page, perPage, OrukWriter.OrganizationAt.NONE));
    }

    private void taxonomy(Context ctx) {
        UUID id = pathId(ctx);
        if (id == null) return;
        one(ctx, "SELECT 0 AS group_id, json_strip_nulls(json_build_object('id', x.oruk_id, 'name', x.name, 'description', x.description,"
                + " 'uri', x.uri, 'version', x.version, 'taxonomy_terms', coalesce((SELECT json_agg(" + OrukJson.TERM + " ORDER BY t.name, t.id)"
                + " FROM service_taxonomy_terms t WHERE t.taxonomy_id = x.id), '[]')))::text AS json"
                + " FROM service_taxonomies x WHERE x.oruk_id = :id", id, OrukWriter.OrganizationAt.NONE);
    }

    private void taxonomyTerms(Context ctx) {
        ApiRequest q = new ApiRequest(ctx);
        int page = q.page();
        int perPage = q.perPage();
        String from = "FROM service_taxonomy_terms t LEFT JOIN service_taxonomies x ON x.id = t.taxonomy_id WHERE true";
        json(ctx, out -> writer.page(out, new OrukWriter.Listing(from, "t.name, t.id", "t.id", "0", "json_strip_nulls(" + OrukJson.TERM + ")::text"),
                query -> query, page, perPage, OrukWriter.OrganizationAt.NONE));
    }

    private void taxonomyTerm(Context ctx) {
        UUID id = pathId(ctx);
        if (id == null) return;
        one(ctx, "SELECT 0 AS group_id, json_strip_nulls(" + OrukJson.TERM + ")::text AS json"
                + " FROM service_taxonomy_terms t LEFT JOIN service_taxonomies x ON x.id = t.taxonomy_id WHERE t.oruk_id = :id", id,
                OrukWriter.OrganizationAt.NONE);
    }

    /** The path's id as a UUID; anything else is a 404, answered here (null returned). */
    private UUID pathId(Context ctx) {
        UUID id = ApiRequest.parseUuid(ctx.pathParam("id")).orElse(null);
        if (id == null) notFound(ctx);
        return id;
    }

    private void one(Context ctx, String select, UUID id, OrukWriter.OrganizationAt at) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (!writer.one(body, select, q -> q.bind("id", id), at)) {
            notFound(ctx);
            return;
        }
        ctx.contentType("application/json; charset=utf-8").result(body.toByteArray());
    }

    private void json(Context ctx, java.util.function.Consumer<OutputStream> write) {
        ctx.contentType("application/json; charset=utf-8");
        stream(ctx, write);
    }

    /** Writes straight to the response (nothing buffered whole), so the ndjson export of every service streams. */
    private static void stream(Context ctx, java.util.function.Consumer<OutputStream> write) {
        try {
            OutputStream out = ctx.res().getOutputStream();
            write.accept(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
