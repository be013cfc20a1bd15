package org.commonweal.platform;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Csrf;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.HeadAsGet;
import org.commonweal.platform.core.http.InputGuard;
import org.commonweal.platform.core.http.OneClickUnsubscribe;
import org.commonweal.platform.core.http.Page;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.RouteRules;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Secrets;
import org.commonweal.platform.core.http.TrustedProxies;
import org.commonweal.platform.core.http.UploadLimit;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.accounts.Account;
import org.commonweal.platform.core.accounts.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HTTP pipeline every request takes: request id and log context, the signed-in user from the
 * session cookie, the route's role check, CSRF and write rate limits on state-changing requests,
 * security headers, metrics, and error pages. Features only add routes.
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger("http");
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /**
     * Any body read whole (a form without files): far above what any form's fields allow. Javalin answers a body that
     * grows past it without announcing its length with a bare 413 of its own.
     */
    private static final long FORM_MAX_BYTES = 1_000_000;
    /** Long enough for a supervisor to restart the platform with its embedded database. */
    private static final int RETRY_AFTER_OUTAGE_SECONDS = 30;
    private final Web web;
    private final AccountService accounts;
    private final Csrf csrf;
    private final RateLimiter limiter;
    private final PrometheusMeterRegistry metrics;
    private final TrustedProxies proxies;
    private final UploadLimit uploads;
    /** Every route as declared, once the app is created: the object rules read path parameters through them. */
    private List<RouteRules.Declared> routes = List.of();

    public WebServer(Web web, AccountService accounts, Csrf csrf, RateLimiter limiter,
                     PrometheusMeterRegistry metrics, TrustedProxies proxies, UploadLimit uploads) {
        this.web = web;
        this.accounts = accounts;
        this.csrf = csrf;
        this.limiter = limiter;
        this.metrics = metrics;
        this.proxies = proxies;
        this.uploads = uploads;
    }

    /** The app with every feature's routes; refuses (throws) if a route lacks its authorisation rule. */
    public Javalin create(List<Routes> features) {
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = FORM_MAX_BYTES;
            uploads.configure(config.jetty.multipartConfig);
            config.jetty.modifyServletContextHandler(context -> context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new HeadAsGet()),
                    "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/assets";
                sf.directory = "/public";
                sf.location = Location.CLASSPATH;
            });
            if (!proxies.isEmpty()) {
                config.contextResolver.ip = ctx -> proxies.clientAddress(ctx.req().getRemoteAddr(),
                        java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
            }
            var routes = config.routes;
            routes.before(this::begin);
            routes.beforeMatched(this::authorise);
            routes.beforeMatched(InputGuard::check);
            routes.after(this::finish);
            for (Routes f : features) f.routes(routes);
            routes.exception(RateLimiter.TooManyRequests.class, (e, ctx) -> {
                ctx.header("Retry-After", String.valueOf(e.waitSeconds()));
                errorPage(ctx, HttpStatus.TOO_MANY_REQUESTS, "error.tooMany.title", "error.tooMany.body", minutes(e.waitSeconds()));
            });
            routes.exception(NotFoundResponse.class, (e, ctx) -> errorPage(ctx, HttpStatus.NOT_FOUND, "error.notFound.title", "error.notFound.body"));
            routes.exception(ForbiddenResponse.class, (e, ctx) -> errorPage(ctx, HttpStatus.FORBIDDEN, "error.forbidden.title", "error.forbidden.body"));
            routes.exception(UploadLimit.TooLarge.class, (e, ctx) -> tooLarge(ctx));
            routes.exception(InputGuard.Refused.class, (e, ctx) -> errorPage(ctx, HttpStatus.BAD_REQUEST,
                    "error.controlCharacters.title", "error.controlCharacters.body", e.parameter()));
            routes.exception(io.javalin.http.ContentTooLargeResponse.class, (e, ctx) -> errorPage(ctx, HttpStatus.CONTENT_TOO_LARGE,
                    "upload.formTooLarge.title", "upload.formTooLarge.body", FORM_MAX_BYTES / 1_000_000));
            routes.exception(jakarta.servlet.ServletException.class, (e, ctx) -> {
                switch (UploadLimit.Failure.of(e)) {
                    case TOO_LARGE -> tooLarge(ctx);
                    case MALFORMED -> errorPage(ctx, HttpStatus.BAD_REQUEST, "upload.malformed.title", "upload.malformed.body");
                    case NONE -> serverError(ctx, e);
                }
            });
            routes.exception(Exception.class, (e, ctx) -> serverError(ctx, e));
            routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                    errorPage(ctx, HttpStatus.NOT_FOUND, "error.notFound.title", "error.notFound.body");
                }
            });
        });
        routes = RouteRules.of(app);
        return app;
    }

    private void serverError(Context ctx, Exception e) {
        if (org.commonweal.platform.core.db.Database.isOutage(e)) {
            LOG.warn("database unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_OUTAGE_SECONDS));
            errorPage(ctx, HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable.title", "error.unavailable.body");
            return;
        }
        LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
        errorPage(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "error.server.title", "error.server.body", web.requestId(ctx));
    }

    private void tooLarge(Context ctx) {
        LOG.warn("upload over the {}-byte cap refused on {} {}", uploads.maxBytes(), ctx.method(), ctx.path());
        errorPage(ctx, HttpStatus.CONTENT_TOO_LARGE, "upload.tooLarge.title", "upload.tooLarge.body", uploads.maxMegabytes());
    }

    private void begin(Context ctx) {
        ctx.attribute("cw.start", System.nanoTime());
        String incoming = proxies.trusts(ctx.req().getRemoteAddr()) ? ctx.header("X-Request-Id") : null;
        String requestId = incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches() ? incoming : Secrets.newToken().substring(0, 16);
        ctx.attribute(Web.REQUEST_ID, requestId);
        ctx.header("X-Request-Id", requestId);
        MDC.put("requestId", requestId);
        securityHeaders(ctx);
        if (ctx.path().startsWith("/assets/") || ctx.path().startsWith("/webjars/")) return;
        String token = ctx.cookie(Web.SESSION_COOKIE);
        if (token != null) {
            Optional<Account> account = accounts.findBySession(token);
            account.ifPresent(a -> ctx.attribute(Web.USER,
                    new CurrentUser(a.id(), a.name(), a.email(), a.emailConfirmed(), a.homePlaceId(), Set.copyOf(a.roles()))));
            if (account.isEmpty()) web.endSession(ctx);
            // A page for a signed-in user is theirs alone: no shared or back-button cache may keep it. A route that
            // serves the same public bytes to everyone (the stylesheet, a problem's photo) may say so itself.
            else ctx.header("Cache-Control", "no-store");
        }
        // Refused before a byte of the body is read: no route takes more than these.
        if (ctx.isMultipart()) {
            if (uploads.announcedTooLarge(ctx)) throw new UploadLimit.TooLarge();
        } else if (ctx.req().getContentLengthLong() > FORM_MAX_BYTES) {
            throw new io.javalin.http.ContentTooLargeResponse();
        }
    }

    /**
     * Enforces the route's roles and its object rule ({@link Access}: whether this user may act on the object the path
     * names) on the server, then CSRF and the write rate limit for state-changing requests. The one place either is checked.
     */
    private void authorise(Context ctx) {
        Set<io.javalin.security.RouteRole> roles = ctx.routeRoles();
        boolean writes = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && ctx.method() != HandlerType.OPTIONS;
        CurrentUser user = web.user(ctx);
        boolean anyone = roles.isEmpty() || roles.contains(Role.ANYONE);
        if (!anyone) {
            if (user == null) {
                if (!writes) {
                    ctx.redirect("/sign-in?next=" + java.net.URLEncoder.encode(ctx.path(), java.nio.charset.StandardCharsets.UTF_8));
                    ctx.skipRemainingHandlers();
                    return;
                }
                throw new ForbiddenResponse();
            }
            boolean allowed = roles.stream().anyMatch(r -> r instanceof Role role && user.has(role));
            if (!allowed) throw new ForbiddenResponse();
        }
        for (io.javalin.security.RouteRole r : roles) {
            if (r instanceof Access access && !access.allows(user, name -> RouteRules.pathParams(routes, ctx.method(), ctx.path()).get(name))) {
                throw new ForbiddenResponse();
            }
        }
        if (writes) {
            limiter.consume(RateLimiter.WRITES_PER_CLIENT, user != null ? "account:" + user.id() : "ip:" + ctx.ip());
            String presented = ctx.header(Csrf.HEADER);
            if (presented == null) presented = ctx.formParam(Csrf.FIELD);
            if (!csrf.isValid(web.csrfBinding(ctx), presented) && !OneClickUnsubscribe.exempts(ctx)) {
                LOG.warn("CSRF token missing or wrong on {} {}", ctx.method(), ctx.path());
                errorPage(ctx, HttpStatus.FORBIDDEN, "error.csrf.title", "error.csrf.body");
                ctx.skipRemainingHandlers();
            }
        }
    }

    private void finish(Context ctx) {
        Long start = ctx.attribute("cw.start");
        if (start != null) {
            long nanos = System.nanoTime() - start;
            var matched = ctx.endpoints().lastHttpEndpoint();
            String route = matched != null ? matched.path : "unmatched";
            if (ctx.path().startsWith("/assets/") || ctx.path().startsWith("/webjars/")) route = "static";
            Timer.builder("http.server.requests").tag("method", ctx.method().name()).tag("route", route)
                    .tag("status", String.valueOf(ctx.statusCode())).publishPercentileHistogram().register(metrics)
                    .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (!route.equals("static")) {
                LOG.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), nanos / 1_000_000);
            }
        }
        MDC.remove("requestId");
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }

    private void errorPage(Context ctx, HttpStatus status, String titleKey, String bodyKey, Object... args) {
        ctx.status(status);
        Page page = web.page(ctx, titleKey);
        web.render(ctx, "error.jte", page, "message", web.messages().get(bodyKey, args));
    }

    private static long minutes(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }
}
