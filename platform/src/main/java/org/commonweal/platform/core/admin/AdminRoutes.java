package org.commonweal.platform.core.admin;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.mail.Outbox;

/** The admin dashboard, the audit log and (in demo mode, or whenever mail is not sent) the mail outbox. */
public final class AdminRoutes implements Routes {
    private final Web web;
    private final AuditLog audit;
    private final Outbox outbox;
    private final boolean showMailBodies;

    /**
     * @param showMailBodies whether the outbox page shows what mails say: only where mail is not sent (no SMTP), as in the
     *                       demo, where the outbox is how mail is read; elsewhere the bodies hold other people's one-time
     *                       sign-in and reset links, which an admin must not be able to use
     */
    public AdminRoutes(Web web, AuditLog audit, Outbox outbox, boolean showMailBodies) {
        this.web = web;
        this.audit = audit;
        this.outbox = outbox;
        this.showMailBodies = showMailBodies;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/admin", ctx -> web.render(ctx, "admin/index.jte", web.page(ctx, "admin.title")), Access.ROLE, Role.ADMIN);
        r.get("/admin/audit", ctx -> {
            String action = ctx.queryParam("action") == null ? "" : ctx.queryParam("action");
            web.render(ctx, "admin/audit.jte", web.page(ctx, "admin.audit.title"), "entries", audit.recent(action, 200, 0),
                    "actions", audit.actions(), "action", action);
        }, Access.ROLE, Role.ADMIN);
        r.get("/admin/outbox", ctx -> web.render(ctx, "admin/outbox.jte", web.page(ctx, "admin.outbox.title"), "mails", outbox.recent(100), "showBodies", showMailBodies), Access.ROLE, Role.ADMIN);
    }
}
