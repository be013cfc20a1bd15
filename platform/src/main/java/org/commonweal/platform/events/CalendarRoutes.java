package org.commonweal.platform.events;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;

import java.util.List;

/** The iCalendar feeds: one event, a place (with the places inside it), and a person's registrations at a secret address. */
final class CalendarRoutes implements Routes {
    private final Web web;
    private final EventService events;
    private final Registrations registrations;
    private final CalendarFeeds feeds;
    private final PlaceService places;

    CalendarRoutes(Web web, EventService events, Registrations registrations, CalendarFeeds feeds, PlaceService places) {
        this.web = web;
        this.events = events;
        this.registrations = registrations;
        this.feeds = feeds;
        this.places = places;
    }

    static String personalPath(String token) {
        return "/events/feed/" + token + ".ics";
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/events/feed/{token}.ics", this::personal, Access.SECRET, Role.ANYONE);
        r.get("/events/{id}.ics", this::one, Access.PUBLIC, Role.ANYONE);
        r.get("/places/{id}/events.ics", this::place, Access.PUBLIC, Role.ANYONE);
    }

    private void one(Context ctx) {
        Event e = EventRoutes.event(ctx, events);
        send(ctx, feeds.render(e.title(), List.of(e)), "event-" + e.id());
    }

    private void place(Context ctx) {
        Place place = places.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        String name = web.messages().get("events.feed.place", place.name());
        send(ctx, feeds.render(name, events.forFeed(places.within(place.id()))), "events-place-" + place.id());
    }

    private void personal(Context ctx) {
        long account = feeds.accountFor(ctx.pathParam("token")).orElseThrow(NotFoundResponse::new);
        send(ctx, feeds.render(web.messages().get("events.feed.mine"), registrations.registeredEvents(account)), "my-events");
        // The address is the only key: keep it out of shared caches and referrers.
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    private static void send(Context ctx, String calendar, String fileName) {
        ctx.contentType(ICalendar.MEDIA_TYPE);
        ctx.header("Content-Disposition", "inline; filename=\"" + fileName + ".ics\"");
        ctx.result(calendar);
    }
}
