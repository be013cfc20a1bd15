package org.commonweal.platform.consultations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

import java.util.Optional;

/** Admins create organisations and add or remove their members by email. */
final class OrganisationRoutes implements Routes {
    private final Web web;
    private final Organisations organisations;

    OrganisationRoutes(Web web, Organisations organisations) {
        this.web = web;
        this.organisations = organisations;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/organisations", ctx -> renderList(ctx, Form.empty()), Access.ROLE, Role.ADMIN);
        r.post("/organisations", this::create, Access.ROLE, Role.ADMIN);
        r.get("/organisations/{id}", ctx -> renderOne(ctx, organisation(ctx), Form.empty().set("role", "member")), Access.ROLE, Role.ADMIN);
        r.post("/organisations/{id}/members", this::addMember, Access.ROLE, Role.ADMIN);
        r.post("/organisations/{id}/members/{account}/remove", this::removeMember, Access.ROLE, Role.ADMIN);
    }

    private Organisation organisation(Context ctx) {
        return organisations.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void renderList(Context ctx, Form form) {
        web.render(ctx, "consultations/organisations.jte", web.page(ctx, "consultations.org.list.title"), "organisations", organisations.all(), "form", form);
    }

    private void renderOne(Context ctx, Organisation o, Form form) {
        web.render(ctx, "consultations/organisation.jte", web.page(ctx, "consultations.org.title", o.name()), "o", o, "members", organisations.members(o.id()), "form", form);
    }

    private void create(Context ctx) {
        Form form = Form.read(ctx, "name", "kind");
        Optional<Long> id = organisations.create(form, web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            renderList(ctx, form);
            return;
        }
        web.redirectWithNotice(ctx, "/organisations/" + id.get(), "consultations.org.created");
    }

    private void addMember(Context ctx) {
        Organisation o = organisation(ctx);
        Form form = Form.read(ctx, "email", "role");
        if (!organisations.addMember(o.id(), form, web.actor(ctx))) {
            ctx.status(422);
            renderOne(ctx, o, form);
            return;
        }
        web.redirectWithNotice(ctx, "/organisations/" + o.id(), "consultations.org.memberAdded");
    }

    private void removeMember(Context ctx) {
        Organisation o = organisation(ctx);
        if (!organisations.removeMember(o.id(), Web.id(ctx, "account"), web.actor(ctx))) throw new NotFoundResponse();
        web.redirectWithNotice(ctx, "/organisations/" + o.id(), "consultations.org.memberRemoved");
    }
}
