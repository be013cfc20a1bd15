package org.commonweal.platform.budgets;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Feature;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

import java.util.List;
import java.util.Map;

/**
 * The ballot: fill in (no JavaScript needed), review with the pot's spend shown, cast, and get a receipt
 * shown once. Anyone can check a receipt. Invalid ballots are refused with a message and nothing stored.
 */
final class VotingRoutes implements Feature {
    private final Web web;
    private final BudgetService budgets;
    private final ProposalService proposals;
    private final BallotBox ballots;

    VotingRoutes(Web web, BudgetService budgets, ProposalService proposals, BallotBox ballots) {
        this.web = web;
        this.budgets = budgets;
        this.proposals = proposals;
        this.ballots = ballots;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/budgets/receipt", ctx -> web.render(ctx, "budgets/check.jte", web.page(ctx, "budgets.receipt.check.title"),
                "form", Form.empty(), "status", null), Role.ANYONE);
        r.post("/budgets/receipt", this::checkReceipt, Role.ANYONE);
        r.get("/budgets/{id}/pots/{pot}/vote", this::showBallot, Role.RESIDENT);
        r.post("/budgets/{id}/pots/{pot}/vote", this::vote, Role.RESIDENT);
    }

    private void checkReceipt(Context ctx) {
        Form form = FormReader.read(ctx, "receipt");
        String code = form.value("receipt").strip();
        BallotBox.ReceiptStatus status = null;
        if (code.isEmpty() || code.length() > 64) {
            form.error("receipt", "budgets.receipt.error.required");
            ctx.status(422);
        } else {
            status = ballots.check(code);
        }
        web.render(ctx, "budgets/check.jte", web.page(ctx, "budgets.receipt.check.title"), "form", form, "status", status);
    }

    private BudgetProcess process(Context ctx) {
        return budgets.process(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void showBallot(Context ctx) {
        BudgetProcess process = process(ctx);
        Pot pot = ProcessRoutes.pot(ctx, budgets);
        renderBallot(ctx, process, pot, Map.of(), null);
    }

    private void renderBallot(Context ctx, BudgetProcess process, Pot pot, Map<String, List<String>> submitted, String error) {
        CurrentUser user = web.requireUser(ctx);
        BallotBox.Ineligible why = ballots.eligibility(pot, user);
        if (why != null && error == null) ctx.status(403);
        web.render(ctx, "budgets/vote.jte", web.page(ctx, "budgets.vote.title", pot.name()), "process", process, "pot", pot,
                "proposals", proposals.feasible(pot.id()), "ineligible", why, "submitted", submitted, "error", error,
                "hasVoted", why == null && ballots.hasVoted(pot.id(), user.id()),
                "totals", pot.showTotals() ? ballots.totals(pot) : Map.of());
    }

    private void vote(Context ctx) {
        BudgetProcess process = process(ctx);
        Pot pot = ProcessRoutes.pot(ctx, budgets);
        CurrentUser user = web.requireUser(ctx);
        if (ballots.eligibility(pot, user) != null) {
            renderBallot(ctx, process, pot, Map.of(), null);
            return;
        }
        Map<String, List<String>> submitted = ctx.formParamMap();
        List<Proposal> onBallot = proposals.feasible(pot.id());
        BallotValidator.Checked checked = BallotValidator.check(pot, onBallot, submitted);
        if (!checked.valid()) {
            ctx.status(422);
            renderBallot(ctx, process, pot, submitted, web.messages().get(checked.errorKey(), checked.args().toArray()));
            return;
        }
        if (!"cast".equals(ctx.formParam("step"))) {
            long spend = 0;
            for (Proposal p : onBallot) if (checked.choice().proposalIds().contains(p.id())) spend += p.cost();
            web.render(ctx, "budgets/vote-review.jte", web.page(ctx, "budgets.vote.review.title", pot.name()), "process", process, "pot", pot,
                    "proposals", onBallot, "choice", checked.choice(), "spend", spend);
            return;
        }
        var receipt = ballots.cast(pot, user, checked.choice());
        if (receipt.isEmpty()) {
            renderBallot(ctx, process, pot, Map.of(), null);
            return;
        }
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, "budgets/receipt.jte", web.page(ctx, "budgets.receipt.title"), "process", process, "pot", pot, "receipt", receipt.get());
    }
}
