package org.commonweal.platform.events;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The demo's events, dated from today so that the upcoming ones stay upcoming whenever the demo is started. */
final class DemoEvents {
    private final EventService events;
    private final Registrations registrations;
    private final PlaceService places;

    DemoEvents(EventService events, Registrations registrations, PlaceService places) {
        this.events = events;
        this.registrations = registrations;
        this.places = places;
    }

    void load(long organiserId, long officerId, List<Long> residents) {
        LocalDate today = LocalDate.now(Event.ZONE);
        long surgery = create(organiserId, "surgery", "Riverside ward surgery",
                "Bring your questions about the quayside works to your ward councillors. Places are limited to keep it personal.",
                today.plusDays(7), "10:00", "12:00", "Riverside", "Quayside Community Centre, 4 Ferry Row", "", "2");
        for (long resident : residents) registrations.register(surgery, resident);
        create(officerId, "seminar", "Rebuilding the economy: online seminar",
                "The first seminar of the policy review's economy workstream: local jobs, high streets and the community fund.",
                today.plusDays(14), "19:00", "20:30", "Riverford City Council", "", "https://meet.example.org/commonweal-economy", "");
        create(organiserId, "decision_day", "Northgate decision day",
                "A day to weigh up the ideas for Northgate together and agree which go forward to the budget vote.",
                today.plusDays(21), "10:00", "16:00", "Northgate", "Northgate Library hall, Castle Hill", "", "80");
        long meeting = create(organiserId, "meeting", "Station Road car park: public meeting",
                "What should happen to the empty car park on Station Road?", today.minusDays(10), "18:30", "20:00", "Eastfield",
                "Eastfield Methodist Church hall", "", "40");
        CurrentUser organiser = new CurrentUser(organiserId, "", "", true, null, Set.of(Role.ORGANISER));
        Form outcome = Form.empty().set("minutes", """
                32 residents came. The council explained that the car park is surplus to its needs.
                Residents asked for a pocket park, a weekly market and cycle parking.""")
                .set("outcomes", "The ward will put a pocket park forward to the next community budget.").set("links", "");
        events.recordOutcome(meeting, organiser, outcome, Actor.SYSTEM).ifPresent(r -> {
            throw new IllegalStateException("demo minutes refused: " + r + " " + outcome.errors());
        });
    }

    private long create(long organiserId, String kind, String title, String description, LocalDate day, String start, String end,
                        String placeName, String venue, String link, String capacity) {
        long place = places.tree().stream().filter(p -> p.name().equals(placeName)).map(Place::id).findFirst().orElseThrow();
        Form form = Form.empty().set("kind", kind).set("title", title).set("description", description).set("startDate", day.toString())
                .set("startTime", start).set("endDate", day.toString()).set("endTime", end).set("place", String.valueOf(place))
                .set("venue", venue).set("onlineUrl", link).set("capacity", capacity).set("registrationOpen", "yes");
        return events.create(organiserId, form, Actor.SYSTEM, null)
                .orElseThrow(() -> new IllegalStateException("demo event " + title + ": " + form.errors()));
    }
}
