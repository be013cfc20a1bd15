package org.commonweal.platform.groups;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.jdbi.v3.core.Jdbi;

import java.time.ZoneId;
import java.util.List;

/**
 * Community groups: charities, co-operatives, tenants' associations, party branches and the rest, with their members
 * and roles, org-id identifiers checked by officers, registers of members, trustee vacancies and a public page other
 * features add sections to. Publishes {@link Groups} for the features after it in the list.
 */
public final class GroupsFeature implements Feature {
    /** Membership dates and verification days are UK calendar days. */
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    public static final String GROUP_KIND = "group";
    private final Groups groups;
    private final List<Routes> parts;
    private final DemoGroups demo;

    public GroupsFeature(FeatureContext ctx) {
        Jdbi jdbi = ctx.jdbi();
        Web web = ctx.web();
        GroupIndex index = new GroupIndex(jdbi, ctx.search(), web.messages());
        ctx.openData().register(index.dataset());
        GroupsPersonalData.register(ctx.personalData());
        GroupEditor editor = new GroupEditor(jdbi, ctx.audit(), ctx.places(), web.messages(), index);
        this.groups = new Groups(jdbi, ctx.audit(), editor);
        ctx.services().publish(Groups.class, groups);
        // A group is a subject other features can point at (a conversation about it, a story of its work).
        ctx.subjects().register(GROUP_KIND, id -> groups.find(id).map(g -> new org.commonweal.platform.core.subjects.SubjectInfo(
                new org.commonweal.platform.core.subjects.Subject(GROUP_KIND, id), g.name(), "/groups/" + id,
                g.placeIds().isEmpty() ? null : g.placeIds().getFirst(), null, true)));
        Memberships memberships = new Memberships(jdbi, ctx.audit(), ctx.outbox(), web.messages(), ctx.baseUrl());
        Vacancies vacancies = new Vacancies(jdbi, ctx.audit(), ctx.places());
        SkillProfiles profiles = new SkillProfiles(jdbi, ctx.audit());
        Verifications verifications = new Verifications(jdbi, ctx.audit(), index);
        // A group is run by its admins; the platform's admins may act on every group (one whose admins all left).
        ObjectKind group = new ObjectKind("group", id -> groups.name(id).map(n -> ObjectKind.Owners.accounts(account -> groups.isAdmin(id, account))));
        Access running = Access.owner(group).or(Role.ADMIN);
        this.demo = new DemoGroups(groups, editor, vacancies, profiles, verifications, ctx.places());
        this.parts = List.of(
                new MemberRoutes(web, groups, memberships, ctx.limiter(), running),
                new VacancyRoutes(web, groups, vacancies, ctx.places(), running),
                new VerificationRoutes(web, groups, verifications),
                new SkillRoutes(web, groups, profiles, vacancies),
                new GroupRoutes(web, groups, editor, new GroupDirectory(jdbi, ctx.places()), memberships, vacancies, ctx.places(), ctx.limiter(), running,
                        new Logos(jdbi, ctx.audit())));
    }

    /** The service, for tests that set groups up without going through HTTP. */
    public Groups groups() {
        return groups;
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.in(NavItem.Area.COMMUNITY, "/groups", "nav.groups"), NavItem.in(NavItem.Area.COMMUNITY, "/account/skills", "nav.skills", Role.RESIDENT));
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes r : parts) r.routes(routes);
    }

    /** Six groups of different kinds, with members, a register, a vacancy and skills on demo residents (see {@link DemoGroups}). */
    @Override
    public void loadDemo(DemoContext ctx) {
        demo.load(ctx);
    }
}
