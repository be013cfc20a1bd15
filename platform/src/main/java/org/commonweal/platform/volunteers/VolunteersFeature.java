package org.commonweal.platform.volunteers;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.groups.Groups;

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
    private final List<Routes> parts;

    public VolunteersFeature(FeatureContext ctx) {
        Groups groups = ctx.services().get(Groups.class);
        this.volunteers = new VolunteerService(ctx.jdbi(), groups);
        ctx.services().publish(VolunteerService.class, volunteers);
        ProfileEditor editor = new ProfileEditor(ctx.jdbi(), ctx.audit(), ctx.places());
        this.parts = List.of(new ProfileRoutes(ctx.web(), volunteers, editor, groups, ctx.places()));
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** The service, for tests that set volunteers up without going through HTTP. */
    public VolunteerService volunteers() {
        return volunteers;
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.account(ProfileRoutes.PATH, "nav.volunteer", Role.RESIDENT));
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes r : parts) r.routes(routes);
    }
}
