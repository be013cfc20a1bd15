package org.commonweal.platform.events;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.accounts.PersonalData;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Feature;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.opendata.OpenData;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** Events around the community: seminars, meetings, surgeries and decision days, from registration to minutes. */
public final class EventsFeature implements Feature {
    private final Feature[] parts;
    private final EventService events;
    private final Registrations registrations;
    private final DemoEvents demo;

    public EventsFeature(Web web, Jdbi jdbi, AuditLog audit, PlaceService places, Subjects subjects, SearchIndex search, OpenData openData,
                         PersonalData personalData, RateLimiter limiter, String baseUrl, org.commonweal.platform.deliberation.Deliberation deliberation) {
        EventIndex index = new EventIndex(jdbi, search, web.messages());
        subjects.register(EventIndex.KIND, index::find);
        openData.register(index.dataset());
        EventsPersonalData.register(personalData);
        this.events = new EventService(jdbi, audit, places, subjects, index);
        this.registrations = new Registrations(jdbi, subjects);
        Attendance attendance = new Attendance(jdbi);
        CalendarFeeds feeds = new CalendarFeeds(jdbi, baseUrl);
        this.demo = new DemoEvents(events, registrations, places);
        // An event is its organiser's; officers manage every event (see EventService.mayManage).
        Access managing = Access.owner(new ObjectKind("event", id -> events.find(id).map(e -> ObjectKind.Owners.account(e.organiserId()))))
                .or(Role.OFFICER);
        this.parts = new Feature[]{
                new RegistrationRoutes(web, events, registrations, feeds),
                new CalendarRoutes(web, events, registrations, feeds, places),
                new AttendanceRoutes(web, events, attendance, managing),
                new EventRoutes(web, events, registrations, places, limiter, deliberation, managing)};
    }

    /** Events for the demo: upcoming ones in the wards (one full with a waiting list, one online) and a past one with minutes. */
    public void loadDemoData(long organiserId, long officerId, List<Long> residentIds) {
        demo.load(organiserId, officerId, residentIds);
    }

    /** Registrations, for tests that register many accounts at once without going through HTTP. */
    public Registrations registrations() {
        return registrations;
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Feature f : parts) f.routes(routes);
    }
}
