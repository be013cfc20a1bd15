package org.commonweal.platform.problems;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.PhotoUpload;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Residents post, browse, edit, withdraw and support problems; officers move them on. */
final class ProblemRoutes implements Routes {
    /** What a refused change to a withdrawn or closed problem or solution says. */
    static final Web.Closed CLOSED = new Web.Closed("problems.closed.title", "problems.closed.body");
    static final String[] FIELDS = {"title", "description", "place", "theme", "photoAlt", "removePhoto"};
    private final Web web;
    private final ProblemService problems;
    private final SupportService supports;
    private final SolutionService solutions;
    private final PlaceService places;
    private final PostingRules posting;

    private final org.commonweal.platform.deliberation.Deliberation deliberation;

    ProblemRoutes(Web web, ProblemService problems, SupportService supports, SolutionService solutions, PlaceService places, PostingRules posting,
                  org.commonweal.platform.deliberation.Deliberation deliberation) {
        this.deliberation = deliberation;
        this.web = web;
        this.problems = problems;
        this.supports = supports;
        this.solutions = solutions;
        this.places = places;
        this.posting = posting;
    }

    @Override
    public void routes(RoutesConfig r) {
        Access authored = Access.owner(new ObjectKind("problem", id -> problems.find(id).map(p -> ObjectKind.Owners.account(p.authorId()))));
        r.get("/problems", this::browse, Access.PUBLIC, Role.ANYONE);
        r.get("/problems/new", ctx -> {
            if (posting.notBanned(ctx)) showForm(ctx, null, Form.empty().set("place", homePlace(ctx)));
        }, Access.ROLE, Role.RESIDENT);
        r.post("/problems", this::create, Access.ROLE, Role.RESIDENT);
        r.get("/problems/{id}", ctx -> show(ctx, problem(ctx), Form.empty(), Form.empty()), Access.PUBLIC, Role.ANYONE);
        r.get("/problems/{id}/photo", this::photo, Access.PUBLIC, Role.ANYONE);
        r.get("/problems/{id}/edit", this::showEdit, authored, Role.RESIDENT);
        r.post("/problems/{id}", this::edit, authored, Role.RESIDENT);
        r.post("/problems/{id}/withdraw", this::withdraw, authored, Role.RESIDENT);
        r.post("/problems/{id}/status", this::changeStatus, Access.ROLE, Role.OFFICER);
        r.post("/problems/{id}/support", ctx -> support(ctx, true), Access.ROLE, Role.RESIDENT);
        r.post("/problems/{id}/support/remove", ctx -> support(ctx, false), Access.ROLE, Role.RESIDENT);
    }

    /** The problem named in the path; a withdrawn one is gone for everyone. */
    private Problem problem(Context ctx) {
        return problems.find(Web.id(ctx, "id")).filter(p -> !p.withdrawn()).orElseThrow(NotFoundResponse::new);
    }

    private String homePlace(Context ctx) {
        CurrentUser u = web.user(ctx);
        return u == null || u.homePlaceId() == null ? "" : u.homePlaceId().toString();
    }

    private void browse(Context ctx) {
        String theme = Optional.ofNullable(ctx.queryParam("theme")).filter(Problem.THEMES::contains).orElse("");
        String status = Optional.ofNullable(ctx.queryParam("status")).filter(Problem.OFFICER_STATUSES::contains).orElse("");
        String sort = Optional.ofNullable(ctx.queryParam("sort")).filter(ProblemService.SORTS::contains).orElse("support");
        Long place = ProblemService.parseId(ctx.queryParam("place")).filter(id -> places.find(id).isPresent()).orElse(null);
        int pageNo = ProblemService.parseId(ctx.queryParam("page")).map(n -> (int) Math.min(n, 10_000)).orElse(0);
        List<Problem> found = problems.browse(new ProblemService.Browse(place, theme, status, sort, pageNo));
        Form filters = Form.empty().set("theme", theme).set("status", status).set("sort", sort).set("place", place == null ? "" : place.toString());
        String query = "place=" + (place == null ? "" : place) + "&theme=" + theme + "&status=" + status + "&sort=" + sort;
        web.render(ctx, "problems/list.jte", web.page(ctx, "problems.list.title"), "problems",
                found.subList(0, Math.min(found.size(), ProblemService.PAGE_SIZE)), "hasNext", found.size() > ProblemService.PAGE_SIZE,
                "pageNo", pageNo, "query", query, "filters", filters, "places", places.tree());
    }

    private void showForm(Context ctx, Problem editing, Form form) {
        web.render(ctx, "problems/form.jte", web.page(ctx, editing == null ? "problems.new.title" : "problems.edit.title"),
                "editing", editing, "form", form, "places", places.tree());
    }

    private void create(Context ctx) throws IOException {
        if (!posting.mayPost(ctx)) return;
        Form form = Form.read(ctx, FIELDS);
        Optional<Long> id = problems.create(web.requireUser(ctx).id(), form, upload(ctx), web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            showForm(ctx, null, form);
            return;
        }
        web.redirectWithNotice(ctx, ProblemIndex.problemUrl(id.get()), "problems.posted");
    }

    private void show(Context ctx, Problem p, Form statusForm, Form solutionForm) {
        CurrentUser user = web.user(ctx);
        boolean mine = user != null && p.authorId() != null && p.authorId() == user.id();
        web.render(ctx, "problems/problem.jte", web.page(ctx, "problems.problem.title", p.title()), "problem", p, "mine", mine,
                "supporting", user != null && supports.supports(p.id(), user.id()), "byPlace", supports.byPlace(p.id()),
                "solutions", solutions.forProblem(p.id()), "statusForm", statusForm, "solutionForm", solutionForm,
                "thread", deliberation.thread(new org.commonweal.platform.core.subjects.Subject(ProblemIndex.PROBLEM, p.id()), user));
    }

    private void photo(Context ctx) {
        problems.photo(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new).serve(ctx);
    }

    private void showEdit(Context ctx) {
        Problem p = problem(ctx);
        showForm(ctx, p, Form.empty().set("title", p.title()).set("description", p.description()).set("theme", p.theme())
                .set("place", String.valueOf(p.placeId())).set("photoAlt", p.photoAlt() == null ? "" : p.photoAlt()));
    }

    private void edit(Context ctx) throws IOException {
        Problem p = problem(ctx);
        Form form = Form.read(ctx, FIELDS);
        Optional<Refusal> refused = problems.edit(p.id(), web.requireUser(ctx).id(), form, upload(ctx), web.actor(ctx));
        web.answer(ctx, refused, ProblemIndex.problemUrl(p.id()), "problems.saved", () -> showForm(ctx, p, form), CLOSED);
    }

    private void withdraw(Context ctx) {
        Problem p = problem(ctx);
        Optional<Refusal> refused = problems.withdraw(p.id(), web.requireUser(ctx).id(), web.actor(ctx));
        web.answer(ctx, refused, "/problems", "problems.withdrawn", () -> show(ctx, p, Form.empty(), Form.empty()), CLOSED);
    }

    private void changeStatus(Context ctx) {
        Problem p = problem(ctx);
        Form form = Form.read(ctx, "status", "reason");
        Optional<Refusal> refused = problems.changeStatus(p.id(), form, web.actor(ctx));
        web.answer(ctx, refused, ProblemIndex.problemUrl(p.id()), "problems.statusChanged", () -> show(ctx, p, form, Form.empty()), CLOSED);
    }

    private void support(Context ctx, boolean give) {
        Problem p = problem(ctx);
        CurrentUser user = web.requireUser(ctx);
        Optional<Refusal> refused = give ? supports.support(p.id(), user.id(), user.homePlaceId()) : supports.takeBack(p.id(), user.id());
        web.answer(ctx, refused, ProblemIndex.problemUrl(p.id()), give ? "problems.supported" : "problems.supportTakenBack", () -> show(ctx, p, Form.empty(), Form.empty()), CLOSED);
    }


    private static PhotoUpload upload(Context ctx) throws IOException {
        return PhotoUpload.read(ctx, "photo");
    }
}
