package org.commonweal.platform.budgets;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.jobs.Jobs;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.commonweal.platform.deliberation.Deliberation;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** Devolved budgets: a council runs participatory budgeting from first idea to delivered project. */
public final class BudgetsFeature implements Feature {
    /** Planned dates are the council's dates; UK councils keep UK time. */
    public static final java.time.ZoneId COUNCIL_ZONE = java.time.ZoneId.of("Europe/London");
    private final Routes[] parts;
    private final BudgetService budgets;
    private final DemoBudgets demo;
    private final DemoDiscussion discussion;
    private final DemoDelivery demoDelivery;
    private final ProposalService proposals;
    private final java.time.Duration phaseCheck;
    private final BallotBox ballots;

    /** The subject kind of a whole budget process: residents follow one to hear when each phase opens. */
    public static final String PROCESS_KIND = "budget";

    public BudgetsFeature(FeatureContext ctx) {
        Jdbi jdbi = ctx.jdbi();
        Web web = ctx.web();
        var audit = ctx.audit();
        var places = ctx.places();
        var subjects = ctx.subjects();
        Deliberation deliberation = ctx.services().get(Deliberation.class);
        BudgetsPersonalData.register(ctx.personalData());
        ResultService results = new ResultService(jdbi);
        BudgetService budgets = new BudgetService(jdbi, audit, results, subjects);
        this.budgets = budgets;
        this.phaseCheck = ctx.config().phaseCheck();
        subjects.register(PROCESS_KIND, id -> budgets.process(id).map(p ->
                new SubjectInfo(new Subject(PROCESS_KIND, id), p.title(), "/budgets/" + id, p.placeId(), null, true)));
        ProposalIndex index = new ProposalIndex(jdbi, ctx.search());
        subjects.register(ProposalIndex.KIND, index::find);
        ctx.openData().register(index.dataset());
        ProposalService proposals = new ProposalService(jdbi, audit, index, subjects);
        this.proposals = proposals;
        ctx.services().publish(BudgetService.class, budgets);
        ctx.services().publish(ProposalService.class, proposals);
        ctx.services().publish(ResultService.class, results); // grants read which proposals residents selected
        ctx.services().publish(ReadyBallot.class, new ReadyBallot(budgets, proposals)); // grants hand a shortlist to residents in one transaction
        BallotBox ballots = new BallotBox(jdbi, new BallotKeys(jdbi), audit, places, ctx.accounts().residence());
        this.ballots = ballots;
        VoterRegister register = new VoterRegister(jdbi, audit);
        PaperSheets paper = new PaperSheets(jdbi, ballots, audit);
        DeliveryService delivery = new DeliveryService(jdbi, audit, subjects);
        ctx.services().publish(DeliveryService.class, delivery); // the library turns a delivered project into a story
        PabulibImport pabulib = new PabulibImport(jdbi, audit, results, index);
        this.demo = new DemoBudgets(budgets, proposals, pabulib, places);
        this.discussion = new DemoDiscussion(deliberation, ctx.accounts());
        this.demoDelivery = new DemoDelivery(demo, budgets, ballots, delivery);
        this.parts = new Routes[]{
                new VotingRoutes(web, budgets, proposals, ballots, register, ctx.baseUrl(), results),
                new PaperRoutes(web, budgets, proposals, paper, register),
                new RegisterRoutes(web, budgets, register),
                new ProcessRoutes(web, budgets, ballots, paper, results, places, delivery, pabulib, deliberation),
                new ProposalRoutes(web, budgets, proposals, places, delivery, deliberation),
                new DeliveryRoutes(web, budgets, proposals, delivery)};
    }

    /**
     * The demo's budgets: the live "Riverford Community Fund" left open for voting, with a discussion on its street
     * trees; last year's fund in delivery and a youth fund with a provisional result (see {@link DemoDelivery}); and,
     * when the shared data folder is there, two finished votes imported from its pabulib files.
     */
    @Override
    public void loadDemo(DemoContext ctx) {
        long process = demo.load(ctx.officerId(), ctx.residentIds(), ctx.sharedData(), ctx.say());
        demoDelivery.load(ctx.officerId(), ctx.residentIds());
        discussion.load(ctx.residentIds(), demoDiscussion(process));
    }

    /** The demo proposal the demo residents discuss: the live process's street trees. */
    public Subject demoDiscussion(long processId) {
        return proposals.search(processId, new ProposalService.Search("", null, "", "", "", 0)).stream()
                .filter(p -> p.title().startsWith("Street trees")).findFirst().map(p -> new Subject(ProposalIndex.KIND, p.id())).orElseThrow();
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.in(NavItem.Area.TAKE_PART, "/budgets", "nav.budgets"));
    }

    /**
     * Votes open now, with the day voting closes when it is planned; for a signed-in resident, the pots they may still
     * vote in. Nothing here counts ballots per project: see {@link Pot}.
     */
    @Override
    public List<org.commonweal.platform.core.feature.HomeSection> home(org.commonweal.platform.core.http.CurrentUser user,
                                                                        org.commonweal.platform.core.i18n.Messages messages) {
        List<org.commonweal.platform.core.feature.HomeSection.Entry> open = new java.util.ArrayList<>();
        List<org.commonweal.platform.core.feature.HomeSection.Entry> mine = new java.util.ArrayList<>();
        for (BudgetProcess p : budgets.processes()) {
            if (p.phase() != Phase.VOTING) continue;
            java.time.LocalDate[] voting = budgets.phaseDates(p.id()).get(Phase.VOTING);
            String closes = voting != null && voting[1] != null ? messages.get("budgets.home.closes", voting[1]) : messages.get("budgets.home.open");
            open.add(new org.commonweal.platform.core.feature.HomeSection.Entry(p.title(), "/budgets/" + p.id(), closes + " · " + p.areaLabel()));
            if (user == null) continue;
            for (Pot pot : budgets.pots(p.id())) {
                Voter voter = Voter.of(user);
                BallotBox.Ineligible why = ballots.eligibility(pot, voter);
                String path = "/budgets/" + p.id() + "/pots/" + pot.id() + "/vote";
                if (why == null && !ballots.hasVoted(pot.id(), voter)) {
                    mine.add(new org.commonweal.platform.core.feature.HomeSection.Entry(pot.name(), path, messages.get("budgets.home.yourVote", p.title())));
                } else if (why != null && why.steps && why != BallotBox.Ineligible.OUTSIDE) {
                    // A vote they could cast after a step of their own (not another area's pot): the link says why and what to do.
                    mine.add(new org.commonweal.platform.core.feature.HomeSection.Entry(pot.name(), path,
                            messages.get("budgets.home.notYet", p.title(), messages.get("budgets.pots.notEligible." + why.key()))));
                }
            }
        }
        List<org.commonweal.platform.core.feature.HomeSection> sections = new java.util.ArrayList<>();
        if (!mine.isEmpty()) sections.add(new org.commonweal.platform.core.feature.HomeSection("budgets.home.yourVotes", mine, null, null));
        sections.add(new org.commonweal.platform.core.feature.HomeSection("budgets.home.votes", open, "/budgets", "budgets.home.all"));
        return sections;
    }

    /** Ballots counted in every pot, and the money residents have decided on (pots whose results are published). */
    @Override
    public List<org.commonweal.platform.core.feature.HomeFigure> figures(org.commonweal.platform.core.i18n.Messages messages) {
        List<org.commonweal.platform.core.feature.HomeFigure> figures = new java.util.ArrayList<>();
        figures.add(new org.commonweal.platform.core.feature.HomeFigure(messages.get("budgets.home.count", ballots.countedEverywhere()), "budgets.home.ballots"));
        java.util.Map<String, Long> decided = new java.util.TreeMap<>();
        for (BudgetProcess p : budgets.processes()) {
            if (!p.phase().resultsPublished()) continue;
            for (Pot pot : budgets.pots(p.id())) decided.merge(pot.currency(), pot.amount(), Long::sum);
        }
        if (!decided.isEmpty()) {
            figures.add(new org.commonweal.platform.core.feature.HomeFigure(String.join(" · ", decided.entrySet().stream()
                    .map(e -> Money.format(e.getValue(), e.getKey())).toList()), "budgets.home.decided"));
        }
        return figures;
    }

    /** Phases open on their planned dates without anyone visiting (see {@link BudgetService#catchUpAll}). */
    @Override
    public void jobs(Jobs jobs) {
        jobs.every("budget-phases", phaseCheck, () -> budgets.catchUpAll(java.time.LocalDate.now(COUNCIL_ZONE)));
    }

    /** Processes and their pots, for features that send residents' ideas to an open budget. */
    public BudgetService budgets() {
        return budgets;
    }

    /** Proposals, for tests that need thousands of them without going through HTTP, and for features that submit one for a resident. */
    public ProposalService proposals() {
        return proposals;
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes f : parts) f.routes(routes);
    }
}
