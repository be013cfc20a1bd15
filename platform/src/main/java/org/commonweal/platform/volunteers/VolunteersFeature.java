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

import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.feature.HomeSection;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.groups.Group;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
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
    private final VolunteerImport importer;
    private final Groups groups;
    private final DemoVolunteers demo;
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
        this.demo = new DemoVolunteers(groups, editor, records, checks, volunteers, reminders);
        // Imports are the group's admins' (as the groups feature's "group" rule) and the council's officers'.
        Access importing = Access.owner(new ObjectKind("group", id -> groups.name(id).map(n -> ObjectKind.Owners.accounts(a -> groups.isAdmin(id, a)))))
                .or(Role.OFFICER);
        this.importer = new VolunteerImport(ctx.jdbi(), ctx.audit(), ctx.outbox(), ctx.web().messages(), ctx.baseUrl());
        this.groups = groups;

        // Imports before the volunteers' pages: /groups/{id}/volunteers/import would otherwise be read as a volunteer's id.
        this.parts = List.of(new ProfileRoutes(ctx.web(), volunteers, editor, records, checks, groups, ctx.places()),
                new ImportRoutes(ctx.web(), groups, importer, importing),
                new GroupVolunteerRoutes(ctx.web(), groups, volunteers, directory, records, checks, ctx.places(), ctx.audit(), coordinating, safeguarding),
                new ClaimRoutes(ctx.web(), ctx.jdbi(), ctx.audit()));
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
        return List.of(NavItem.in(NavItem.Area.COMMUNITY, ProfileRoutes.PATH, "nav.volunteer", Role.RESIDENT));
    }

    /** Hourly, so a day's reminders go out soon after midnight whenever the platform was down; each due date is mailed once. */
    @Override
    public void jobs(Jobs jobs) {
        jobs.every("volunteer-dbs-reminders", Duration.ofHours(1), () -> reminders.run(today()));
        jobs.every("volunteer-import-sweep", Duration.ofHours(1), importer::deleteAbandoned);
    }

    /** For a signed-in resident: their profile, and the volunteers of each group they coordinate. */
    @Override
    public List<HomeSection> home(CurrentUser user, Messages messages) {
        if (user == null) return List.of();
        List<HomeSection.Entry> entries = new ArrayList<>();
        Optional<VolunteerProfile> mine = volunteers.ofAccount(user.id());
        entries.add(new HomeSection.Entry(messages.get("volunteers.home.profile"), ProfileRoutes.PATH, mine.isEmpty() ? messages.get("volunteers.home.noProfile")
                : mine.get().dbs() == DbsLevel.NONE ? messages.get("volunteers.dbs.noneValid")
                : messages.get("volunteers.dbs.checkedTo", messages.get("volunteers.dbs.level." + mine.get().dbs().code()), Days.of(mine.get().dbsValidUntil()))));
        for (Group.Membership m : groups.memberships(user.id())) {
            if (m.admin() || VolunteerService.COORDINATING_ROLES.contains(m.role())) {
                entries.add(new HomeSection.Entry(messages.get("volunteers.directory.title", m.group().name()), "/groups/" + m.group().id() + "/volunteers",
                        messages.get("volunteers.home.coordinate")));
            }
        }
        return List.of(new HomeSection("volunteers.home.title", entries, ProfileRoutes.PATH, "volunteers.home.more"));
    }

    /** Amira, Ben and Orla volunteer with two demo groups (see {@link DemoVolunteers}). */
    @Override
    public void loadDemo(DemoContext ctx) {
        demo.load(ctx);
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
