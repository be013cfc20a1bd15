package org.commonweal.platform.problems;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.jdbi.v3.core.Jdbi;
import org.commonweal.platform.budgets.BudgetService;
import org.commonweal.platform.budgets.ProposalService;
import org.commonweal.platform.deliberation.Deliberation;

import java.util.List;

/**
 * Residents define their own problems, find their own solutions and set the agenda: problems with support, linked
 * solutions that can go to an open budget as a proposal, and an agenda per place ranked by recent support.
 */
public final class ProblemsFeature implements Feature {
    private final Routes[] parts;
    private final ProblemService problems;
    private final SupportService supports;
    private final SolutionService solutions;
    private final AgendaService agenda;
    private final DemoProblems demo;
    private final org.commonweal.platform.core.places.PlaceService places;
    private final org.commonweal.platform.core.accounts.AccountService accounts;

    public ProblemsFeature(FeatureContext ctx) {
        Jdbi jdbi = ctx.jdbi();
        Web web = ctx.web();
        var audit = ctx.audit();
        var places = ctx.places();
        this.places = places;
        var subjects = ctx.subjects();
        Deliberation deliberation = ctx.services().get(Deliberation.class);
        ProblemIndex index = new ProblemIndex(jdbi, ctx.search());
        subjects.register(ProblemIndex.PROBLEM, index::findProblem);
        subjects.register(ProblemIndex.SOLUTION, index::findSolution);
        ctx.openData().register(index.problems());
        ctx.openData().register(index.solutions());
        ProblemsPersonalData.register(ctx.personalData());
        this.problems = new ProblemService(jdbi, audit, places, index, subjects, web.messages());
        ctx.services().publish(ProblemService.class, problems); // the library turns a solved problem into a story
        this.supports = new SupportService(jdbi);
        this.solutions = new SolutionService(jdbi, audit, index, subjects, web.messages());
        this.agenda = new AgendaService(jdbi, places);
        this.demo = new DemoProblems(problems, supports, solutions, places, ctx.search());
        this.accounts = ctx.accounts();
        PostingRules posting = new PostingRules(web, ctx.bans(), ctx.limiter());
        this.parts = new Routes[]{
                new ProblemRoutes(web, problems, supports, solutions, places, posting, deliberation),
                new SolutionRoutes(web, problems, solutions, supports, ctx.services().get(BudgetService.class),
                        ctx.services().get(ProposalService.class), places, posting, deliberation),
                new AgendaRoutes(web, agenda, places)};
    }

    /** A few problems across the demo's wards, with supports and solutions (one linked to a budget proposal). */
    @Override
    public void loadDemo(DemoContext ctx) {
        demo.load(accounts, ctx.officerId(), ctx.residentIds());
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.in(NavItem.Area.TAKE_PART, "/problems", "nav.problems"));
    }

    /** The agenda's top problems this month, for the resident's home place or the whole area. */
    @Override
    public List<org.commonweal.platform.core.feature.HomeSection> home(org.commonweal.platform.core.http.CurrentUser user, org.commonweal.platform.core.i18n.Messages messages) {
        Long place = user != null && user.homePlaceId() != null ? user.homePlaceId()
                : places.tree().stream().filter(p -> p.parentId() == null).map(org.commonweal.platform.core.places.Place::id).findFirst().orElse(null);
        if (place == null) return List.of();
        List<org.commonweal.platform.core.feature.HomeSection.Entry> top = agenda.rank(place, AgendaService.Period.MONTH, "", "", 0, java.time.OffsetDateTime.now()).entries().stream().limit(3)
                .map(e -> new org.commonweal.platform.core.feature.HomeSection.Entry(e.title(), ProblemIndex.problemUrl(e.id()), messages.get("problems.home.support", e.supporters(), e.placeName()))).toList();
        return List.of(new org.commonweal.platform.core.feature.HomeSection(user != null && user.homePlaceId() != null ? "problems.home.yourArea" : "problems.home.title", top,
                "/places/" + place + "/agenda", "problems.home.all"));
    }

    public ProblemService problems() {
        return problems;
    }

    public SupportService supports() {
        return supports;
    }

    public SolutionService solutions() {
        return solutions;
    }

    public AgendaService agenda() {
        return agenda;
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes f : parts) f.routes(routes);
    }
}
