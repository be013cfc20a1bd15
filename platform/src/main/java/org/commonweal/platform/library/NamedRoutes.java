package org.commonweal.platform.library;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;

import java.time.Duration;

/** A named person's page: every story and award round naming them, where they agree to be named, decline, or withdraw. */
final class NamedRoutes implements Routes {
    /** Saying yes or no is a moment's work, so a few dozen an hour is generous. */
    static final RateLimiter.Limit ANSWERS = new RateLimiter.Limit("library-consent", 60, Duration.ofHours(1));
    private final Web web;
    private final NamedPeople named;
    private final RateLimiter limiter;

    NamedRoutes(Web web, NamedPeople named, RateLimiter limiter) {
        this.web = web;
        this.named = named;
        this.limiter = limiter;
    }

    @Override
    public void routes(RoutesConfig r) {
        Access theirs = Access.owner(new ObjectKind("named person", named::owners));
        r.get("/library/named", ctx -> show(ctx, Form.empty()), Access.SELF, Role.RESIDENT);
        r.post("/library/named/{id}", this::answer, theirs, Role.RESIDENT);
    }

    private void show(Context ctx, Form form) {
        web.render(ctx, "library/named.jte", web.page(ctx, "library.named.title"), "requests", named.requestsFor(web.requireUser(ctx).email()),
                "form", form);
    }

    private void answer(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        limiter.consume(ANSWERS, "account:" + user.id());
        Form form = Form.read(ctx, "consent");
        web.answer(ctx, named.answer(Web.id(ctx, "id"), user.email(), form, web.actor(ctx)), "/library/named",
                form.value("consent").equals("given") ? "library.named.given" : "library.named.refused", () -> show(ctx, form), StoryRoutes.CLOSED);
    }
}
