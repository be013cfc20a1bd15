package org.commonweal.platform.problems;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.budgets.BudgetsFeature;
import org.commonweal.platform.core.accounts.Bans;
import org.commonweal.platform.core.accounts.PersonalData;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Feature;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.opendata.OpenData;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * Residents define their own problems, find their own solutions and set the agenda: problems with support, linked
 * solutions that can go to an open budget as a proposal, and an agenda per place ranked by recent support.
 */
public final class ProblemsFeature implements Feature {
    private final Feature[] parts;
    private final ProblemService problems;
    private final SupportService supports;
    private final SolutionService solutions;
    private final AgendaService agenda;
    private final DemoProblems demo;

    public ProblemsFeature(Web web, Jdbi jdbi, AuditLog audit, PlaceService places, Subjects subjects, SearchIndex search, OpenData openData,
                           PersonalData personalData, Bans bans, RateLimiter limiter, BudgetsFeature budgets, org.commonweal.platform.deliberation.Deliberation deliberation) {
        ProblemIndex index = new ProblemIndex(jdbi, search);
        subjects.register(ProblemIndex.PROBLEM, index::findProblem);
        subjects.register(ProblemIndex.SOLUTION, index::findSolution);
        openData.register(index.problems());
        openData.register(index.solutions());
        ProblemsPersonalData.register(personalData);
        this.problems = new ProblemService(jdbi, audit, places, index, subjects, web.messages());
        this.supports = new SupportService(jdbi);
        this.solutions = new SolutionService(jdbi, audit, index, subjects, web.messages());
        this.agenda = new AgendaService(jdbi, places);
        this.demo = new DemoProblems(problems, supports, solutions, places, search);
        PostingRules posting = new PostingRules(web, bans, limiter);
        this.parts = new Feature[]{
                new ProblemRoutes(web, problems, supports, solutions, places, posting, deliberation),
                new SolutionRoutes(web, problems, solutions, supports, budgets.budgets(), budgets.proposals(), places, posting, deliberation),
                new AgendaRoutes(web, agenda, places)};
    }

    /** Loads a few problems across the demo's wards, with supports and solutions (one linked to a budget proposal). */
    public void loadDemoData(org.commonweal.platform.core.accounts.AccountService accounts, long officerId, List<Long> residentIds) {
        demo.load(accounts, officerId, residentIds);
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
        for (Feature f : parts) f.routes(routes);
    }
}
