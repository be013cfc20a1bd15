package org.commonweal.platform.deliberation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.OneClickUnsubscribe;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

/**
 * A person's notifications and email settings, and the unsubscribe link from emails, which works signed out: its GET only
 * shows a confirmation button (mail scanners follow links), the POST turns the email off. The same link is the mail's
 * List-Unsubscribe header, which a mail provider POSTs to (RFC 8058) with the link's own query and no CSRF token.
 */
final class NotificationRoutes implements Routes {
    private static final int SHOWN = 100;
    private final Web web;
    private final Notifications notifications;
    private final UnsubscribeLinks links;

    NotificationRoutes(Web web, Notifications notifications, UnsubscribeLinks links) {
        this.web = web;
        this.notifications = notifications;
        this.links = links;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/notifications", this::list, Access.SELF, Role.RESIDENT);
        r.post("/notifications/read", this::markRead, Access.SELF, Role.RESIDENT);
        r.get("/notifications/settings", this::showSettings, Access.SELF, Role.RESIDENT);
        r.post("/notifications/settings", this::saveSettings, Access.SELF, Role.RESIDENT);
        r.get("/unsubscribe", ctx -> unsubscribe(ctx, false), Access.SECRET, Role.ANYONE);
        r.post("/unsubscribe", ctx -> unsubscribe(ctx, true), Access.SECRET, Role.ANYONE, OneClickUnsubscribe.ROUTE);
    }

    private static String param(Context ctx, String name, boolean posted) {
        String form = posted ? ctx.formParam(name) : null;
        return form != null ? form : ctx.queryParam(name);
    }

    private void list(Context ctx) {
        long me = web.requireUser(ctx).id();
        web.render(ctx, "deliberation/notifications.jte", web.page(ctx, "deliberation.notifications.title"),
                "notifications", notifications.recent(me, SHOWN), "unread", notifications.unread(me));
    }

    private void markRead(Context ctx) {
        notifications.markAllRead(web.requireUser(ctx).id());
        web.redirectWithNotice(ctx, "/notifications", "deliberation.notifications.allRead");
    }

    private void showSettings(Context ctx) {
        web.render(ctx, "deliberation/settings.jte", web.page(ctx, "deliberation.settings.title"),
                "email", notifications.emailSettings(web.requireUser(ctx).id()), "events", NotificationEvent.values());
    }

    private void saveSettings(Context ctx) {
        long me = web.requireUser(ctx).id();
        for (NotificationEvent e : NotificationEvent.values()) notifications.setEmail(me, e, "on".equals(ctx.formParam("email." + e.stored())));
        web.redirectWithNotice(ctx, "/notifications/settings", "deliberation.settings.saved");
    }

    /**
     * Both steps check the signature; a link that does not verify is a 404, as if it never existed. The confirming POST
     * carries the link in its form; a one-click POST carries it in its URL. Turning email off twice is the same as once.
     */
    private void unsubscribe(Context ctx, boolean confirmed) {
        String source = param(ctx, "account", confirmed);
        String eventName = param(ctx, "event", confirmed);
        String token = param(ctx, "token", confirmed);
        long account;
        try {
            account = Long.parseLong(source == null ? "" : source);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        NotificationEvent event = NotificationEvent.parse(eventName).orElseThrow(NotFoundResponse::new);
        if (!links.valid(account, event, token)) throw new NotFoundResponse();
        if (confirmed) {
            notifications.setEmail(account, event, false);
            if (OneClickUnsubscribe.isOneClick(ctx)) {
                web.render(ctx, "deliberation/unsubscribed.jte", web.page(ctx, "deliberation.unsubscribe.title"));
            } else {
                web.redirectWithNotice(ctx, "/", "deliberation.unsubscribe.done");
            }
            return;
        }
        web.render(ctx, "deliberation/unsubscribe.jte", web.page(ctx, "deliberation.unsubscribe.title"), "form",
                Form.empty().set("account", String.valueOf(account)).set("event", event.stored()).set("token", token), "event", event);
    }
}
