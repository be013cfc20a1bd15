package org.commonweal.platform.core.admin;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Feature;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.mail.Outbox;

/** The admin dashboard, the audit log and (in demo mode, or whenever mail is not sent) the mail outbox. */
public final class AdminRoutes implements Feature {
    private final Web web;
    private final AuditLog audit;
    private final Outbox outbox;

    public AdminRoutes(Web web, AuditLog audit, Outbox outbox) {
        this.web = web;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/admin", ctx -> web.render(ctx, "admin/index.jte", web.page(ctx, "admin.title")), Role.ADMIN);
        r.get("/admin/audit", ctx -> {
            String action = ctx.queryParam("action") == null ? "" : ctx.queryParam("action");
            web.render(ctx, "admin/audit.jte", web.page(ctx, "admin.audit.title"), "entries", audit.recent(action, 200, 0),
                    "actions", audit.actions(), "action", action);
        }, Role.ADMIN);
        r.get("/admin/outbox", ctx -> web.render(ctx, "admin/outbox.jte", web.page(ctx, "admin.outbox.title"), "mails", outbox.recent(100)), Role.ADMIN);
    }
}
