package org.commonweal.platform.events;

import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.groups.GroupSection;
import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.accounts.PersonalData;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** Events around the community: seminars, meetings, surgeries and decision days, from registration to minutes. */
public final class EventsFeature implements Feature {
    private final Routes[] parts;
    private final EventService events;
    private final Registrations registrations;
    private final DemoEvents demo;

    public EventsFeature(FeatureContext ctx) {
        Jdbi jdbi = ctx.jdbi();
        Groups groups = ctx.services().get(Groups.class);
        Web web = ctx.web();
        var places = ctx.places();
        EventIndex index = new EventIndex(jdbi, ctx.search(), web.messages());
        ctx.subjects().register(EventIndex.KIND, index::find);
        ctx.openData().register(index.dataset());
        EventsPersonalData.register(ctx.personalData());
        this.events = new EventService(jdbi, ctx.audit(), places, ctx.subjects(), index);
        this.registrations = new Registrations(jdbi, ctx.subjects());
        Attendance attendance = new Attendance(jdbi);
        CalendarFeeds feeds = new CalendarFeeds(jdbi, ctx.baseUrl());
        this.demo = new DemoEvents(events, registrations, places);
        // An event is its organiser's; officers manage every event (see EventService.mayManage).
        Access managing = Access.owner(new ObjectKind("event", id -> events.find(id).map(e -> ObjectKind.Owners.account(e.organiserId()))))
                .or(Role.OFFICER);
        this.parts = new Routes[]{
                new RegistrationRoutes(web, events, registrations, feeds),
                new CalendarRoutes(web, events, registrations, feeds, places),
                new AttendanceRoutes(web, events, attendance, managing),
                new EventRoutes(web, events, registrations, places, ctx.limiter(), ctx.services().get(org.commonweal.platform.deliberation.Deliberation.class),
                        managing, groups)};
        groups.addSection(GroupSection.EVENTS, (groupId, messages) -> java.util.Optional.of(new GroupSection("events.group.title",
                events.ofGroup(groupId, 10).stream().map(e -> new GroupSection.Entry(e.title(), EventIndex.url(e.id()), e.when() + " · " + e.placeName())).toList())));
    }

    /** Upcoming events in the wards (one full with a waiting list, one online) and a past one with minutes. */
    @Override
    public void loadDemo(DemoContext ctx) {
        demo.load(ctx.organiserId(), ctx.officerId(), ctx.residentIds());
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.in(NavItem.Area.COMMUNITY, "/events", "nav.events"));
    }

    /** The next events, anywhere. */
    @Override
    public List<org.commonweal.platform.core.feature.HomeSection> home(org.commonweal.platform.core.http.CurrentUser user, org.commonweal.platform.core.i18n.Messages messages) {
        List<org.commonweal.platform.core.feature.HomeSection.Entry> next = events.list(new EventService.Filter(false, null, "", 0)).events().stream().filter(e -> e.cancelledAt() == null).limit(3)
                .map(e -> new org.commonweal.platform.core.feature.HomeSection.Entry(e.title(), EventIndex.url(e.id()), e.when() + " · " + e.placeName())).toList();
        return List.of(new org.commonweal.platform.core.feature.HomeSection("events.home.title", next, "/events", "events.home.all"));
    }

    /** Registrations, for tests that register many accounts at once without going through HTTP. */
    public Registrations registrations() {
        return registrations;
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes f : parts) f.routes(routes);
    }
}
