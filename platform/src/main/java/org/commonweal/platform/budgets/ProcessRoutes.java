package org.commonweal.platform.budgets;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.pb.TieBreak;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.ControlCharacters;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Processes, pots and phases (officers set up and move on; anyone reads), results and the pabulib export. */
final class ProcessRoutes implements Routes {
    private static final String[] POT_FIELDS = {"name", "place", "amount", "currency", "ballotType", "minProjects", "maxProjects", "maxPoints", "voters",
            "rule", "tieBreak", "tieSeed"};
    private static final Web.Closed RECOUNT_CLOSED = new Web.Closed("budgets.results.recountClosed.title", "budgets.results.recountClosed.body");
    private final Web web;
    private final BudgetService budgets;
    private final BallotBox ballots;
    private final PaperSheets paper;
    private final ResultService results;
    private final PlaceService places;
    private final DeliveryService delivery;
    private final PabulibImport importer;
    private final org.commonweal.platform.deliberation.Deliberation deliberation;

    ProcessRoutes(Web web, BudgetService budgets, BallotBox ballots, PaperSheets paper, ResultService results, PlaceService places, DeliveryService delivery,
                  PabulibImport importer, org.commonweal.platform.deliberation.Deliberation deliberation) {
        this.web = web;
        this.budgets = budgets;
        this.ballots = ballots;
        this.paper = paper;
        this.results = results;
        this.places = places;
        this.delivery = delivery;
        this.importer = importer;
        this.deliberation = deliberation;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/budgets", ctx -> web.render(ctx, "budgets/index.jte", web.page(ctx, "budgets.index.title"), "processes", budgets.processes()), Access.PUBLIC, Role.ANYONE);
        r.get("/budgets/new", ctx -> showNew(ctx, Form.empty()), Access.ROLE, Role.OFFICER);
        r.post("/budgets", this::create, Access.ROLE, Role.OFFICER);
        r.get("/budgets/import", ctx -> showImport(ctx, Form.empty(), null), Access.ROLE, Role.OFFICER);
        r.post("/budgets/import", this::importPabulib, Access.ROLE, Role.OFFICER);
        r.get("/budgets/{id}", this::show, Access.PUBLIC, Role.ANYONE);
        r.get("/budgets/{id}/phase", ctx -> confirmPhase(ctx, process(ctx), null), Access.ROLE, Role.OFFICER);
        r.post("/budgets/{id}/phase", this::advance, Access.ROLE, Role.OFFICER);
        r.post("/budgets/{id}/dates", this::saveDates, Access.ROLE, Role.OFFICER);
        r.get("/budgets/{id}/pots/new", ctx -> showNewPot(ctx, process(ctx), defaults()), Access.ROLE, Role.OFFICER);
        r.post("/budgets/{id}/pots", this::createPot, Access.ROLE, Role.OFFICER);
        r.get("/budgets/{id}/pots/{pot}/edit", this::showEditPot, Access.ROLE, Role.OFFICER);
        r.post("/budgets/{id}/pots/{pot}", this::updatePot, Access.ROLE, Role.OFFICER);
        r.get("/budgets/{id}/pots/{pot}/results", this::showResults, Access.PUBLIC, Role.ANYONE);
        r.post("/budgets/{id}/pots/{pot}/recount", this::recount, Access.ROLE, Role.OFFICER);
        r.get("/budgets/{id}/pots/{pot}/votes.pb", this::export, Access.PUBLIC, Role.ANYONE);
    }

    private BudgetProcess process(Context ctx) {
        return process(ctx, budgets);
    }

    /** The process named in the path, or 404. */
    static BudgetProcess process(Context ctx, BudgetService budgets) {
        return budgets.process(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    /** The pot named in the path, which must belong to the process in the path. */
    static Pot pot(Context ctx, BudgetService budgets) {
        Pot pot = budgets.pot(Web.id(ctx, "pot")).orElseThrow(NotFoundResponse::new);
        if (pot.processId() != Web.id(ctx, "id")) throw new NotFoundResponse();
        return pot;
    }

    private void showNew(Context ctx, Form form) {
        web.render(ctx, "budgets/new.jte", web.page(ctx, "budgets.new.title"), "form", form, "places", places.tree());
    }

    private void create(Context ctx) {
        Form form = Form.read(ctx, "title", "summary", "place");
        var id = budgets.createProcess(form, web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            showNew(ctx, form);
            return;
        }
        web.redirectWithNotice(ctx, "/budgets/" + id.get(), "budgets.created");
    }

    private void showImport(Context ctx, Form form, String problem) {
        web.render(ctx, "budgets/import.jte", web.page(ctx, "budgets.import.title"), "form", form, "places", places.tree(), "problem", problem);
    }

    private void importPabulib(Context ctx) throws java.io.IOException {
        Form form = Form.read(ctx, "place");
        var place = BudgetService.parseId(form.value("place")).flatMap(places::find);
        if (place.isEmpty()) form.error("place", "error.place.unknown");
        var file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) form.error("file", "budgets.import.error.file");
        if (form.hasErrors()) {
            ctx.status(422);
            showImport(ctx, form, null);
            return;
        }
        String text;
        try (var in = file.content()) {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            ctx.status(422);
            showImport(ctx, form, web.messages().get("budgets.import.error.encoding", file.filename()));
            return;
        }
        int controlLine = ControlCharacters.firstLine(text);
        if (controlLine > 0) {
            ctx.status(422);
            showImport(ctx, form, web.messages().get("upload.controlCharacters", controlLine));
            return;
        }
        PabulibImport.Result result = importer.run(text, file.filename(), place.get().id(), web.actor(ctx));
        if (result.processId() == null) {
            ctx.status(422);
            showImport(ctx, form, web.messages().get(result.errorKey(), result.args()));
            return;
        }
        web.redirectWithNotice(ctx, "/budgets/" + result.processId(), "budgets.import.done");
    }

    private void show(Context ctx) {
        BudgetProcess process = process(ctx);
        render(ctx, process, Form.empty(), null);
    }

    private void render(Context ctx, BudgetProcess process, Form datesForm, String problem) {
        List<Pot> pots = budgets.pots(process.id());
        List<Long> turnout = new ArrayList<>();
        for (Pot p : pots) turnout.add(ballots.turnout(p.id()));
        // Who may vote in each pot, in words, and while voting is open why the signed-in resident may not (no key: they may).
        Map<Long, VoterRule> rules = new java.util.HashMap<>();
        Map<Long, BallotBox.Ineligible> ineligible = new java.util.HashMap<>();
        var user = web.user(ctx);
        // Pots whose rule requires a register that is not uploaded: a register can only be started before voting opens.
        List<Pot> needRegister = new ArrayList<>();
        for (Pot p : pots) {
            rules.put(p.id(), ballots.rule(p));
            if (p.voters().register() && !ballots.hasRegister(p) && process.phase().ordinal() < Phase.VOTING.ordinal()) needRegister.add(p);
            if (user != null && process.phase() == Phase.VOTING) {
                BallotBox.Ineligible why = ballots.eligibility(p, Voter.of(user));
                if (why != null) ineligible.put(p.id(), why);
            }
        }
        var dates = budgets.phaseDates(process.id());
        if (datesForm.errors().isEmpty() && datesForm.value(Phase.INFORMATION.stored() + ".starts").isEmpty()) {
            datesForm.set("autoAdvance", process.autoAdvance() ? "on" : "");
            for (var e : dates.entrySet()) {
                datesForm.set(e.getKey().stored() + ".starts", e.getValue()[0] == null ? "" : e.getValue()[0].toString());
                datesForm.set(e.getKey().stored() + ".ends", e.getValue()[1] == null ? "" : e.getValue()[1].toString());
            }
        }
        web.render(ctx, "budgets/process.jte", web.page(ctx, "budgets.process.title", process.title()), "process", process, "pots", pots, "rules", rules, "ineligible", ineligible, "needRegister", needRegister,
                "turnout", turnout, "dates", dates, "datesForm", datesForm, "problem", problem, "pendingPaper", paper.pendingByPot(process.id()),
                "projects", process.phase().resultsPublished() ? delivery.projects(process.id()) : List.<DeliveryService.Project>of(),
                "follow", deliberation.followButton(new org.commonweal.platform.core.subjects.Subject(BudgetsFeature.PROCESS_KIND, process.id()), web.user(ctx)));
    }

    /**
     * The second step of moving a stage: what opening the next one does (closing voting, publishing for good), with the
     * button that does it. {@code problem} says why the first try did nothing.
     */
    private void confirmPhase(Context ctx, BudgetProcess process, String problem) {
        if (process.phase().next() == null) {
            ctx.redirect("/budgets/" + process.id());
            return;
        }
        web.render(ctx, "budgets/phase-confirm.jte", web.page(ctx, "budgets.confirm." + process.phase().next().stored() + ".title", process.title()),
                "process", process, "pots", budgets.pots(process.id()), "pendingPaper", paper.pendingByPot(process.id()), "problem", problem);
    }

    private void advance(Context ctx) {
        BudgetProcess process = process(ctx);
        if (!"yes".equals(ctx.formParam("confirm"))) {
            // Only the confirmation page's button moves a stage: a stray or forged post changes nothing.
            ctx.status(422);
            confirmPhase(ctx, process, web.messages().get("budgets.confirm.missing"));
            return;
        }
        boolean moved;
        try {
            moved = budgets.advancePhase(process.id(), ctx.formParam("from") == null ? "" : ctx.formParam("from"), web.actor(ctx));
        } catch (IllegalArgumentException e) {
            // A rule that refuses a pot's ballots (the engine names why); the transaction rolled back, so voting stays open.
            ctx.status(409);
            render(ctx, process, Form.empty(), web.messages().get("budgets.phase.countFailed", e.getMessage()));
            return;
        }
        if (!moved) {
            ctx.status(409);
            render(ctx, process, Form.empty(), web.messages().get("budgets.phase.stale"));
            return;
        }
        web.redirectWithNotice(ctx, "/budgets/" + process.id(), "budgets.phase.moved");
    }

    private void saveDates(Context ctx) {
        BudgetProcess process = process(ctx);
        List<String> fields = new ArrayList<>();
        for (Phase p : Phase.values()) {
            fields.add(p.stored() + ".starts");
            fields.add(p.stored() + ".ends");
        }
        fields.add("autoAdvance");
        Form form = Form.read(ctx, fields.toArray(String[]::new));
        if (!budgets.savePhaseDates(process.id(), form, web.actor(ctx))) {
            ctx.status(422);
            render(ctx, process, form, null);
            return;
        }
        web.redirectWithNotice(ctx, "/budgets/" + process.id(), "budgets.dates.saved");
    }

    private static Form defaults() {
        return Form.of(Map.of("currency", "GBP", "ballotType", "knapsack", "rule", "greedy", "tieBreak", TieBreak.DEFAULT.spec(), "voters", VoterRule.DECLARED.stored()));
    }

    private void showNewPot(Context ctx, BudgetProcess process, Form form) {
        showPotForm(ctx, process, null, form);
    }

    private void showPotForm(Context ctx, BudgetProcess process, Pot editing, Form form) {
        web.render(ctx, "budgets/pot-new.jte", web.page(ctx, editing == null ? "budgets.pot.new.title" : "budgets.pot.edit.title"), "process", process,
                "form", form, "places", places.tree(), "rules", BudgetService.ruleNames(), "editing", editing,
                "voterRules", VoterRule.storedValues());
    }

    private void showEditPot(Context ctx) {
        BudgetProcess process = process(ctx);
        Pot pot = pot(ctx, budgets);
        Form form = Form.empty().set("name", pot.name()).set("place", String.valueOf(pot.placeId())).set("amount", Money.plain(pot.amount(), pot.currency()))
                .set("currency", pot.currency()).set("ballotType", pot.ballotType().stored()).set("minProjects", String.valueOf(pot.minProjects()))
                .set("maxProjects", pot.maxProjects() == null ? "" : pot.maxProjects().toString())
                .set("maxPoints", pot.maxPoints() == null ? "" : pot.maxPoints().toString()).set("rule", pot.rule()).set("tieBreak", pot.tieBreak())
                .set("tieSeed", String.valueOf(pot.tieSeed())).set("voters", pot.voters().stored());
        showPotForm(ctx, process, pot, form);
    }

    private void updatePot(Context ctx) {
        BudgetProcess process = process(ctx);
        Pot pot = pot(ctx, budgets);
        Form form = Form.read(ctx, POT_FIELDS);
        if (!budgets.updatePot(pot, form, web.actor(ctx))) {
            ctx.status(422);
            showPotForm(ctx, process, pot, form);
            return;
        }
        web.redirectWithNotice(ctx, "/budgets/" + process.id(), "budgets.pot.saved");
    }

    private void createPot(Context ctx) {
        BudgetProcess process = process(ctx);
        Form form = Form.read(ctx, POT_FIELDS);
        var id = budgets.createPot(process.id(), form, web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            showNewPot(ctx, process, form);
            return;
        }
        web.redirectWithNotice(ctx, "/budgets/" + process.id(), "budgets.pot.created");
    }

    /** Published results for anyone; while counting, the provisional result for officers only (anyone else: 404, as before a count). */
    private void showResults(Context ctx) {
        BudgetProcess process = process(ctx);
        Pot pot = pot(ctx, budgets);
        var user = web.user(ctx);
        boolean provisional = process.phase() == Phase.COUNTING;
        boolean visible = process.phase().resultsPublished() || (provisional && user != null && user.has(Role.OFFICER));
        var result = visible ? results.result(pot.id()) : java.util.Optional.<ResultService.Result>empty();
        if (result.isEmpty()) throw new NotFoundResponse();
        if (provisional) ctx.header("Cache-Control", "no-store");
        web.render(ctx, "budgets/results.jte", web.page(ctx, provisional ? "budgets.results.provisionalTitle" : "budgets.results.title", pot.name()),
                "process", process, "pot", pot, "result", result.get(), "rows", results.rows(pot.id()), "delivery", delivery.current(pot.id()),
                "pendingPaper", paper.pending(pot.id()), "provisional", provisional, "audit", results.audit(pot, result.get()));
    }

    private void recount(Context ctx) {
        BudgetProcess process = process(ctx);
        Pot pot = pot(ctx, budgets);
        var refused = budgets.recount(process.id(), pot.id(), web.actor(ctx));
        web.answer(ctx, refused, "/budgets/" + process.id() + "/pots/" + pot.id() + "/results", "budgets.results.recounted",
                () -> ctx.redirect("/budgets/" + process.id()), RECOUNT_CLOSED);
    }

    private void export(Context ctx) {
        BudgetProcess process = process(ctx);
        Pot pot = pot(ctx, budgets);
        if (!process.phase().resultsPublished()) throw new NotFoundResponse();
        ctx.header("Content-Disposition", "attachment; filename=\"commonweal-pot-" + pot.id() + ".pb\"");
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(results.pabulib(pot, process.title()));
    }
}
