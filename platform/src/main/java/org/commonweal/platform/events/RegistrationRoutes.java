package org.commonweal.platform.events;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

/** Residents register, join the waiting list or leave, see their registrations and manage their private calendar address. */
final class RegistrationRoutes implements Routes {
    private final Web web;
    private final EventService events;
    private final Registrations registrations;
    private final CalendarFeeds feeds;

    RegistrationRoutes(Web web, EventService events, Registrations registrations, CalendarFeeds feeds) {
        this.web = web;
        this.events = events;
        this.registrations = registrations;
        this.feeds = feeds;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/events/mine", this::mine, Access.SELF, Role.RESIDENT);
        r.post("/events/mine/feed", ctx -> {
            feeds.renew(web.requireUser(ctx).id());
            web.redirectWithNotice(ctx, "/events/mine", "events.notice.feedRenewed");
        }, Access.SELF, Role.RESIDENT);
        r.post("/events/mine/feed/revoke", ctx -> {
            feeds.revoke(web.requireUser(ctx).id());
            web.redirectWithNotice(ctx, "/events/mine", "events.notice.feedRevoked");
        }, Access.SELF, Role.RESIDENT);
        r.post("/events/{id}/register", this::register, Access.ROLE, Role.RESIDENT);
        r.post("/events/{id}/leave", this::leave, Access.ROLE, Role.RESIDENT);
    }

    private void mine(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        String feed = feeds.token(user.id()).map(t -> feeds.url(CalendarRoutes.personalPath(t))).orElse(null);
        web.render(ctx, "events/mine.jte", web.page(ctx, "events.mine.title"), "registrations", registrations.mine(user.id()), "feedUrl", feed);
    }

    private void register(Context ctx) {
        long id = Web.id(ctx, "id");
        String notice = switch (registrations.register(id, web.requireUser(ctx).id())) {
            case NOT_FOUND -> throw new NotFoundResponse();
            case REGISTERED -> "events.notice.registered";
            case WAITING -> "events.notice.waiting";
            case ALREADY -> "events.notice.already";
            case CLOSED -> "events.notice.closed";
        };
        web.redirectWithNotice(ctx, EventIndex.url(id), notice);
    }

    private void leave(Context ctx) {
        Event e = EventRoutes.event(ctx, events);
        boolean left = registrations.leave(e.id(), web.requireUser(ctx).id());
        web.redirectWithNotice(ctx, EventIndex.url(e.id()), left ? "events.notice.left" : "events.notice.notRegistered");
    }
}
