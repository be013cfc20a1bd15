package org.commonweal.platform.services;

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
import org.commonweal.platform.groups.GroupSection;
import org.commonweal.platform.groups.Groups;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The services directory: what groups offer residents (what, who for, when, where, cost, how to get it), moderated by
 * officers, searched and filtered by residents (words, place, taxonomy term, open now), published as an Open Referral UK
 * 3.0 read API, and imported from ORUK feeds. Services belong to groups, asked of the Groups service.
 */
public final class ServicesFeature implements Feature {
    private final Routes[] parts;
    private final Directory directory;
    private final ServiceRules rules;
    private final DemoServices demo;
    private final OrukWriter writer;

    public ServicesFeature(FeatureContext ctx) {
        Groups groups = ctx.services().get(Groups.class);
        Providers providers = new Providers(groups);
        ServicesIndex index = new ServicesIndex(ctx.jdbi(), ctx.search());
        ctx.subjects().register(ServicesIndex.KIND, index::find);
        ctx.openData().register(index.dataset());
        this.directory = new Directory(ctx.jdbi(), Clock.systemUTC());
        this.rules = new ServiceRules(ctx.jdbi(), ctx.audit(), ctx.places(), providers, index, directory);
        this.writer = new OrukWriter(ctx.jdbi(), providers);
        this.demo = new DemoServices(ctx.jdbi(), rules, groups, ctx.places());
        // A group's services are its admins' to add and edit (the same rule the groups feature gives its own pages).
        ObjectKind group = new ObjectKind("group", id -> groups.name(id).map(n -> ObjectKind.Owners.accounts(a -> groups.isAdmin(id, a))));
        ObjectKind service = new ObjectKind("service", id -> rules.find(id)
                .map(s -> ObjectKind.Owners.accounts(a -> groups.isAdmin(s.groupId(), a))));
        groups.addSection(GroupSection.SERVICES, (groupId, messages) -> Optional.of(new GroupSection("services.groupSection.title",
                rules.ofGroup(groupId, true).stream().map(s -> new GroupSection.Entry(s.name(), ServicesIndex.url(s.id()), "")).toList())));
        this.parts = new Routes[]{
                new ReviewRoutes(ctx.web(), rules, providers),
                new ImportRoutes(ctx.web(), new OrukImport(ctx.jdbi(), providers, ctx.audit(), index)),
                new ServiceRoutes(ctx.web(), rules, directory, providers, ctx.places(), ctx.limiter(), Access.owner(group), Access.owner(service)),
                new OpenReferralRoutes(writer, ctx.limiter(), ctx.web().messages())};
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes r : parts) r.routes(routes);
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.in(NavItem.Area.COMMUNITY, "/services", "nav.services"), NavItem.in(NavItem.Area.TOOLS, "/services/review", "nav.services.review", Role.OFFICER));
    }

    /** A few services open now, anywhere. */
    @Override
    public List<HomeSection> home(CurrentUser user, Messages messages) {
        var open = directory.list(directory.openNow(DirectoryQuery.all()), 0).entries().stream().limit(3)
                .map(e -> new HomeSection.Entry(e.name(), ServicesIndex.url(e.id()), String.join(", ", e.places()))).toList();
        return List.of(new HomeSection("services.home.title", open, "/services?open=yes", "services.home.all"));
    }

    @Override
    public void loadDemo(DemoContext ctx) {
        demo.load(ctx.residentIds());
    }

    /** The ORUK writer, for the benchmark's full export. */
    OrukWriter writer() {
        return writer;
    }
}
