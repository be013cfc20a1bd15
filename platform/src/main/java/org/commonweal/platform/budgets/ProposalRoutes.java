package org.commonweal.platform.budgets;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;

import java.util.List;
import java.util.Optional;

/** Browsing and searching proposals; residents propose, edit and withdraw; officers decide feasibility. */
final class ProposalRoutes implements Routes {
    private static final Web.Closed CLOSED = new Web.Closed("budgets.closed.title", "budgets.closed.body");
    private static final String[] FIELDS = {"pot", "title", "description", "theme", "estimatedCost", "place"};
    private final Web web;
    private final BudgetService budgets;
    private final ProposalService proposals;
    private final PlaceService places;
    private final DeliveryService delivery;
    private final org.commonweal.platform.deliberation.Deliberation deliberation;

    ProposalRoutes(Web web, BudgetService budgets, ProposalService proposals, PlaceService places, DeliveryService delivery,
                   org.commonweal.platform.deliberation.Deliberation deliberation) {
        this.web = web;
        this.budgets = budgets;
        this.proposals = proposals;
        this.places = places;
        this.delivery = delivery;
        this.deliberation = deliberation;
    }

    @Override
    public void routes(RoutesConfig r) {
        Access authored = Access.owner(new ObjectKind("budget proposal", id -> proposals.find(id).map(p -> ObjectKind.Owners.account(p.authorId()))))
                .at("proposal");
        r.get("/budgets/{id}/proposals", this::browse, Access.PUBLIC, Role.ANYONE);
        r.get("/budgets/{id}/proposals/new", ctx -> showForm(ctx, process(ctx), null, Form.empty()), Access.ROLE, Role.RESIDENT);
        r.post("/budgets/{id}/proposals", this::submit, Access.ROLE, Role.RESIDENT);
        r.get("/budgets/{id}/proposals/{proposal}", this::show, Access.PUBLIC, Role.ANYONE);
        r.get("/budgets/{id}/proposals/{proposal}/edit", this::showEdit, authored, Role.RESIDENT);
        r.post("/budgets/{id}/proposals/{proposal}", this::edit, authored, Role.RESIDENT);
        r.post("/budgets/{id}/proposals/{proposal}/withdraw", this::withdraw, authored, Role.RESIDENT);
        r.post("/budgets/{id}/proposals/{proposal}/feasibility", this::assess, Access.ROLE, Role.OFFICER);
    }

    private BudgetProcess process(Context ctx) {
        return ProcessRoutes.process(ctx, budgets);
    }

    private Proposal proposal(Context ctx, BudgetProcess process) {
        Proposal p = proposals.find(Web.id(ctx, "proposal")).orElseThrow(NotFoundResponse::new);
        if (budgets.pot(p.potId()).orElseThrow().processId() != process.id()) throw new NotFoundResponse();
        return p;
    }

    private void browse(Context ctx) {
        BudgetProcess process = process(ctx);
        String theme = Optional.ofNullable(ctx.queryParam("theme")).filter(Proposal.THEMES::contains).orElse("");
        String status = Optional.ofNullable(ctx.queryParam("status")).filter(Proposal.STATUSES::contains).orElse("");
        String outcome = Optional.ofNullable(ctx.queryParam("outcome")).filter(ProposalService.OUTCOMES::contains).orElse("");
        Long place = ctx.queryParam("place") == null ? null : BudgetService.parseId(ctx.queryParam("place")).orElse(null);
        String text = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
        if (text.length() > 200) text = text.substring(0, 200);
        int pageNo = BudgetService.parseId(Optional.ofNullable(ctx.queryParam("page")).orElse("0")).map(n -> (int) Math.min(n, 10_000)).orElse(0);
        Form filters = Form.empty().set("q", text).set("theme", theme).set("status", status).set("outcome", outcome).set("place", place == null ? "" : place.toString());
        List<Proposal> found = proposals.search(process.id(), new ProposalService.Search(text, place, theme, status, outcome, pageNo));
        String query = "q=" + enc(text) + "&theme=" + enc(theme) + "&status=" + enc(status) + "&outcome=" + enc(outcome) + "&place=" + (place == null ? "" : place);
        web.render(ctx, "budgets/proposals.jte", web.page(ctx, "budgets.proposals.title", process.title()), "process", process,
                "proposals", found.subList(0, Math.min(found.size(), ProposalService.PAGE_SIZE)), "hasNext", found.size() > ProposalService.PAGE_SIZE,
                "pageNo", pageNo, "query", query, "filters", filters, "places", places.tree(), "pots", budgets.pots(process.id()),
                "selected", process.phase().resultsPublished() ? delivery.fundedIn(process.id()) : java.util.Set.<Long>of());
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void show(Context ctx) {
        BudgetProcess process = process(ctx);
        Proposal p = proposal(ctx, process);
        renderProposal(ctx, process, p, Form.empty());
    }

    private void renderProposal(Context ctx, BudgetProcess process, Proposal p, Form assessment) {
        CurrentUser user = web.user(ctx);
        boolean mine = user != null && p.authorId() != null && p.authorId() == user.id();
        boolean funded = process.phase().resultsPublished() && delivery.funded(p.id());
        web.render(ctx, "budgets/proposal.jte", web.page(ctx, "budgets.proposal.title", p.title()), "process", process, "proposal", p,
                "pot", budgets.pot(p.potId()).orElseThrow(), "mine", mine, "assessment", assessment, "funded", funded,
                "delivery", funded ? delivery.view(p.id()) : null,
                "thread", deliberation.thread(new org.commonweal.platform.core.subjects.Subject(ProposalIndex.KIND, p.id()), user));
    }

    private void showForm(Context ctx, BudgetProcess process, Proposal editing, Form form) {
        web.render(ctx, "budgets/proposal-form.jte", web.page(ctx, editing == null ? "budgets.proposal.new.title" : "budgets.proposal.edit.title"),
                "process", process, "editing", editing, "form", form, "pots", budgets.pots(process.id()), "places", places.tree());
    }

    private void submit(Context ctx) {
        BudgetProcess process = process(ctx);
        Form form = Form.read(ctx, FIELDS);
        Optional<Pot> pot = BudgetService.parseId(form.value("pot")).flatMap(budgets::pot).filter(p -> p.processId() == process.id());
        if (pot.isEmpty()) form.error("pot", "budgets.error.pot");
        Optional<Long> id = pot.isEmpty() ? Optional.empty() : proposals.submit(pot.get().id(), web.requireUser(ctx).id(), form, web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            showForm(ctx, process, null, form);
            return;
        }
        web.redirectWithNotice(ctx, "/budgets/" + process.id() + "/proposals/" + id.get(), "budgets.proposal.submitted");
    }

    private void showEdit(Context ctx) {
        BudgetProcess process = process(ctx);
        Proposal p = proposal(ctx, process);
        Pot pot = budgets.pot(p.potId()).orElseThrow();
        showForm(ctx, process, p, Form.empty().set("pot", String.valueOf(p.potId())).set("title", p.title()).set("description", p.description())
                .set("theme", p.theme()).set("estimatedCost", Money.plain(p.estimatedCost(), pot.currency())).set("place", String.valueOf(p.placeId())));
    }

    private void edit(Context ctx) {
        BudgetProcess process = process(ctx);
        Proposal p = proposal(ctx, process);
        Form form = Form.read(ctx, FIELDS);
        var refused = proposals.edit(p.id(), web.requireUser(ctx).id(), form, web.actor(ctx));
        web.answer(ctx, refused, "/budgets/" + process.id() + "/proposals/" + p.id(), "budgets.proposal.saved", () -> showForm(ctx, process, p, form), CLOSED);
    }

    private void withdraw(Context ctx) {
        BudgetProcess process = process(ctx);
        Proposal p = proposal(ctx, process);
        var refused = proposals.withdraw(p.id(), web.requireUser(ctx).id(), web.actor(ctx));
        web.answer(ctx, refused, "/budgets/" + process.id() + "/proposals/" + p.id(), "budgets.proposal.withdrawn", () -> renderProposal(ctx, process, p, Form.empty()), CLOSED);
    }

    private void assess(Context ctx) {
        BudgetProcess process = process(ctx);
        Proposal p = proposal(ctx, process);
        Form form = Form.read(ctx, "decision", "councilCost", "reason");
        var refused = proposals.assess(p.id(), form, web.actor(ctx));
        web.answer(ctx, refused, "/budgets/" + process.id() + "/proposals/" + p.id(), "budgets.proposal.assessed", () -> renderProposal(ctx, process, p, form), CLOSED);
    }
}
