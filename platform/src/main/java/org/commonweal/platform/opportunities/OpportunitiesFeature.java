package org.commonweal.platform.opportunities;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.feature.HomeSection;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.jobs.Jobs;
import org.commonweal.platform.groups.GroupSection;
import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.volunteers.VolunteerService;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Volunteering opportunities groups post, with sessions (shifts) volunteers sign up for, a waiting list, reminders the
 * day before, check-in, and hours the group approves; a volunteer's record of hours and roles; the TeamKinetic import
 * and the UK Volunteering Data standard's JSON. Uses the groups service (who coordinates a group) and the volunteers
 * service (a volunteer's skills and DBS level, and imported volunteers by their external id).
 */
public final class OpportunitiesFeature implements Feature {
    /** How often the reminder job looks for tomorrow's sessions. */
    static final Duration REMINDER_CHECK = Duration.ofMinutes(15);
    private final Routes[] parts;
    private final Opportunities opportunities;
    private final SignUps signUps;
    private final Reminders reminders;
    private final DemoOpportunities demo;

    public OpportunitiesFeature(FeatureContext ctx) {
        Groups groups = ctx.services().get(Groups.class);
        VolunteerService volunteers = ctx.services().get(VolunteerService.class);
        var web = ctx.web();
        this.opportunities = new Opportunities(ctx.jdbi(), ctx.audit(), ctx.places(), groups, volunteers);
        this.signUps = new SignUps(ctx.jdbi(), ctx.audit(), ctx.outbox(), web.messages(), new Requirements(volunteers, web.messages()), ctx.baseUrl());
        Hours hours = new Hours(ctx.jdbi(), ctx.audit(), groups);
        this.reminders = new Reminders(ctx.jdbi(), ctx.outbox(), web.messages(), ctx.baseUrl());
        OpportunitiesPersonalData.register(ctx.personalData());
        VolunteeringData data = new VolunteeringData(opportunities, groups, ctx.places(), web.messages(), ctx.baseUrl());
        ctx.openData().register(data.dataset());
        // An opportunity is its group's: the group's admins, volunteer coordinators and safeguarding leads run it; the platform's admins may act on any.
        Access managing = Access.owner(new ObjectKind("volunteering opportunity", id -> opportunities.find(id)
                .map(o -> ObjectKind.Owners.accounts(a -> opportunities.coordinates(o.groupId(), a))))).or(Role.ADMIN);
        Access posting = Access.owner(new ObjectKind("volunteering group", id -> groups.name(id)
                .map(n -> ObjectKind.Owners.accounts(a -> opportunities.coordinates(id, a))))).or(Role.ADMIN);
        OpportunityRoutes pages = new OpportunityRoutes(web, opportunities, signUps, hours, groups, ctx.places(), ctx.limiter(), posting, managing);
        this.parts = new Routes[]{
                new HoursRoutes(web, opportunities, signUps, hours, pages, managing, ctx.limiter()),
                new ShiftRoutes(web, opportunities, signUps, ctx.places(), managing, ctx.limiter()),
                new VolunteeringDataRoutes(data),
                new ImportRoutes(web, groups, ctx.places(), new TeamKineticImport(ctx.jdbi(), opportunities, volunteers, ctx.audit(), web.messages()), posting, ctx.limiter()),
                pages};
        this.demo = new DemoOpportunities(ctx.jdbi(), opportunities, signUps, hours, groups, ctx.places());
        groups.addSection(GroupSection.VOLUNTEERING, (groupId, messages) -> Optional.of(new GroupSection("opportunities.group.title",
                opportunities.ofGroup(groupId, 10).stream().map(o -> new GroupSection.Entry(o.title(), o.url(),
                        String.join(", ", o.roles()))).toList())));
    }

    /** The reminders job's work, for tests that run it for a given day without waiting for the scheduler. */
    public int sendReminders(LocalDate today) {
        return reminders.send(today);
    }

    @Override
    public void jobs(Jobs jobs) {
        jobs.every("opportunity-reminders", REMINDER_CHECK, () -> reminders.send(LocalDate.now(Opportunity.ZONE)));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.in(NavItem.Area.COMMUNITY, "/volunteering", "nav.volunteering"), NavItem.in(NavItem.Area.COMMUNITY, "/volunteering/mine", "nav.volunteering.mine", Role.RESIDENT));
    }

    /** The newest opportunities, anywhere. */
    @Override
    public List<HomeSection> home(CurrentUser user, Messages messages) {
        List<HomeSection.Entry> newest = opportunities.list(new Opportunities.Filter(null, "", "", null, 0)).opportunities().stream().limit(3)
                .map(o -> new HomeSection.Entry(o.title(), o.url(), o.groupName())).toList();
        return List.of(new HomeSection("opportunities.home.title", newest, "/volunteering", "opportunities.home.all"));
    }

    /** An opportunity of a demo group with sessions: one full with a waiting list, past ones with hours logged (see {@link DemoOpportunities}). */
    @Override
    public void loadDemo(DemoContext ctx) {
        demo.load(ctx);
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes r : parts) r.routes(routes);
    }
}
