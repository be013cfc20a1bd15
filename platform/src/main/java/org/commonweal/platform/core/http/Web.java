package org.commonweal.platform.core.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.i18n.Messages;

import java.util.HashMap;
import java.util.Map;

/** Per-request helpers every feature's routes use: who is asking, rendering, notices, redirects. */
public final class Web {
    public static final String USER = "cw.user";
    public static final String REQUEST_ID = "cw.requestId";
    public static final String SESSION_COOKIE = "cw_session";
    static final String VISITOR_COOKIE = "cw_visitor";
    private static final String NOTICE_COOKIE = "cw_notice";

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Messages messages;
    private final Csrf csrf;
    private final boolean secureCookies;
    private final boolean demoMode;
    private final Navigation navigation = new Navigation();

    public Web(Messages messages, Csrf csrf, boolean secureCookies, boolean demoMode) {
        this.messages = messages;
        this.csrf = csrf;
        this.secureCookies = secureCookies;
        this.demoMode = demoMode;
    }

    /** The main menu, filled from the feature list at start-up. */
    public Navigation navigation() {
        return navigation;
    }

    public Messages messages() {
        return messages;
    }

    public CurrentUser user(Context ctx) {
        return ctx.attribute(USER);
    }

    /** The signed-in user; routes behind a role check can rely on it being present. */
    public CurrentUser requireUser(Context ctx) {
        CurrentUser u = user(ctx);
        if (u == null) throw new IllegalStateException("route " + ctx.path() + " reached without a signed-in user");
        return u;
    }

    public Actor actor(Context ctx) {
        CurrentUser u = user(ctx);
        return new Actor(u == null ? null : u.id(), ctx.ip(), ctx.attribute(REQUEST_ID));
    }

    public String requestId(Context ctx) {
        return ctx.attribute(REQUEST_ID);
    }

    public Page page(Context ctx, String titleKey, Object... args) {
        String notice = ctx.cookie(NOTICE_COOKIE);
        if (notice != null) ctx.removeCookie(NOTICE_COOKIE, "/");
        String noticeText = notice != null && messages.has(notice) ? messages.get(notice) : null;
        return new Page(messages.get(titleKey, args), user(ctx), csrf.tokenFor(csrfBinding(ctx)), messages, noticeText, ctx.path(), demoMode, navigation);
    }

    public void render(Context ctx, String template, Page page, Object... namedParams) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        for (int i = 0; i < namedParams.length; i += 2) params.put((String) namedParams[i], namedParams[i + 1]);
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        ctx.html(out.toString());
    }

    /** The page a feature shows for {@link Refusal#CLOSED}: its title and the sentence saying why (message keys). */
    public record Closed(String titleKey, String bodyKey) {
    }

    /**
     * The one answer to a state-changing request: with no refusal, a redirect to {@code location} with the notice;
     * otherwise {@link #refuse}.
     */
    public void answer(Context ctx, java.util.Optional<Refusal> refused, String location, String noticeKey, Runnable showAgain, Closed closed) {
        if (refused.isEmpty()) redirectWithNotice(ctx, location, noticeKey);
        else refuse(ctx, refused.get(), showAgain, closed);
    }

    /**
     * A refusal as its status: the 404 and 403 pages for what does not exist or is not the user's; the feature's page
     * saying why for {@link Refusal#CLOSED} when it has one ({@code closed}); otherwise the form again
     * ({@code showAgain}), which shows the errors or the reason.
     */
    public void refuse(Context ctx, Refusal refusal, Runnable showAgain, Closed closed) {
        switch (refusal) {
            case NOT_FOUND -> throw new io.javalin.http.NotFoundResponse();
            case FORBIDDEN -> throw new io.javalin.http.ForbiddenResponse();
            default -> {
                ctx.status(refusal.status());
                if (refusal == Refusal.CLOSED && closed != null) {
                    render(ctx, "error.jte", page(ctx, closed.titleKey()), "message", messages.get(closed.bodyKey()));
                } else {
                    showAgain.run();
                }
            }
        }
    }

    /** Redirects after a successful POST, with a notice (a message key) shown once on the next page. */
    public void redirectWithNotice(Context ctx, String location, String noticeKey) {
        ctx.cookie(cookie(NOTICE_COOKIE, noticeKey, 60));
        ctx.redirect(location);
    }

    public String csrfBinding(Context ctx) {
        String session = ctx.cookie(SESSION_COOKIE);
        if (session != null && user(ctx) != null) return session;
        String visitor = ctx.cookie(VISITOR_COOKIE);
        if (visitor == null) visitor = ctx.attribute(VISITOR_COOKIE);
        if (visitor == null) {
            visitor = Secrets.newToken();
            ctx.cookie(cookie(VISITOR_COOKIE, visitor, -1));
            ctx.attribute(VISITOR_COOKIE, visitor);
        }
        return visitor;
    }

    public void startSession(Context ctx, String token) {
        ctx.cookie(cookie(SESSION_COOKIE, token, (int) SessionStore.LIFETIME.toSeconds()));
    }

    public void endSession(Context ctx) {
        ctx.removeCookie(SESSION_COOKIE, "/");
    }

    Cookie cookie(String name, String value, int maxAge) {
        Cookie c = new Cookie(name, value);
        c.setPath("/");
        c.setHttpOnly(true);
        c.setSecure(secureCookies);
        c.setSameSite(SameSite.LAX);
        c.setMaxAge(maxAge);
        return c;
    }

    /** Parses a path parameter as an id; a malformed one is a 404, not a 500. */
    public static long id(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new io.javalin.http.NotFoundResponse();
        }
    }
}
