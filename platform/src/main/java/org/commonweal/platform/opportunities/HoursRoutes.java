package org.commonweal.platform.opportunities;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.opendata.CsvCell;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Hours: a volunteer logs them and keeps their own record (with a CSV for a CV); the group's coordinators approve or
 * reject them with a reason.
 */
final class HoursRoutes implements Routes {
    private final Web web;
    private final Opportunities opportunities;
    private final SignUps signUps;
    private final Hours hours;
    private final OpportunityRoutes pages;
    private final Access managing;
    private final RateLimiter limiter;

    HoursRoutes(Web web, Opportunities opportunities, SignUps signUps, Hours hours, OpportunityRoutes pages, Access managing, RateLimiter limiter) {
        this.limiter = limiter;
        this.web = web;
        this.opportunities = opportunities;
        this.signUps = signUps;
        this.hours = hours;
        this.pages = pages;
        this.managing = managing;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/volunteering/mine", this::mine, Access.SELF, Role.RESIDENT);
        r.get("/volunteering/mine/record.csv", this::csv, Access.SELF, Role.RESIDENT);
        r.post("/volunteering/{id}/hours", this::log, Access.ROLE, Role.RESIDENT);
        r.get("/volunteering/{id}/hours", this::pending, managing, Role.RESIDENT);
        r.post("/volunteering/{id}/hours/{hours}/approve", ctx -> decide(ctx, true), managing, Role.RESIDENT);
        r.post("/volunteering/{id}/hours/{hours}/reject", ctx -> decide(ctx, false), managing, Role.RESIDENT);
    }

    private void mine(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        ctx.header("Cache-Control", "no-store");
        List<Hours.RoleHeld> roles = hours.roles(user.id());
        web.render(ctx, "opportunities/mine.jte", web.page(ctx, "opportunities.mine.title"), "signUps", signUps.mine(user.id()),
                "logged", hours.ofAccount(user.id()), "roles", roles, "total", Hours.inHours(roles.stream().mapToInt(Hours.RoleHeld::quarters).sum()));
    }

    private void csv(Context ctx) throws IOException {
        CurrentUser user = web.requireUser(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"volunteering-record.csv\"");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            line(out, Stream.of("group", "role", "from", "to", "approved_hours"));
            for (Hours.RoleHeld r : hours.roles(user.id())) line(out, Stream.of(r.groupName(), r.role(), r.from(), r.to(), r.hours()));
        }
    }

    private static void line(Writer out, Stream<Object> cells) throws IOException {
        out.write(cells.map(CsvCell::of).collect(Collectors.joining(",")) + "\r\n");
    }

    private void log(Context ctx) {
        Opportunity o = OpportunityRoutes.opportunity(ctx, opportunities);
        limiter.consume(OpportunityRoutes.VOLUNTEERING, "account:" + web.requireUser(ctx).id());
        Form form = Form.read(ctx, Hours.FIELDS);
        web.answer(ctx, hours.log(o, web.requireUser(ctx).id(), form, web.actor(ctx)), o.url() + "#hours", "opportunities.notice.hoursLogged",
                () -> pages.show(ctx, o, form), OpportunityRoutes.CLOSED);
    }

    private void pending(Context ctx) {
        Opportunity o = OpportunityRoutes.opportunity(ctx, opportunities);
        showPending(ctx, o, Form.empty(), 0);
    }

    private void showPending(Context ctx, Opportunity o, Form form, long rejecting) {
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, "opportunities/hours.jte", web.page(ctx, "opportunities.hours.title", o.title()), "opportunity", o,
                "pending", hours.pending(o.id()), "form", form, "rejecting", rejecting);
    }

    private void decide(Context ctx, boolean approve) {
        Opportunity o = OpportunityRoutes.opportunity(ctx, opportunities);
        long id = Web.id(ctx, "hours");
        Form form = Form.read(ctx, "reason");
        web.answer(ctx, hours.decide(o, id, approve, form, web.actor(ctx)), "/volunteering/" + o.id() + "/hours",
                approve ? "opportunities.notice.hoursApproved" : "opportunities.notice.hoursRejected", () -> showPending(ctx, o, form, id),
                new Web.Closed("opportunities.hours.decided.title", "opportunities.hours.decided.body"));
    }
}
