package org.commonweal.platform.events;

import org.commonweal.platform.groups.Groups;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The public list and page of events; organisers and officers create, edit, cancel and record the outcome. */
final class EventRoutes implements Routes {
    /** Enough for an organiser's busy week; stops a runaway script filling the calendar. */
    static final RateLimiter.Limit CREATES = new RateLimiter.Limit("event-creates", 30, Duration.ofHours(1));
    private final Web web;
    private final EventService events;
    private final Registrations registrations;
    private final PlaceService places;
    private final RateLimiter limiter;

    private final org.commonweal.platform.deliberation.Deliberation deliberation;
    private final Access managing;
    private final Groups groups;

    EventRoutes(Web web, EventService events, Registrations registrations, PlaceService places, RateLimiter limiter,
                org.commonweal.platform.deliberation.Deliberation deliberation, Access managing, Groups groups) {
        this.groups = groups;
        this.deliberation = deliberation;
        this.managing = managing;
        this.web = web;
        this.events = events;
        this.registrations = registrations;
        this.places = places;
        this.limiter = limiter;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/events", this::list, Access.PUBLIC, Role.ANYONE);
        r.get("/events/new", ctx -> showForm(ctx, null, Form.empty().set("registrationOpen", "yes")), Access.ROLE, Role.ORGANISER, Role.OFFICER);
        r.post("/events", this::create, Access.ROLE, Role.ORGANISER, Role.OFFICER);
        r.get("/events/{id}", ctx -> show(ctx, event(ctx), Form.empty(), Form.empty()), Access.PUBLIC, Role.ANYONE);
        r.get("/events/{id}/edit", this::showEdit, managing, Role.ORGANISER, Role.OFFICER);
        r.post("/events/{id}", this::edit, managing, Role.ORGANISER, Role.OFFICER);
        r.post("/events/{id}/cancel", this::cancel, managing, Role.ORGANISER, Role.OFFICER);
        r.post("/events/{id}/outcome", this::outcome, managing, Role.ORGANISER, Role.OFFICER);
    }


    static Event event(Context ctx, EventService events) {
        return events.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private Event event(Context ctx) {
        return event(ctx, events);
    }

    private void list(Context ctx) {
        boolean past = "past".equals(ctx.queryParam("when"));
        Long place = Optional.ofNullable(ctx.queryParam("place")).flatMap(EventDetails::parseId).filter(id -> places.find(id).isPresent()).orElse(null);
        String kind = Optional.ofNullable(ctx.queryParam("kind")).filter(Event.KINDS::contains).orElse("");
        int pageNo = Optional.ofNullable(ctx.queryParam("page")).flatMap(EventDetails::parseId).map(n -> (int) Math.min(n, 10_000)).orElse(0);
        EventService.Listing listing = events.list(new EventService.Filter(past, place, kind, pageNo));
        String query = "when=" + (past ? "past" : "upcoming") + "&place=" + (place == null ? "" : place) + "&kind=" + kind;
        web.render(ctx, "events/list.jte", web.page(ctx, past ? "events.list.pastTitle" : "events.list.title"), "listing", listing,
                "past", past, "filters", Form.empty().set("place", place == null ? "" : place.toString()).set("kind", kind),
                "places", places.tree(), "pageNo", pageNo, "query", query);
    }

    private void show(Context ctx, Event e, Form cancelForm, Form outcomeForm) {
        CurrentUser user = web.user(ctx);
        var standing = user == null ? Optional.<Registrations.Standing>empty() : registrations.standing(e.id(), user.id());
        Form outcome = outcomeForm.errors().isEmpty() && outcomeForm.value("minutes").isEmpty() && outcomeForm.value("outcomes").isEmpty()
                ? Form.empty().set("minutes", e.minutes()).set("outcomes", e.outcomes())
                        .set("links", String.join(" ", events.links(e.id()).stream().map(EventService.OutcomeLink::key).toList()))
                : outcomeForm;
        web.render(ctx, "events/event.jte", web.page(ctx, "events.event.title", e.title()), "event", e, "standing", standing.orElse(null),
                "manage", EventService.mayManage(e, user), "started", e.started(Instant.now()), "links", events.links(e.id()),
                "cancelForm", cancelForm, "outcomeForm", outcome,
                "thread", deliberation.thread(new org.commonweal.platform.core.subjects.Subject(EventIndex.KIND, e.id()), user));
    }

    private void showForm(Context ctx, Event editing, Form form) {
        // The groups the organiser runs, and the event's own group (an officer editing keeps it), as "whose event is it" choices.
        java.util.Map<String, String> groupChoices = new java.util.LinkedHashMap<>();
        groupChoices.put("", web.messages().get("events.field.group.none"));
        for (var g : groups.administeredBy(web.requireUser(ctx).id())) groupChoices.put(String.valueOf(g.id()), g.name());
        EventDetails.parseId(form.value("group")).ifPresent(g -> groups.name(g).ifPresent(n -> groupChoices.putIfAbsent(String.valueOf(g), n)));
        web.render(ctx, "events/form.jte", web.page(ctx, editing == null ? "events.new.title" : "events.edit.title"), "editing", editing,
                "form", form, "places", places.tree(), "groupChoices", groupChoices);
    }

    /** The group the form names: none, one the user runs, or the one the event already had; anything else is an error on the field. */
    private Long group(Form form, CurrentUser user, Long current) {
        String value = form.value("group").strip();
        if (value.isEmpty()) return null;
        Optional<Long> id = EventDetails.parseId(value).filter(g -> g.equals(current) || groups.isAdmin(g, user.id()));
        if (id.isEmpty()) form.error("group", "events.error.group");
        return id.orElse(null);
    }

    private void create(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        limiter.consume(CREATES, "account:" + user.id());
        Form form = Form.read(ctx, EventDetails.FIELDS);
        Optional<Long> id = events.create(user.id(), form, web.actor(ctx), group(form, user, null));
        if (id.isEmpty()) {
            ctx.status(422);
            showForm(ctx, null, form);
            return;
        }
        web.redirectWithNotice(ctx, EventIndex.url(id.get()), "events.notice.created");
    }

    private void showEdit(Context ctx) {
        Event e = event(ctx);
        showForm(ctx, e, EventDetails.of(e).set("group", events.groupOf(e.id()).map(String::valueOf).orElse("")));
    }

    private void edit(Context ctx) {
        Event e = event(ctx);
        Form form = Form.read(ctx, EventDetails.FIELDS);
        CurrentUser user = web.requireUser(ctx);
        Long group = group(form, user, events.groupOf(e.id()).orElse(null));
        web.answer(ctx, events.edit(e.id(), user, form, web.actor(ctx), group), EventIndex.url(e.id()), "events.notice.saved", () -> showForm(ctx, e, form), null);
    }

    private void cancel(Context ctx) {
        Event e = event(ctx);
        Form form = Form.read(ctx, "reason");
        web.answer(ctx, events.cancel(e.id(), web.requireUser(ctx), form, web.actor(ctx)), EventIndex.url(e.id()), "events.notice.cancelled", () -> show(ctx, e, form, Form.empty()), null);
    }

    private void outcome(Context ctx) {
        Event e = event(ctx);
        Form form = Form.read(ctx, "minutes", "outcomes", "links");
        web.answer(ctx, events.recordOutcome(e.id(), web.requireUser(ctx), form, web.actor(ctx)), EventIndex.url(e.id()), "events.notice.outcome", () -> show(ctx, e, Form.empty(), form), null);
    }
}
