package org.commonweal.platform.budgets;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.PhotoUpload;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;

import java.io.IOException;
import java.util.Optional;

/** Officers report a funded project's delivery (status and progress, milestones, photos) on one page; anyone sees the photos. */
final class DeliveryRoutes implements Routes {
    private static final Web.Closed CLOSED = new Web.Closed("budgets.delivery.closed.title", "budgets.delivery.closed.body");
    private static final String[] MILESTONE_FIELDS = {"milestoneTitle", "milestoneDescription", "plannedOn", "doneOn"};
    private final Web web;
    private final BudgetService budgets;
    private final ProposalService proposals;
    private final DeliveryService delivery;

    DeliveryRoutes(Web web, BudgetService budgets, ProposalService proposals, DeliveryService delivery) {
        this.web = web;
        this.budgets = budgets;
        this.proposals = proposals;
        this.delivery = delivery;
    }

    @Override
    public void routes(RoutesConfig r) {
        String base = "/budgets/{id}/proposals/{proposal}";
        r.get(base + "/delivery", ctx -> manage(ctx, Form.empty(), Form.empty(), Form.empty()), Access.ROLE, Role.OFFICER);
        r.post(base + "/delivery", this::update, Access.ROLE, Role.OFFICER);
        r.post(base + "/milestones", this::addMilestone, Access.ROLE, Role.OFFICER);
        r.get(base + "/milestones/{milestone}/edit", this::showMilestone, Access.ROLE, Role.OFFICER);
        r.post(base + "/milestones/{milestone}", this::editMilestone, Access.ROLE, Role.OFFICER);
        r.post(base + "/milestones/{milestone}/done", this::markDone, Access.ROLE, Role.OFFICER);
        r.post(base + "/photos", this::addPhoto, Access.ROLE, Role.OFFICER);
        r.get(base + "/photos/{photo}", this::photo, Access.PUBLIC, Role.ANYONE);
        r.post(base + "/photos/{photo}/remove", this::removePhoto, Access.ROLE, Role.OFFICER);
    }

    /** The project named in the path, of the process in the path, or 404. */
    private Project project(Context ctx) {
        BudgetProcess process = ProcessRoutes.process(ctx, budgets);
        Proposal p = proposals.find(Web.id(ctx, "proposal")).orElseThrow(NotFoundResponse::new);
        if (budgets.pot(p.potId()).orElseThrow().processId() != process.id()) throw new NotFoundResponse();
        return new Project(process, p);
    }

    private record Project(BudgetProcess process, Proposal proposal) {
        String url() {
            return "/budgets/" + process.id() + "/proposals/" + proposal.id();
        }
    }

    private void manage(Context ctx, Form updateForm, Form milestoneForm, Form photoForm) {
        Project p = project(ctx);
        if (!delivery.funded(p.proposal().id())) {
            web.refuse(ctx, Refusal.CLOSED, () -> { }, CLOSED);
            return;
        }
        if (updateForm.value("progress").isEmpty() && !updateForm.hasErrors()) {
            updateForm.set("progress", String.valueOf(delivery.current(delivery.updates(p.proposal().id())).progress()));
        }
        web.render(ctx, "budgets/delivery.jte", web.page(ctx, "budgets.delivery.manage.title", p.proposal().title()), "process", p.process(),
                "proposal", p.proposal(), "delivery", delivery.view(p.proposal().id()), "updateForm", updateForm, "milestoneForm", milestoneForm,
                "photoForm", photoForm);
    }

    private void update(Context ctx) {
        Project p = project(ctx);
        Form form = Form.read(ctx, "status", "progress", "note");
        if (!delivery.update(p.proposal().id(), form, web.actor(ctx))) {
            ctx.status(422);
            manage(ctx, form, Form.empty(), Form.empty());
            return;
        }
        web.redirectWithNotice(ctx, p.url(), "budgets.delivery.saved");
    }

    private void addMilestone(Context ctx) {
        Project p = project(ctx);
        Form form = Form.read(ctx, MILESTONE_FIELDS);
        Optional<Refusal> refused = delivery.saveMilestone(p.proposal().id(), null, form, web.actor(ctx));
        web.answer(ctx, refused, p.url() + "/delivery", "budgets.milestone.saved", () -> manage(ctx, Form.empty(), form, Form.empty()), CLOSED);
    }

    private void showMilestone(Context ctx) {
        Project p = project(ctx);
        DeliveryService.Milestone m = delivery.milestone(p.proposal().id(), Web.id(ctx, "milestone")).orElseThrow(NotFoundResponse::new);
        renderMilestone(ctx, p, m, Form.empty().set("milestoneTitle", m.title()).set("milestoneDescription", m.description())
                .set("plannedOn", m.plannedOn().toString()).set("doneOn", m.doneOn() == null ? "" : m.doneOn().toString()));
    }

    private void renderMilestone(Context ctx, Project p, DeliveryService.Milestone m, Form form) {
        web.render(ctx, "budgets/milestone.jte", web.page(ctx, "budgets.milestone.edit.title", m.title()), "process", p.process(),
                "proposal", p.proposal(), "milestone", m, "form", form);
    }

    private void editMilestone(Context ctx) {
        Project p = project(ctx);
        DeliveryService.Milestone m = delivery.milestone(p.proposal().id(), Web.id(ctx, "milestone")).orElseThrow(NotFoundResponse::new);
        Form form = Form.read(ctx, MILESTONE_FIELDS);
        Optional<Refusal> refused = delivery.saveMilestone(p.proposal().id(), m.id(), form, web.actor(ctx));
        web.answer(ctx, refused, p.url() + "/delivery", "budgets.milestone.saved", () -> renderMilestone(ctx, p, m, form), CLOSED);
    }

    private void markDone(Context ctx) {
        Project p = project(ctx);
        Optional<Refusal> refused = delivery.markDone(p.proposal().id(), Web.id(ctx, "milestone"), web.actor(ctx));
        web.answer(ctx, refused, p.url() + "/delivery", "budgets.milestone.done", () -> manage(ctx, Form.empty(), Form.empty(), Form.empty()), CLOSED);
    }

    private void addPhoto(Context ctx) throws IOException {
        Project p = project(ctx);
        Form form = Form.read(ctx, "photoAlt");
        Optional<Refusal> refused = delivery.addPhoto(p.proposal().id(), form, PhotoUpload.read(ctx, "photo"), web.actor(ctx));
        web.answer(ctx, refused, p.url() + "/delivery", "budgets.photo.saved", () -> manage(ctx, Form.empty(), Form.empty(), form), CLOSED);
    }

    private void photo(Context ctx) {
        Project p = project(ctx);
        delivery.photo(p.proposal().id(), Web.id(ctx, "photo")).orElseThrow(NotFoundResponse::new).serve(ctx);
    }

    private void removePhoto(Context ctx) {
        Project p = project(ctx);
        Optional<Refusal> refused = delivery.removePhoto(p.proposal().id(), Web.id(ctx, "photo"), web.actor(ctx));
        web.answer(ctx, refused, p.url() + "/delivery", "budgets.photo.removed", () -> { }, CLOSED);
    }
}
