package org.commonweal.platform.consultations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;

import java.util.Optional;

/**
 * The owner's pages: start a consultation, edit its details, workstreams, questions and documents, publish and close it,
 * and write and publish its outcome. Routes admit a consultation's owners only (the council's officers, or the organisation's organisers).
 */
final class ManageRoutes implements Routes {
    static final String[] DETAILS = {"owner", "title", "body", "place", "opens", "closes", "answersPublic"};
    static final String[] QUESTION = {"workstream", "kind", "prompt", "options", "maxLength", "maxChoices", "scale", "lowLabel", "highLabel",
            "moderation", "participation", "seeds"};

    private final Web web;
    private final ConsultationService consultations;
    private final ObjectKind consultation;
    private final Documents documents;
    private final PlaceService places;

    ManageRoutes(Web web, ConsultationService consultations, ObjectKind consultation, Documents documents, PlaceService places) {
        this.web = web;
        this.consultations = consultations;
        this.consultation = consultation;
        this.documents = documents;
        this.places = places;
    }

    @Override
    public void routes(RoutesConfig r) {
        // Creating one: the handler asks for an organisation the organiser runs (or an officer), as the form chooses the owner.
        r.get("/consultations/new", this::showNew, Access.ROLE, Role.OFFICER, Role.ORGANISER);
        r.post("/consultations", this::create, Access.ROLE, Role.OFFICER, Role.ORGANISER);
        Access owner = Access.owner(consultation);
        r.get("/consultations/{id}/manage", ctx -> {
            Consultation c = owned(ctx);
            renderManage(ctx, c, null);
        }, owner, Role.OFFICER, Role.ORGANISER);
        r.post("/consultations/{id}/details", this::editDetails, owner, Role.OFFICER, Role.ORGANISER);
        r.post("/consultations/{id}/workstreams", this::addWorkstream, owner, Role.OFFICER, Role.ORGANISER);
        r.post("/consultations/{id}/workstreams/{workstream}/delete", this::deleteWorkstream, owner, Role.OFFICER, Role.ORGANISER);
        r.post("/consultations/{id}/questions", this::addQuestion, owner, Role.OFFICER, Role.ORGANISER);
        r.post("/consultations/{id}/questions/{question}/delete", this::deleteQuestion, owner, Role.OFFICER, Role.ORGANISER);
        r.post("/consultations/{id}/documents", this::upload, owner, Role.OFFICER, Role.ORGANISER);
        r.post("/consultations/{id}/documents/{document}/delete", this::deleteDocument, owner, Role.OFFICER, Role.ORGANISER);
        r.post("/consultations/{id}/publish", this::publish, owner, Role.OFFICER, Role.ORGANISER);
        r.post("/consultations/{id}/close", this::close, owner, Role.OFFICER, Role.ORGANISER);
        r.post("/consultations/{id}/outcome", this::saveOutcome, owner, Role.OFFICER, Role.ORGANISER);
    }

    private Consultation owned(Context ctx) {
        return owned(ctx, consultations);
    }

    /** The consultation in the path, whose owner the route's rule has checked; an unknown one is 404. */
    static Consultation owned(Context ctx, ConsultationService consultations) {
        return consultations.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void showNew(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        if (!consultations.mayCreate(user)) throw new ForbiddenResponse();
        java.time.LocalDate today = ConsultationRoutes.today();
        renderNew(ctx, Form.empty().set("owner", user.has(Role.OFFICER) ? "council" : "").set("opens", today.toString()).set("closes", today.plusWeeks(6).toString()));
    }

    private void renderNew(Context ctx, Form form) {
        CurrentUser user = web.requireUser(ctx);
        web.render(ctx, "consultations/new.jte", web.page(ctx, "consultations.new.title"), "form", form, "places", places.tree(),
                "officer", user.has(Role.OFFICER), "organisations", consultations.manageableOrganisations(user));
    }

    private void create(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        if (!consultations.mayCreate(user)) throw new ForbiddenResponse();
        Form form = Form.read(ctx, DETAILS);
        Optional<Long> id = consultations.create(user, form, web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            renderNew(ctx, form);
            return;
        }
        web.redirectWithNotice(ctx, "/consultations/" + id.get() + "/manage", "consultations.created");
    }

    private void renderManage(Context ctx, Consultation c, ManageForms forms) {
        var streams = consultations.structure(c.id());
        web.render(ctx, "consultations/manage.jte", web.page(ctx, "consultations.manage.title", c.title()), "c", c, "workstreams", streams,
                "forms", forms == null ? ManageForms.empty(c, streams) : forms, "places", places.tree(), "documents", documents.list(c.id()),
                "locked", consultations.hasAnswers(c.id()) || c.status().equals("closed"), "today", ConsultationRoutes.today());
    }


    /** What a refused change to a consultation that has answers, or is published or closed, says. */
    private static final Web.Closed LOCKED = new Web.Closed("consultations.locked.title", "consultations.locked.body");

    /** Answers a change: back to the manage page, or its refusal; an invalid form shows the manage page again with that form's errors. */
    private void outcome(Context ctx, long id, Optional<Refusal> refused, String notice, java.util.function.Function<ManageForms, ManageForms> withErrors) {
        web.answer(ctx, refused, "/consultations/" + id + "/manage", notice, () -> {
            Consultation c = consultations.find(id).orElseThrow(NotFoundResponse::new);
            renderManage(ctx, c, withErrors.apply(ManageForms.empty(c, consultations.structure(id))));
        }, LOCKED);
    }

    private void editDetails(Context ctx) {
        long id = Web.id(ctx, "id");
        Form form = Form.read(ctx, DETAILS);
        outcome(ctx, id, consultations.edit(web.requireUser(ctx), id, form, web.actor(ctx)), "consultations.saved",
                f -> new ManageForms(form, f.workstream(), f.question(), f.status(), f.outcome(), null));
    }

    private void addWorkstream(Context ctx) {
        long id = Web.id(ctx, "id");
        Form form = Form.read(ctx, "workstream");
        outcome(ctx, id, consultations.addWorkstream(web.requireUser(ctx), id, form, web.actor(ctx)), "consultations.workstream.added",
                f -> new ManageForms(f.details(), form, f.question(), f.status(), f.outcome(), null));
    }

    private void deleteWorkstream(Context ctx) {
        long id = Web.id(ctx, "id");
        outcome(ctx, id, consultations.deleteWorkstream(web.requireUser(ctx), id, Web.id(ctx, "workstream"), web.actor(ctx)), "consultations.workstream.deleted", f -> f);
    }

    private void addQuestion(Context ctx) {
        long id = Web.id(ctx, "id");
        Form form = Form.read(ctx, QUESTION);
        Optional<Long> workstream = ConsultationService.parseId(form.value("workstream"));
        if (workstream.isEmpty()) {
            owned(ctx);
            form.error("workstream", "consultations.error.question.workstream");
            outcome(ctx, id, Optional.of(Refusal.INVALID), null, f -> new ManageForms(f.details(), f.workstream(), form, f.status(), f.outcome(), null));
            return;
        }
        outcome(ctx, id, consultations.addQuestion(web.requireUser(ctx), id, workstream.get(), form, web.actor(ctx)), "consultations.question.added",
                f -> new ManageForms(f.details(), f.workstream(), form, f.status(), f.outcome(), null));
    }

    private void deleteQuestion(Context ctx) {
        long id = Web.id(ctx, "id");
        outcome(ctx, id, consultations.deleteQuestion(web.requireUser(ctx), id, Web.id(ctx, "question"), web.actor(ctx)), "consultations.question.deleted", f -> f);
    }

    private void upload(Context ctx) throws java.io.IOException {
        Consultation c = owned(ctx);
        var file = ctx.uploadedFile("file");
        Optional<String> problem;
        if (file == null) {
            problem = Optional.of("consultations.error.document.empty");
        } else if (file.size() > Documents.MAX_BYTES) {
            problem = Optional.of("consultations.error.document.tooBig");
        } else {
            try (var in = file.content()) {
                problem = documents.add(c.id(), file.filename(), in.readNBytes((int) Documents.MAX_BYTES + 1), web.actor(ctx));
            }
        }
        if (problem.isPresent()) {
            ctx.status(422);
            var streams = consultations.structure(c.id());
            ManageForms f = ManageForms.empty(c, streams);
            renderManage(ctx, c, new ManageForms(f.details(), f.workstream(), f.question(), f.status(), f.outcome(), problem.get()));
            return;
        }
        web.redirectWithNotice(ctx, "/consultations/" + c.id() + "/manage", "consultations.document.added");
    }

    private void deleteDocument(Context ctx) {
        Consultation c = owned(ctx);
        if (!documents.delete(c.id(), Web.id(ctx, "document"), web.actor(ctx))) throw new NotFoundResponse();
        web.redirectWithNotice(ctx, "/consultations/" + c.id() + "/manage", "consultations.document.deleted");
    }

    private void publish(Context ctx) {
        long id = Web.id(ctx, "id");
        Form form = Form.empty();
        outcome(ctx, id, consultations.publish(web.requireUser(ctx), id, form, web.actor(ctx)), "consultations.published",
                f -> new ManageForms(f.details(), f.workstream(), f.question(), form, f.outcome(), null));
    }

    private void close(Context ctx) {
        long id = Web.id(ctx, "id");
        outcome(ctx, id, consultations.close(web.requireUser(ctx), id, web.actor(ctx)), "consultations.closed", f -> f);
    }

    private void saveOutcome(Context ctx) {
        long id = Web.id(ctx, "id");
        Form form = Form.empty();
        ctx.formParamMap().forEach((k, v) -> {
            if (k.startsWith("outcome-") && !v.isEmpty()) form.set(k, v.getFirst());
        });
        boolean publish = "publish".equals(ctx.formParam("action"));
        outcome(ctx, id, consultations.saveOutcome(web.requireUser(ctx), id, form, publish, ConsultationRoutes.today(), web.actor(ctx)),
                publish ? "consultations.outcome.published" : "consultations.outcome.saved",
                f -> new ManageForms(f.details(), f.workstream(), f.question(), f.status(), form, null));
    }
}
