package org.commonweal.platform.services;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;

/** Officers' moderation: the queue of new and changed services, approving one, or withdrawing it with a reason. */
final class ReviewRoutes implements Routes {
    private final Web web;
    private final ServiceRules rules;
    private final Providers providers;

    ReviewRoutes(Web web, ServiceRules rules, Providers providers) {
        this.web = web;
        this.rules = rules;
        this.providers = providers;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/services/review", this::queue, Access.ROLE, Role.OFFICER);
        r.post("/services/{id}/approve", this::approve, Access.ROLE, Role.OFFICER);
        r.post("/services/{id}/withdraw", this::withdraw, Access.ROLE, Role.OFFICER);
    }

    private void queue(Context ctx) {
        var waiting = rules.queue();
        web.render(ctx, "services/review.jte", web.page(ctx, "services.review.title"), "waiting", waiting,
                "groupNames", providers.names(waiting.stream().map(ServiceRules.Waiting::groupId).distinct().toList()));
    }

    private void approve(Context ctx) {
        long id = Web.id(ctx, "id");
        web.answer(ctx, rules.approve(id, web.actor(ctx)), "/services/review", "services.notice.approved", () -> queue(ctx),
                new Web.Closed("services.review.title", "services.review.alreadyDone"));
    }

    private void withdraw(Context ctx) {
        long id = Web.id(ctx, "id");
        Form form = Form.read(ctx, "reason");
        web.answer(ctx, rules.withdraw(id, form, web.actor(ctx)), "/services/review", "services.notice.withdrawn", () -> {
            Service s = rules.find(id).orElseThrow();
            web.render(ctx, "services/withdraw.jte", web.page(ctx, "services.withdraw.title", s.name()), "service", s, "form", form);
        }, new Web.Closed("services.review.title", "services.review.alreadyDone"));
    }
}
