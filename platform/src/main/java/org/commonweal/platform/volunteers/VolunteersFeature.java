package org.commonweal.platform.volunteers;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.jobs.Jobs;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.groups.Groups;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Volunteers: a resident's volunteer profile (skills, languages, weekly slots, where and how far, how much), the groups
 * they volunteer with, their training, references and DBS checks verified by a group's safeguarding lead, a directory
 * for the group's coordinators, and imports from a volunteer-management export. Publishes {@link VolunteerService}.
 */
public final class VolunteersFeature implements Feature {
    /** Days (away periods, DBS recheck dates) are UK calendar days. */
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    private final VolunteerService volunteers;
    private final VolunteerDirectory directory;
    private final DbsReminders reminders;
    private final List<Routes> parts;

    public VolunteersFeature(FeatureContext ctx) {
        Groups groups = ctx.services().get(Groups.class);
        this.volunteers = new VolunteerService(ctx.jdbi(), groups);
        ctx.services().publish(VolunteerService.class, volunteers);
        VolunteersPersonalData.register(ctx.personalData());
        ProfileEditor editor = new ProfileEditor(ctx.jdbi(), ctx.audit(), ctx.places());
        ProfileRecords records = new ProfileRecords(ctx.jdbi(), ctx.audit());
        DbsChecks checks = new DbsChecks(ctx.jdbi(), ctx.audit());
        this.directory = new VolunteerDirectory(ctx.jdbi(), ctx.places());
        // A group's volunteers are seen by its admins, volunteer coordinators and safeguarding leads; certificates by the leads alone.
        Access coordinating = Access.owner(new ObjectKind("group's volunteers", id -> groups.name(id).map(n -> ObjectKind.Owners.accounts(a -> volunteers.coordinates(a, id)))));
        Access safeguarding = Access.owner(new ObjectKind("group's safeguarding", id -> groups.name(id).map(n -> ObjectKind.Owners.accounts(a -> volunteers.isSafeguardingLead(a, id)))));
        this.reminders = new DbsReminders(ctx.jdbi(), ctx.outbox(), ctx.accounts(), groups, ctx.web().messages(), ctx.baseUrl());
        this.parts = List.of(new ProfileRoutes(ctx.web(), volunteers, editor, records, checks, groups, ctx.places()),
                new GroupVolunteerRoutes(ctx.web(), groups, volunteers, directory, records, checks, ctx.places(), ctx.audit(), coordinating, safeguarding));
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The service, for tests that set volunteers up without going through HTTP. */
    public VolunteerService volunteers() {
        return volunteers;
    }

    /** The directory, for the benchmark. */
    public VolunteerDirectory directory() {
        return directory;
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.account(ProfileRoutes.PATH, "nav.volunteer", Role.RESIDENT));
    }

    /** Hourly, so a day's reminders go out soon after midnight whenever the platform was down; each due date is mailed once. */
    @Override
    public void jobs(Jobs jobs) {
        jobs.every("volunteer-dbs-reminders", Duration.ofHours(1), () -> reminders.run(today()));
    }

    /** Runs the reminder job as of {@code day}, for tests. */
    public int sendDbsReminders(LocalDate day) {
        return reminders.run(day);
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes r : parts) r.routes(routes);
    }
}
