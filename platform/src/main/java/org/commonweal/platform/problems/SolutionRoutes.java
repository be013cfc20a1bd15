package org.commonweal.platform.problems;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.budgets.BudgetProcess;
import org.commonweal.platform.budgets.BudgetService;
import org.commonweal.platform.budgets.Pot;
import org.commonweal.platform.budgets.ProposalService;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.subjects.Subject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Residents link solutions to problems and send one to an open budget with its proposal form filled in from the
 * solution; officers mark how far solutions have got.
 */
final class SolutionRoutes implements Routes {
    private static final String[] PROPOSAL_FIELDS = {"pot", "title", "description", "theme", "estimatedCost", "place"};
    private final Web web;
    private final ProblemService problems;
    private final SolutionService solutions;
    private final SupportService supports;
    private final BudgetService budgets;
    private final ProposalService proposals;
    private final PlaceService places;
    private final PostingRules posting;

    private final org.commonweal.platform.deliberation.Deliberation deliberation;

    SolutionRoutes(Web web, ProblemService problems, SolutionService solutions, SupportService supports, BudgetService budgets,
                   ProposalService proposals, PlaceService places, PostingRules posting, org.commonweal.platform.deliberation.Deliberation deliberation) {
        this.deliberation = deliberation;
        this.web = web;
        this.problems = problems;
        this.solutions = solutions;
        this.supports = supports;
        this.budgets = budgets;
        this.proposals = proposals;
        this.places = places;
        this.posting = posting;
    }

    @Override
    public void routes(RoutesConfig r) {
        ObjectKind solution = new ObjectKind("solution", id -> solutions.find(id).map(s -> ObjectKind.Owners.account(s.authorId())));
        r.post("/problems/{id}/solutions", this::propose, Access.ROLE, Role.RESIDENT);
        r.get("/solutions/{id}", ctx -> show(ctx, solution(ctx), Form.empty()), Access.PUBLIC, Role.ANYONE);
        r.post("/solutions/{id}/withdraw", this::withdraw, Access.owner(solution), Role.RESIDENT);
        r.post("/solutions/{id}/status", this::changeStatus, Access.ROLE, Role.OFFICER);
        r.get("/solutions/{id}/budget", this::chooseBudget, Access.ROLE, Role.RESIDENT);
        r.get("/solutions/{id}/budget/{process}", ctx -> {
            if (posting.notBanned(ctx)) showProposalForm(ctx, solution(ctx), null);
        }, Access.ROLE, Role.RESIDENT);
        r.post("/solutions/{id}/budget/{process}", this::submitProposal, Access.ROLE, Role.RESIDENT);
    }

    private Solution solution(Context ctx) {
        return solutions.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void show(Context ctx, Solution s, Form statusForm) {
        CurrentUser user = web.user(ctx);
        boolean mine = user != null && s.authorId() != null && s.authorId() == user.id();
        web.render(ctx, "problems/solution.jte", web.page(ctx, "problems.solution.title", s.title()), "solution", s, "mine", mine,
                "statusForm", statusForm, "thread", deliberation.thread(new org.commonweal.platform.core.subjects.Subject(ProblemIndex.SOLUTION, s.id()), user));
    }

    private void propose(Context ctx) {
        Problem p = problems.find(Web.id(ctx, "id")).filter(x -> !x.withdrawn()).orElseThrow(NotFoundResponse::new);
        if (!posting.mayPost(ctx)) return;
        Form form = Form.read(ctx, "title", "description", "proposal");
        Optional<Long> id = solutions.propose(p.id(), web.requireUser(ctx).id(), form, web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            CurrentUser user = web.requireUser(ctx);
            web.render(ctx, "problems/problem.jte", web.page(ctx, "problems.problem.title", p.title()), "problem", p,
                    "mine", p.authorId() != null && p.authorId() == user.id(), "supporting", supports.supports(p.id(), user.id()),
                    "byPlace", supports.byPlace(p.id()), "solutions", solutions.forProblem(p.id()), "statusForm", Form.empty(), "solutionForm", form,
                    "thread", deliberation.thread(new org.commonweal.platform.core.subjects.Subject(ProblemIndex.PROBLEM, p.id()), user));
            return;
        }
        web.redirectWithNotice(ctx, ProblemIndex.solutionUrl(id.get()), "problems.solution.posted");
    }

    private void withdraw(Context ctx) {
        Solution s = solution(ctx);
        Optional<Refusal> refused = solutions.withdraw(s.id(), web.requireUser(ctx).id(), web.actor(ctx));
        web.answer(ctx, refused, ProblemIndex.problemUrl(s.problemId()), "problems.solution.withdrawn", () -> show(ctx, s, Form.empty()), ProblemRoutes.CLOSED);
    }

    private void changeStatus(Context ctx) {
        Solution s = solution(ctx);
        Form form = Form.read(ctx, "status", "reason");
        Optional<Refusal> refused = solutions.changeStatus(s.id(), form, web.actor(ctx));
        web.answer(ctx, refused, ProblemIndex.solutionUrl(s.id()), "problems.statusChanged", () -> show(ctx, s, form), ProblemRoutes.CLOSED);
    }

    /** The budgets open for proposals now whose pots cover the solution's place, each with those pots. */
    private Map<BudgetProcess, List<Pot>> openBudgets(Solution s) {
        Map<BudgetProcess, List<Pot>> open = new LinkedHashMap<>();
        Map<Long, BudgetProcess> byId = new LinkedHashMap<>();
        for (Pot pot : budgets.potsOpenForProposals(s.placeId())) {
            BudgetProcess process = byId.computeIfAbsent(pot.processId(), id -> budgets.process(id).orElseThrow());
            open.computeIfAbsent(process, k -> new java.util.ArrayList<>()).add(pot);
        }
        return open;
    }

    private Solution goingToBudget(Context ctx) {
        Solution s = solution(ctx);
        if (!s.mayGoToBudget()) {
            web.refuse(ctx, Refusal.CLOSED, () -> { }, ProblemRoutes.CLOSED);
            return null;
        }
        return s;
    }

    private void chooseBudget(Context ctx) {
        Solution s = goingToBudget(ctx);
        if (s == null) return;
        web.render(ctx, "problems/budgets.jte", web.page(ctx, "problems.budget.title"), "solution", s, "open", openBudgets(s));
    }

    /** The budget's proposal form, filled in from the solution (or showing what was posted, with its errors). */
    private void showProposalForm(Context ctx, Solution s, Form posted) {
        if (!s.mayGoToBudget()) {
            web.refuse(ctx, Refusal.CLOSED, () -> { }, ProblemRoutes.CLOSED);
            return;
        }
        long processId = Web.id(ctx, "process");
        Map.Entry<BudgetProcess, List<Pot>> open = openBudgets(s).entrySet().stream().filter(e -> e.getKey().id() == processId)
                .findFirst().orElseThrow(NotFoundResponse::new);
        Form form = posted;
        if (form == null) {
            Problem problem = problems.find(s.problemId()).orElseThrow(NotFoundResponse::new);
            form = Form.empty().set("pot", String.valueOf(open.getValue().getFirst().id())).set("title", s.title())
                    .set("description", s.description().isEmpty() ? problem.description() : s.description())
                    .set("theme", problem.theme()).set("place", String.valueOf(s.placeId())).set("estimatedCost", "");
        }
        web.render(ctx, "budgets/proposal-form.jte", web.page(ctx, "budgets.proposal.new.title"), "process", open.getKey(), "editing", null,
                "form", form, "pots", open.getValue(), "places", places.tree(), "action", "/solutions/" + s.id() + "/budget/" + processId);
    }

    private void submitProposal(Context ctx) {
        Solution s = goingToBudget(ctx);
        if (s == null) return;
        long processId = Web.id(ctx, "process");
        List<Pot> pots = openBudgets(s).entrySet().stream().filter(e -> e.getKey().id() == processId).map(Map.Entry::getValue)
                .findFirst().orElseThrow(NotFoundResponse::new);
        if (!posting.mayPost(ctx)) return;
        Form form = Form.read(ctx, PROPOSAL_FIELDS);
        Optional<Pot> pot = ProblemService.parseId(form.value("pot")).flatMap(id -> pots.stream().filter(p -> p.id() == id).findFirst());
        if (pot.isEmpty()) form.error("pot", "budgets.error.pot");
        Optional<Long> proposal = pot.isEmpty() ? Optional.empty() : proposals.submit(pot.get().id(), web.requireUser(ctx).id(), form, web.actor(ctx));
        if (proposal.isEmpty()) {
            ctx.status(422);
            showProposalForm(ctx, s, form);
            return;
        }
        Optional<Refusal> refused = solutions.sentToBudget(s.id(), new Subject("proposal", proposal.get()), web.actor(ctx));
        // Someone else sent the solution at the same moment: the proposal stands on its own; the solution keeps the first link.
        web.redirectWithNotice(ctx, ProblemIndex.solutionUrl(s.id()), refused.isEmpty() ? "problems.solution.sentToBudget" : "problems.solution.alreadyInBudget");
    }
}
