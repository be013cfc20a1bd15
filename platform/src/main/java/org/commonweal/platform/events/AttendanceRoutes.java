package org.commonweal.platform.events;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The door list: only the event's organiser and officers see who registered, check them in and add walk-ins. */
final class AttendanceRoutes implements Routes {
    private final Web web;
    private final EventService events;
    private final Attendance attendance;
    private final Access managing;

    AttendanceRoutes(Web web, EventService events, Attendance attendance, Access managing) {
        this.web = web;
        this.managing = managing;
        this.events = events;
        this.attendance = attendance;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/events/{id}/attendance", ctx -> show(ctx, managed(ctx), Form.empty()), managing, Role.ORGANISER, Role.OFFICER);
        r.post("/events/{id}/attendance/{registration}", this::mark, managing, Role.ORGANISER, Role.OFFICER);
        r.post("/events/{id}/walk-ins", this::walkIn, managing, Role.ORGANISER, Role.OFFICER);
    }

    private Event managed(Context ctx) {
        return EventRoutes.event(ctx, events);
    }

    private static String search(String value) {
        String q = value == null ? "" : value.strip();
        return q.length() > 100 ? q.substring(0, 100) : q;
    }

    private void show(Context ctx, Event e, Form walkIn) {
        String q = search(ctx.queryParam("q"));
        web.render(ctx, "events/attendance.jte", web.page(ctx, "events.attendance.title", e.title()), "event", e, "q", q,
                "registrants", attendance.registrants(e.id(), q), "walkIns", attendance.walkIns(e.id()), "counts", attendance.counts(e.id()),
                "walkInForm", walkIn);
    }

    private void mark(Context ctx) {
        Event e = managed(ctx);
        boolean present = "yes".equals(ctx.formParam("present"));
        if (!attendance.mark(e.id(), Web.id(ctx, "registration"), present)) throw new NotFoundResponse();
        String q = search(Optional.ofNullable(ctx.formParam("q")).orElse(""));
        web.redirectWithNotice(ctx, "/events/" + e.id() + "/attendance" + (q.isEmpty() ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)),
                present ? "events.notice.checkedIn" : "events.notice.checkedOut");
    }

    private void walkIn(Context ctx) {
        Event e = managed(ctx);
        Form form = Form.read(ctx, "name");
        if (!attendance.addWalkIn(e.id(), form)) {
            ctx.status(422);
            show(ctx, e, form);
            return;
        }
        web.redirectWithNotice(ctx, "/events/" + e.id() + "/attendance", "events.notice.walkIn");
    }
}
