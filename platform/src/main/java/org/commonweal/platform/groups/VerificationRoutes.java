package org.commonweal.platform.groups;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;

/** Officers check a group's identifier against its register and record what they checked: the verified badge. */
final class VerificationRoutes implements Routes {
    private final Web web;
    private final Groups groups;
    private final Verifications verifications;

    VerificationRoutes(Web web, Groups groups, Verifications verifications) {
        this.web = web;
        this.groups = groups;
        this.verifications = verifications;
    }

    @Override
    public void routes(RoutesConfig r) {
        // Officers act for the council on every group: verification is the council's word, not the group's.
        r.get("/groups/{id}/verify", ctx -> {
            Group g = GroupRoutes.group(ctx, groups);
            show(ctx, g, Form.empty().set("identifier", g.identifiers().isEmpty() ? "" : g.identifiers().getFirst())
                    .set("checkedOn", Memberships.today().toString()));
        }, Access.ROLE, Role.OFFICER);
        r.post("/groups/{id}/verify", this::record, Access.ROLE, Role.OFFICER);
    }

    private void show(Context ctx, Group g, Form form) {
        web.render(ctx, "groups/verify.jte", web.page(ctx, "groups.verify.title", g.name()), "group", g, "form", form,
                "history", verifications.history(g.id()), "registers", g.identifiers().stream()
                        .map(i -> OrgIds.REGISTERS.stream().filter(reg -> i.startsWith(reg.code() + "-")).map(OrgIds.Register::name).findFirst().orElse(""))
                        .toList());
    }

    private void record(Context ctx) {
        Group g = GroupRoutes.group(ctx, groups);
        Form form = Form.read(ctx, "identifier", "checked", "checkedOn", "outcome");
        web.answer(ctx, verifications.record(g, form, web.actor(ctx)), g.url(), "groups.notice.verificationRecorded", () -> show(ctx, g, form), null);
    }
}
