package org.commonweal.platform.opportunities;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;

import java.util.Optional;

/**
 * Sessions: coordinators add them, see who signed up and check volunteers in; residents sign up (or join the waiting
 * list) and cancel their own sign-up.
 */
final class ShiftRoutes implements Routes {
    private final Web web;
    private final Opportunities opportunities;
    private final SignUps signUps;
    private final PlaceService places;
    private final Access managing;
    private final RateLimiter limiter;

    ShiftRoutes(Web web, Opportunities opportunities, SignUps signUps, PlaceService places, Access managing, RateLimiter limiter) {
        this.limiter = limiter;
        this.web = web;
        this.opportunities = opportunities;
        this.signUps = signUps;
        this.places = places;
        this.managing = managing;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/volunteering/{id}/sessions/new", ctx -> {
            Opportunity o = OpportunityRoutes.opportunity(ctx, opportunities);
            showForm(ctx, o, Form.empty().set("role", o.roles().getFirst()).set("capacity", "4"));
        }, managing, Role.RESIDENT);
        r.post("/volunteering/{id}/sessions", this::add, managing, Role.RESIDENT);
        r.get("/volunteering/{id}/sessions/{session}/roster", this::roster, managing, Role.RESIDENT);
        r.post("/volunteering/{id}/sessions/{session}/check-in", this::checkIn, managing, Role.RESIDENT);
        r.post("/volunteering/{id}/sessions/{session}/sign-up", this::signUp, Access.ROLE, Role.RESIDENT);
        r.post("/volunteering/{id}/sessions/{session}/cancel", this::cancel, Access.ROLE, Role.RESIDENT);
    }

    private Shift shift(Context ctx, Opportunity o) {
        return opportunities.shift(o.id(), Web.id(ctx, "session")).orElseThrow(NotFoundResponse::new);
    }

    private void showForm(Context ctx, Opportunity o, Form form) {
        web.render(ctx, "opportunities/shift-form.jte", web.page(ctx, "opportunities.shift.new.title", o.title()), "opportunity", o, "form", form,
                "places", places.tree());
    }

    private void add(Context ctx) {
        Opportunity o = OpportunityRoutes.opportunity(ctx, opportunities);
        Form form = Form.read(ctx, ShiftDetails.FIELDS);
        web.answer(ctx, opportunities.addShift(o, form, web.actor(ctx)), o.url() + "#sessions", "opportunities.notice.shiftAdded",
                () -> showForm(ctx, o, form), OpportunityRoutes.CLOSED);
    }

    private void roster(Context ctx) {
        Opportunity o = OpportunityRoutes.opportunity(ctx, opportunities);
        Shift s = shift(ctx, o);
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, "opportunities/roster.jte", web.page(ctx, "opportunities.roster.title", s.role(), s.when()), "opportunity", o, "shift", s,
                "entries", signUps.roster(s.id()), "started", !s.startsAt().isAfter(java.time.OffsetDateTime.now()));
    }

    private void checkIn(Context ctx) {
        Opportunity o = OpportunityRoutes.opportunity(ctx, opportunities);
        Shift s = shift(ctx, o);
        Optional<Long> signUp = OpportunityDetails.parseId(Optional.ofNullable(ctx.formParam("signup")).orElse(""));
        String attended = Optional.ofNullable(ctx.formParam("attended")).orElse("");
        if (signUp.isEmpty() || !(attended.equals("yes") || attended.equals("no"))) throw new NotFoundResponse();
        web.answer(ctx, signUps.checkIn(o, s.id(), signUp.get(), attended.equals("yes"), web.actor(ctx)),
                "/volunteering/" + o.id() + "/sessions/" + s.id() + "/roster", "opportunities.notice.checkedIn", null,
                new Web.Closed("opportunities.checkIn.early.title", "opportunities.checkIn.early.body"));
    }

    private void signUp(Context ctx) {
        Opportunity o = OpportunityRoutes.opportunity(ctx, opportunities);
        Shift s = shift(ctx, o);
        limiter.consume(OpportunityRoutes.VOLUNTEERING, "account:" + web.requireUser(ctx).id());
        SignUps.Outcome outcome = signUps.signUp(o, s.id(), web.requireUser(ctx).id(), "yes".equals(ctx.formParam("ageConfirmed")), web.actor(ctx));
        if (outcome.unmet()) {
            // The reason is shown on the opportunity's page in words: which requirement, and what the volunteer has.
            ctx.status(409);
            web.render(ctx, "error.jte", web.page(ctx, "opportunities.unmet.title"), "message", web.messages().get(outcome.reasonKey(), outcome.args()),
                    "backHref", o.url(), "backLabel", o.title());
            return;
        }
        web.redirectWithNotice(ctx, o.url() + "#sessions", "opportunities.notice.signUp." + outcome.kind());
    }

    private void cancel(Context ctx) {
        Opportunity o = OpportunityRoutes.opportunity(ctx, opportunities);
        Shift s = shift(ctx, o);
        limiter.consume(OpportunityRoutes.VOLUNTEERING, "account:" + web.requireUser(ctx).id());
        web.answer(ctx, signUps.cancel(o, s.id(), web.requireUser(ctx).id(), web.actor(ctx)), o.url() + "#sessions", "opportunities.notice.cancelled",
                null, new Web.Closed("opportunities.cancel.late.title", "opportunities.cancel.late.body"));
    }
}
