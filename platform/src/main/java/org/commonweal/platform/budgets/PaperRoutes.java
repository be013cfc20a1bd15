package org.commonweal.platform.budgets;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Officers key in paper ballots twice (a fast keyboard form that stays put for the next sheet), and settle the
 * sheets whose two entries differ on the reconciliation screen, by choosing one entry or keying the sheet again.
 */
final class PaperRoutes implements Routes {
    private static final int MAX_BATCH = 100;
    private static final int MAX_SHEET = 1_000_000;
    private final Web web;
    private final BudgetService budgets;
    private final ProposalService proposals;
    private final PaperSheets sheets;
    private final VoterRegister register;

    PaperRoutes(Web web, BudgetService budgets, ProposalService proposals, PaperSheets sheets, VoterRegister register) {
        this.web = web;
        this.budgets = budgets;
        this.proposals = proposals;
        this.sheets = sheets;
        this.register = register;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/budgets/{id}/pots/{pot}/paper", this::showEntry, Access.ROLE, Role.OFFICER);
        r.post("/budgets/{id}/pots/{pot}/paper", this::enter, Access.ROLE, Role.OFFICER);
        r.get("/budgets/{id}/pots/{pot}/paper/reconcile", ctx -> renderReconcile(ctx, null), Access.ROLE, Role.OFFICER);
        r.post("/budgets/{id}/pots/{pot}/paper/sheets/{sheet}/pick", this::pick, Access.ROLE, Role.OFFICER);
        r.get("/budgets/{id}/pots/{pot}/paper/sheets/{sheet}/rekey", ctx -> renderRekey(ctx, disputed(ctx), Form.empty(), null), Access.ROLE, Role.OFFICER);
        r.post("/budgets/{id}/pots/{pot}/paper/sheets/{sheet}/rekey", this::rekey, Access.ROLE, Role.OFFICER);
    }

    private BudgetProcess process(Context ctx) {
        return ProcessRoutes.process(ctx, budgets);
    }

    private Pot pot(Context ctx) {
        return ProcessRoutes.pot(ctx, budgets);
    }

    private void showEntry(Context ctx) {
        Form form = Form.empty().set("batch", Optional.ofNullable(ctx.queryParam("batch")).orElse(""));
        String last = ctx.queryParam("last");
        renderEntry(ctx, form, null, last != null && last.matches("[0-9]{1,7}") ? last : null);
    }

    private void renderEntry(Context ctx, Form form, String problem, String lastSheet) {
        BudgetProcess process = process(ctx);
        Pot pot = pot(ctx);
        web.render(ctx, "budgets/paper.jte", web.page(ctx, "budgets.paper.title", pot.name()), "process", process, "pot", pot,
                "proposals", proposals.feasible(pot.id()), "form", form, "problem", problem, "register", register.exists(pot.id()),
                "rekey", null, "lastSheet", lastSheet, "awaiting", sheets.awaitingSecondKey(pot.id()), "disputed", sheets.disputedCount(pot.id()));
    }

    private void renderRekey(Context ctx, PaperSheets.Disputed sheet, Form form, String problem) {
        BudgetProcess process = process(ctx);
        Pot pot = pot(ctx);
        web.render(ctx, "budgets/paper.jte", web.page(ctx, "budgets.paper.rekey.title", String.valueOf(sheet.sheet()), sheet.batch()), "process", process, "pot", pot,
                "proposals", proposals.feasible(pot.id()), "form", form, "problem", problem, "register", register.exists(pot.id()),
                "rekey", new PaperSheetNumber(sheet.batch(), sheet.sheet()), "lastSheet", null, "awaiting", List.of(), "disputed", 0L);
    }

    private void renderReconcile(Context ctx, String problem) {
        BudgetProcess process = process(ctx);
        Pot pot = pot(ctx);
        List<Proposal> onBallot = proposals.feasible(pot.id());
        String tick = web.messages().get("budgets.paper.reconcile.ticked");
        List<SheetComparison> comparisons = new ArrayList<>();
        for (PaperSheets.Disputed d : sheets.disputed(pot.id())) comparisons.add(SheetComparison.of(d, onBallot, pot.ballotType(), tick));
        web.render(ctx, "budgets/paper-reconcile.jte", web.page(ctx, "budgets.paper.reconcile.title", pot.name()), "process", process, "pot", pot,
                "sheets", comparisons, "awaiting", sheets.awaitingSecondKey(pot.id()), "problem", problem);
    }

    private PaperSheets.Disputed disputed(Context ctx) {
        return sheets.disputed(pot(ctx).id(), Web.id(ctx, "sheet")).orElseThrow(NotFoundResponse::new);
    }

    /** The fields of the entry form: the sheet's number, the register identifier, and the ballot as typed. */
    private Form read(Context ctx, Pot pot) {
        List<String> fields = new ArrayList<>(List.of("batch", "sheet", "identifier", "projects"));
        for (Proposal p : proposals.feasible(pot.id())) fields.add("points." + p.id());
        return Form.read(ctx, fields.toArray(String[]::new));
    }

    private void enter(Context ctx) {
        BudgetProcess process = process(ctx);
        Pot pot = pot(ctx);
        Form form = read(ctx, pot);
        String batch = form.requireText("batch", MAX_BATCH, "budgets.paper.error.batch", "budgets.paper.error.batchTooLong").replaceAll("\\s+", " ");
        Integer sheet = sheetNumber(form);
        String registerHash = registerHash(pot, form);
        BallotValidator.Checked checked = PaperBallotForm.check(pot, proposals.feasible(pot.id()), ctx.formParamMap());
        if (form.hasErrors() || !checked.valid()) {
            ctx.status(422);
            renderEntry(ctx, form, checked.valid() ? null : web.messages().get(checked.errorKey(), checked.args().toArray()), null);
            return;
        }
        PaperSheets.Outcome outcome = sheets.key(pot, batch, sheet, checked.choice(), registerHash, web.actor(ctx));
        if (!outcome.accepted()) {
            ctx.status(409);
            renderEntry(ctx, Form.empty().set("batch", batch), web.messages().get(outcome.messageKey, batch, String.valueOf(sheet)), null);
            return;
        }
        web.redirectWithNotice(ctx, "/budgets/" + process.id() + "/pots/" + pot.id() + "/paper?batch=" + URLEncoder.encode(batch, StandardCharsets.UTF_8)
                + "&last=" + sheet, outcome.messageKey);
    }

    private void pick(Context ctx) {
        BudgetProcess process = process(ctx);
        Pot pot = pot(ctx);
        PaperSheets.Disputed sheet = disputed(ctx);
        long entry = BudgetService.parseId(Optional.ofNullable(ctx.formParam("entry")).orElse("")).orElse(0L);
        settled(ctx, process, pot, sheet, sheets.pick(pot, sheet.sheetId(), entry, web.actor(ctx)));
    }

    private void rekey(Context ctx) {
        BudgetProcess process = process(ctx);
        Pot pot = pot(ctx);
        PaperSheets.Disputed sheet = disputed(ctx);
        Form form = read(ctx, pot);
        String registerHash = registerHash(pot, form);
        BallotValidator.Checked checked = PaperBallotForm.check(pot, proposals.feasible(pot.id()), ctx.formParamMap());
        if (form.hasErrors() || !checked.valid()) {
            ctx.status(422);
            renderRekey(ctx, sheet, form, checked.valid() ? null : web.messages().get(checked.errorKey(), checked.args().toArray()));
            return;
        }
        settled(ctx, process, pot, sheet, sheets.rekey(pot, sheet.sheetId(), checked.choice(), registerHash, web.actor(ctx)));
    }

    private void settled(Context ctx, BudgetProcess process, Pot pot, PaperSheets.Disputed sheet, PaperSheets.Outcome outcome) {
        if (outcome != PaperSheets.Outcome.COUNTED) {
            ctx.status(409);
            renderReconcile(ctx, web.messages().get(outcome.messageKey, sheet.batch(), String.valueOf(sheet.sheet())));
            return;
        }
        web.redirectWithNotice(ctx, "/budgets/" + process.id() + "/pots/" + pot.id() + "/paper/reconcile", "budgets.paper.reconciled");
    }

    private static Integer sheetNumber(Form form) {
        String v = form.value("sheet").strip();
        if (v.matches("[0-9]{1,7}")) {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_SHEET) return n;
        }
        form.error("sheet", "budgets.paper.error.sheet");
        return null;
    }

    /** In a pot with a register, the hash of the identifier typed from the paper, which must be on it; null otherwise. */
    private String registerHash(Pot pot, Form form) {
        if (!register.exists(pot.id())) return null;
        String typed = form.value("identifier");
        if (typed.isBlank()) {
            form.error("identifier", "budgets.register.error.identifierMissing");
            return null;
        }
        Optional<String> hash = register.listed(pot.id(), typed);
        if (hash.isEmpty()) form.error("identifier", "budgets.register.error.notListed");
        return hash.orElse(null);
    }
}
