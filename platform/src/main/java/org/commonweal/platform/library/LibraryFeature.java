package org.commonweal.platform.library;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.budgets.BudgetService;
import org.commonweal.platform.budgets.DeliveryService;
import org.commonweal.platform.budgets.ProposalService;
import org.commonweal.platform.consultations.ConsultationService;
import org.commonweal.platform.problems.ProblemService;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.deliberation.Deliberation;
import org.commonweal.platform.groups.GroupSection;
import org.commonweal.platform.groups.Groups;

import java.util.List;
import java.util.Optional;

/**
 * The library of what worked: case stories of what communities did and what came of it, written by residents and
 * organisers, published by officers, found through search, filters and similar stories, and shown on their group's page.
 */
public final class LibraryFeature implements Feature {
    private final StoryRoutes routes;
    private final AwardRoutes awardRoutes;
    private final Awards awards;
    private final StoryService stories;
    private final DemoLibrary demo;
    private final NamedRoutes namedRoutes;

    public LibraryFeature(FeatureContext ctx) {
        var jdbi = ctx.jdbi();
        Groups groups = ctx.services().get(Groups.class);
        StoryIndex index = new StoryIndex(jdbi, ctx.search());
        ctx.subjects().register(StoryIndex.KIND, index::find);
        ctx.openData().register(index.dataset());
        LibraryPersonalData.register(ctx.personalData());
        NamedPeople named = new NamedPeople(jdbi, ctx.audit(), ctx.outbox(), ctx.web().messages(), ctx.baseUrl());
        this.stories = new StoryService(jdbi, ctx.audit(), ctx.places(), ctx.subjects(), index, id -> groups.find(id).isPresent(), named);
        BudgetService budgets = ctx.services().get(BudgetService.class);
        DeliveryService delivery = ctx.services().get(DeliveryService.class);
        StoryPrefill prefill = new StoryPrefill(ctx.services().get(ProposalService.class), budgets, delivery,
                ctx.services().get(ProblemService.class), ctx.services().get(ConsultationService.class), ctx.subjects());
        this.awards = new Awards(jdbi, ctx.audit(), id -> groups.find(id).isPresent(), named);
        this.awardRoutes = new AwardRoutes(ctx.web(), awards, groups);
        this.namedRoutes = new NamedRoutes(ctx.web(), named, ctx.limiter());
        this.demo = new DemoLibrary(stories, prefill, budgets, delivery, groups, ctx.places(), awards, named, ctx.accounts());
        this.routes = new StoryRoutes(ctx.web(), stories, prefill, ctx.places(), groups, ctx.bans(), ctx.limiter(),
                ctx.services().get(Deliberation.class), named, new StoryEvidence(jdbi, ctx.audit()));
        groups.addSection(GroupSection.STORIES, (groupId, messages) -> Optional.of(new GroupSection("library.group.title",
                stories.forGroup(groupId, 10).stream().map(s -> new GroupSection.Entry(s.title(), StoryIndex.url(s.id()),
                        s.placeName() + " · " + messages.get("budgets.theme." + s.theme()))).toList())));
        // Right after its stories: the group's awards and nominations, and the way to nominate it.
        groups.addSection(GroupSection.STORIES + 1, (groupId, messages) -> {
            Awards.Counts counts = awards.counts(groupId);
            return Optional.of(new GroupSection("library.group.recognition", List.of(new GroupSection.Entry(
                    messages.get("library.group.counts", counts.awards(), counts.nominations()), "/celebrate",
                    messages.get("library.awards.title")), new GroupSection.Entry(messages.get("library.group.nominate"),
                    "/celebrate?group=" + groupId, messages.get("library.group.nominateDetail")))));
        });
    }

    @Override
    public void loadDemo(DemoContext ctx) {
        demo.load(ctx.officerId(), ctx.residentIds());
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.in(NavItem.Area.COMMUNITY, "/library", "nav.library"));
    }

    public Awards awards() {
        return awards;
    }

    public StoryService stories() {
        return stories;
    }

    @Override
    public void routes(RoutesConfig r) {
        // Before the story routes: "/library/named" is not a story's id.
        namedRoutes.routes(r);
        routes.routes(r);
        awardRoutes.routes(r);
    }
}
