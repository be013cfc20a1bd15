package org.commonweal.platform.grants;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.budgets.BudgetService;
import org.commonweal.platform.budgets.ReadyBallot;
import org.commonweal.platform.budgets.ResultService;
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
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.groups.GroupSection;
import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/**
 * Small grants: officers run programmes, verified groups apply, officers or a resident panel score, an officer decides
 * (or residents do, as a participatory budget), and the awards are published in the 360Giving Data Standard and shown
 * on the groups' pages. Uses {@link Groups} and the budgets' published services.
 */
public final class GrantsFeature implements Feature {
    private final List<Routes> parts;
    private final Programmes programmes;
    private final Applications applications;
    private final DemoGrants demo;

    public GrantsFeature(FeatureContext ctx) {
        Jdbi jdbi = ctx.jdbi();
        Web web = ctx.web();
        Groups groups = ctx.services().get(Groups.class);
        GrantIndex index = new GrantIndex(jdbi, groups);
        ctx.subjects().register(GrantIndex.KIND, index::find);
        Giving360 giving = new Giving360(jdbi, groups, ctx.config().funder(), ctx.baseUrl());
        ctx.openData().register(index.dataset(giving));
        GrantsPersonalData.register(ctx.personalData());
        this.programmes = new Programmes(jdbi, ctx.audit(), ctx.places(), ctx.accounts());
        this.applications = new Applications(jdbi, ctx.audit(), groups);
        Assessment assessment = new Assessment(jdbi, ctx.audit(), groups, programmes, ctx.subjects());
        Handoff handoff = new Handoff(jdbi, ctx.audit(), ctx.services().get(BudgetService.class), ctx.services().get(ReadyBallot.class),
                ctx.services().get(ResultService.class), groups, assessment, web.messages());
        // An application is its group's admins'; the programme's panel and officers assess it. One object, three circles of owners.
        ObjectKind ofGroup = new ObjectKind("grant application", id -> applications.find(id)
                .map(a -> ObjectKind.Owners.accounts(account -> groups.isAdmin(a.groupId(), account))));
        ObjectKind onPanel = new ObjectKind("grant application", id -> applications.find(id)
                .map(a -> ObjectKind.Owners.accounts(account -> programmes.onPanel(a.programmeId(), account))));
        ObjectKind either = new ObjectKind("grant application", id -> applications.find(id)
                .map(a -> ObjectKind.Owners.accounts(account -> groups.isAdmin(a.groupId(), account) || programmes.onPanel(a.programmeId(), account))));
        this.demo = new DemoGrants(programmes, applications, assessment, handoff, groups, ctx.places());
        this.parts = List.of(
                new ProgrammeRoutes(web, programmes, applications, assessment, handoff, giving, ctx.places(), groups),
                new ApplicationRoutes(web, programmes, applications, assessment, groups, ctx.limiter(),
                        Access.owner(either).or(Role.OFFICER), Access.owner(ofGroup), Access.owner(onPanel).or(Role.OFFICER)));
        groups.addSection(GroupSection.GRANTS, (groupId, messages) -> Optional.of(new GroupSection("grants.group.title",
                applications.awardedTo(groupId, 10).stream().map(a -> programmes.find(a.programmeId()).map(p -> new GroupSection.Entry(a.title(), p.url(),
                        messages.get("grants.group.entry", p.money(a.amountAwarded()), p.title(), a.awardedOn())))).flatMap(Optional::stream).toList())));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.in(NavItem.Area.COMMUNITY, "/grants", "nav.grants"));
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes r : parts) r.routes(routes);
    }

    /** The programmes open for applications now. */
    @Override
    public List<HomeSection> home(CurrentUser user, Messages messages) {
        var today = Applications.today();
        List<HomeSection.Entry> open = programmes.list().stream().filter(p -> p.open(today)).limit(3)
                .map(p -> new HomeSection.Entry(p.title(), p.url(), messages.get("grants.home.entry", p.money(p.maxAward()), p.closesOn()))).toList();
        return List.of(new HomeSection("grants.home.title", open, "/grants", "grants.home.all"));
    }

    /** A programme with applications from the demo groups, scored, one decided, and a second handed to residents (see {@link DemoGrants}). */
    @Override
    public void loadDemo(DemoContext ctx) {
        demo.load(ctx);
    }
}
