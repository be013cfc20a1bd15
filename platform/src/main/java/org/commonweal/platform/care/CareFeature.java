package org.commonweal.platform.care;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.volunteers.VolunteerService;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Help requests, care tailored to a person: a resident asks (or someone acts for them with their consent), their care
 * needs are sealed with a key kept out of the database, a group's volunteer coordinator matches the requests of their
 * area to volunteers with the exact matcher, volunteers accept or decline, and ongoing matches log their visits.
 */
public final class CareFeature implements Feature {
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    private final CareRoutes routes;
    private final DemoCare demo;

    public CareFeature(FeatureContext ctx) {
        Groups groups = ctx.services().get(Groups.class);
        VolunteerService volunteers = ctx.services().get(VolunteerService.class);
        CareAreas areas = new CareAreas(groups, ctx.places());
        SealedNeeds sealed = new SealedNeeds(new CareKey(System.getenv(), ctx.config().dataDir()));
        CareRequests requests = new CareRequests(ctx.jdbi(), ctx.audit(), ctx.accounts(), ctx.outbox(), ctx.web().messages(), sealed, ctx.baseUrl());
        CareMatches matches = new CareMatches(ctx.jdbi(), ctx.audit(), ctx.outbox(), ctx.web().messages(), ctx.accounts(), requests, areas, volunteers,
                ctx.baseUrl());
        CareVisits visits = new CareVisits(ctx.jdbi(), ctx.audit());
        CarePersonalData.register(ctx.personalData(), sealed);
        CareAccess access = new CareAccess(requests, matches, visits, areas);
        this.routes = new CareRoutes(ctx.web(), requests, matches, visits, areas, access, ctx.places(), ctx.limiter(), groups);
        this.demo = new DemoCare(requests, matches, areas, ctx.accounts(), ctx.places());
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A weekly slot in words: "Monday morning" (the day and part names are the volunteers feature's messages). */
    static String slotWords(Messages messages, String slot) {
        int dash = slot.indexOf('-');
        return messages.get("care.slot", messages.get("volunteers.day." + slot.substring(0, dash)), messages.get("volunteers.part." + slot.substring(dash + 1)));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.in(NavItem.Area.COMMUNITY, "/care", "nav.care", Role.RESIDENT));
    }

    @Override
    public void routes(RoutesConfig r) {
        routes.routes(r);
    }

    /** A coordinator with requests in their area: one recurring, one one-off, one needing a barred-list check nobody has. */
    @Override
    public void loadDemo(DemoContext ctx) {
        demo.load(ctx);
    }

    /** The object rules of the routes, one per kind of thing a route acts on. */
    static final class CareAccess {
        final Access request, needs, person, coordination, match, visit;

        CareAccess(CareRequests requests, CareMatches matches, CareVisits visits, CareAreas areas) {
            // A request is its person's and its asker's, its area's coordinators', and the volunteer asked or matched.
            request = Access.owner(new ObjectKind("care request", id -> requests.find(id).map(r -> ObjectKind.Owners.accounts(a ->
                    (r.personId() != null && r.personId() == a) || (r.askerId() != null && r.askerId() == a)
                            || matches.current(r.id()).map(m -> m.volunteerId() == a).orElse(false) || areas.coordinatesPlace(a, r.placeId())))));
            // The care needs: the person's own, and read by their area's coordinators and the volunteer who took the request on.
            needs = Access.owner(new ObjectKind("care request's needs", id -> requests.find(id).map(r -> ObjectKind.Owners.accounts(a ->
                    (r.personId() != null && r.personId() == a) || areas.coordinatesPlace(a, r.placeId())
                            || matches.current(r.id()).map(m -> CareMatch.ACCEPTED.equals(m.status()) && m.volunteerId() == a).orElse(false)))));
            person = Access.owner(new ObjectKind("care request's person", id -> requests.find(id).map(r -> ObjectKind.Owners.account(r.personId()))));
            coordination = Access.owner(new ObjectKind("care coordination", id -> groups(areas, id)));
            match = Access.owner(new ObjectKind("care match", id -> matches.find(id).map(m -> ObjectKind.Owners.account(m.volunteerId()))));
            visit = Access.owner(new ObjectKind("care visit", id -> visits.find(id).flatMap(v -> matches.find(v.matchId()))
                    .map(m -> ObjectKind.Owners.accounts(a -> areas.coordinates(a, m.groupId())))));
        }

        private static Optional<ObjectKind.Owners> groups(CareAreas areas, long groupId) {
            if (!areas.isGroup(groupId)) return Optional.empty();
            return Optional.of(ObjectKind.Owners.accounts(a -> areas.coordinates(a, groupId)));
        }
    }
}
