package org.commonweal.platform.budgets;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

import java.util.List;
import java.util.Map;

/**
 * The ballot: fill in (no JavaScript needed), review with the pot's spend shown, cast, and get a receipt
 * shown once. Residents vote signed in; holders of a posted voting code vote with it instead. Anyone can
 * check a receipt. Invalid ballots are refused with a message and nothing stored.
 */
final class VotingRoutes implements Routes {
    private static final int MAX_CODES = 10_000;
    private final Web web;
    private final BudgetService budgets;
    private final ProposalService proposals;
    private final BallotBox ballots;
    private final VoterRegister register;
    private final String baseUrl;
    private final ResultService results;

    VotingRoutes(Web web, BudgetService budgets, ProposalService proposals, BallotBox ballots, VoterRegister register, String baseUrl,
                 ResultService results) {
        this.results = results;
        this.web = web;
        this.budgets = budgets;
        this.proposals = proposals;
        this.ballots = ballots;
        this.register = register;
        this.baseUrl = baseUrl;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/budgets/receipt", ctx -> web.render(ctx, "budgets/check.jte", web.page(ctx, "budgets.receipt.check.title"),
                "form", Form.empty(), "status", null, "share", null, "sharePot", null), Access.SECRET, Role.ANYONE);
        r.post("/budgets/receipt", this::checkReceipt, Access.SECRET, Role.ANYONE);
        r.get("/budgets/{id}/pots/{pot}/vote", ctx -> renderBallot(ctx, process(ctx), ProcessRoutes.pot(ctx, budgets),
                Voter.of(web.requireUser(ctx)), null, Map.of(), null), Access.ROLE, Role.RESIDENT);
        r.post("/budgets/{id}/pots/{pot}/vote", this::voteAsResident, Access.ROLE, Role.RESIDENT);
        r.get("/budgets/{id}/pots/{pot}/code-vote", ctx -> renderCodeEntry(ctx, ProcessRoutes.pot(ctx, budgets), Form.empty()), Access.SECRET, Role.ANYONE);
        r.post("/budgets/{id}/pots/{pot}/code-vote", this::voteWithCode, Access.SECRET, Role.ANYONE);
        r.post("/budgets/{id}/pots/{pot}/codes", this::issueCodes, Access.ROLE, Role.OFFICER);
    }

    private void checkReceipt(Context ctx) {
        Form form = Form.read(ctx, "receipt");
        String code = form.value("receipt").strip();
        BallotBox.ReceiptStatus status = null;
        ResultService.BallotShare share = null;
        Pot sharePot = null;
        if (code.isEmpty() || code.length() > 64) {
            form.error("receipt", "budgets.receipt.error.required");
            ctx.status(422);
        } else {
            status = ballots.check(code);
            // Once the results are out, the holder of the receipt (and only they: it is never stored, only its hash) sees
            // how the ballot's equal share was spent. The answer names the ballot's funded choices, so it is never cached.
            var counted = status == BallotBox.ReceiptStatus.COUNTED ? ballots.countedReceipt(code) : java.util.Optional.<BallotBox.CountedReceipt>empty();
            if (counted.isPresent()) {
                Pot pot = budgets.pot(counted.get().potId()).orElse(null);
                boolean published = pot != null && budgets.process(pot.processId()).map(p -> p.phase().resultsPublished()).orElse(false);
                if (published) {
                    share = results.share(pot, counted.get().index()).orElse(null);
                    if (share != null) sharePot = pot;
                }
            }
            ctx.header("Cache-Control", "no-store");
        }
        web.render(ctx, "budgets/check.jte", web.page(ctx, "budgets.receipt.check.title"), "form", form, "status", status,
                "share", share, "sharePot", sharePot);
    }

    private BudgetProcess process(Context ctx) {
        return ProcessRoutes.process(ctx, budgets);
    }

    private void renderCodeEntry(Context ctx, Pot pot, Form form) {
        web.render(ctx, "budgets/code.jte", web.page(ctx, "budgets.code.title", pot.name()), "process", process(ctx), "pot", pot, "form", form);
    }

    private void renderBallot(Context ctx, BudgetProcess process, Pot pot, Voter voter, String code, Map<String, List<String>> submitted, String error) {
        BallotBox.Ineligible why = ballots.eligibility(pot, voter);
        // Looking is not refused: the page says why and how to become eligible. A ballot sent anyway is refused, with the same page.
        if (why != null && error == null && ctx.method() != io.javalin.http.HandlerType.GET) ctx.status(403);
        boolean hasRegister = register.exists(pot.id());
        web.render(ctx, "budgets/vote.jte", web.page(ctx, "budgets.vote.title", pot.name()), "process", process, "pot", pot,
                "proposals", proposals.feasible(pot.id()), "ineligible", why, "submitted", submitted, "error", error,
                "hasVoted", why == null && ballots.hasVoted(pot.id(), voter), "code", code, "register", hasRegister,
                "rule", pot.voters().withRegister(hasRegister));
    }

    private void voteAsResident(Context ctx) {
        BudgetService.PotInProcess at = potInProcess(ctx);
        Voter voter = Voter.of(web.requireUser(ctx));
        vote(ctx, at, voter, null, casting(ctx) ? null : ballots.eligibility(at.pot(), voter));
    }

    private BudgetService.PotInProcess potInProcess(Context ctx) {
        return budgets.potInProcess(Web.id(ctx, "id"), Web.id(ctx, "pot")).orElseThrow(io.javalin.http.NotFoundResponse::new);
    }

    private void voteWithCode(Context ctx) {
        BudgetService.PotInProcess at = potInProcess(ctx);
        Pot pot = at.pot();
        Form form = Form.read(ctx, "code");
        String code = form.value("code").strip();
        BallotBox.Ineligible why = code.isEmpty() || code.length() > 64 ? BallotBox.Ineligible.UNKNOWN_CODE
                : casting(ctx) ? null : ballots.eligibility(pot, Voter.withCode(code));
        if (why == BallotBox.Ineligible.UNKNOWN_CODE) {
            refuseCode(ctx, pot, form);
            return;
        }
        if ("start".equals(ctx.formParam("step"))) {
            renderBallot(ctx, at.process(), pot, Voter.withCode(code), code, Map.of(), null);
            return;
        }
        vote(ctx, at, Voter.withCode(code), code, why);
    }

    private void refuseCode(Context ctx, Pot pot, Form form) {
        form.error("code", "budgets.code.error");
        ctx.status(403);
        renderCodeEntry(ctx, pot, form);
    }

    /** Casting checks everything about the voter under the voting lock, so the request does not check it first too. */
    private static boolean casting(Context ctx) {
        return "cast".equals(ctx.formParam("step"));
    }

    /**
     * Review (step=review) or cast (step=cast) a ballot; both validate it in full first. {@code why} is the
     * voter's eligibility as just checked, or null unchecked when casting (the cast checks it under lock, and only
     * a refusal asks why). In a pot with a voter register the ballot carries the voter's register identifier, and
     * it is the register entry that votes.
     */
    private void vote(Context ctx, BudgetService.PotInProcess at, Voter voter, String code, BallotBox.Ineligible why) {
        BudgetProcess process = at.process();
        Pot pot = at.pot();
        String identifier = null;
        if (why == null && at.hasRegister()) {
            identifier = java.util.Optional.ofNullable(ctx.formParam("identifier")).orElse("").strip();
            var entry = register.listed(pot.id(), identifier);
            if (entry.isEmpty()) {
                ctx.status(422);
                renderBallot(ctx, process, pot, voter, code, ctx.formParamMap(), web.messages().get(
                        identifier.isEmpty() ? "budgets.register.error.identifierMissing" : "budgets.register.error.notListed"));
                return;
            }
            voter = voter.onRegister(entry.get());
            if (!casting(ctx)) why = ballots.eligibility(pot, voter);
        }
        if (why != null) {
            renderBallot(ctx, process, pot, voter, code, Map.of(), null);
            return;
        }
        Map<String, List<String>> submitted = ctx.formParamMap();
        List<Proposal> onBallot = proposals.feasible(pot.id());
        BallotValidator.Checked checked = BallotValidator.check(pot, onBallot, submitted);
        if (!checked.valid()) {
            if (refusedVoter(ctx, process, pot, voter, code)) return;
            ctx.status(422);
            renderBallot(ctx, process, pot, voter, code, submitted, web.messages().get(checked.errorKey(), checked.args().toArray()));
            return;
        }
        if (!casting(ctx)) {
            long spend = 0;
            for (Proposal p : onBallot) if (checked.choice().proposalIds().contains(p.id())) spend += p.cost();
            web.render(ctx, "budgets/vote-review.jte", web.page(ctx, "budgets.vote.review.title", pot.name()), "process", process, "pot", pot,
                    "proposals", onBallot, "choice", checked.choice(), "spend", spend, "code", code, "identifier", identifier);
            return;
        }
        var receipt = ballots.cast(pot, voter, checked.choice());
        if (receipt.isEmpty()) {
            if (!refusedVoter(ctx, process, pot, voter, code)) renderBallot(ctx, process, pot, voter, code, Map.of(), null);
            return;
        }
        ctx.header("Cache-Control", "no-store");
        web.render(ctx, "budgets/receipt.jte", web.page(ctx, "budgets.receipt.title"), "process", process, "pot", pot, "receipt", receipt.get());
    }

    /**
     * When the voter may not vote (a cast refused, or an invalid ballot from someone not yet checked), answers as the
     * code or ballot page would for them and returns true: who may not vote learns that, not what was wrong with the ballot.
     */
    private boolean refusedVoter(Context ctx, BudgetProcess process, Pot pot, Voter voter, String code) {
        BallotBox.Ineligible why = ballots.eligibility(pot, voter);
        if (why == null) return false;
        if (why == BallotBox.Ineligible.UNKNOWN_CODE) refuseCode(ctx, pot, Form.empty().set("code", code));
        else renderBallot(ctx, process, pot, voter, code, Map.of(), null);
        return true;
    }

    /**
     * Officers issue codes until voting closes (a later code could never be used); the codes are returned once, as a CSV download or as a page of cards
     * to print and cut out (format=print), and never again: only their hashes are kept.
     */
    private void issueCodes(Context ctx) {
        BudgetProcess process = process(ctx);
        Pot pot = ProcessRoutes.pot(ctx, budgets);
        int count;
        try {
            count = Integer.parseInt(ctx.formParam("count") == null ? "" : ctx.formParam("count").strip());
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1 || count > MAX_CODES || process.phase().ordinal() > Phase.VOTING.ordinal()) {
            ctx.status(422);
            web.render(ctx, "error.jte", web.page(ctx, "budgets.codes.refused.title"), "message", web.messages().get("budgets.codes.refused.body", MAX_CODES));
            return;
        }
        boolean print = "print".equals(ctx.formParam("format"));
        List<String> codes = ballots.issueCodes(pot, count, print ? "printable cards" : "csv", web.actor(ctx));
        ctx.header("Cache-Control", "no-store");
        if (print) {
            web.render(ctx, "budgets/codes-print.jte", web.page(ctx, "budgets.codes.print.title", pot.name()), "process", process, "pot", pot,
                    "codes", codes, "link", baseUrl + "/budgets/" + process.id() + "/pots/" + pot.id() + "/code-vote");
            return;
        }
        StringBuilder csv = new StringBuilder("code\n");
        for (String code : codes) csv.append(code).append('\n');
        ctx.header("Content-Disposition", "attachment; filename=\"voting-codes-pot-" + pot.id() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(csv.toString());
    }
}
