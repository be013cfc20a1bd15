package org.commonweal.platform.grants;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;

import java.time.Duration;
import java.util.List;

/**
 * A group's side (apply, save a draft, submit) and the assessors' (score, declare a conflict of interest) and the
 * officer's decision on one application. An application's page is its group's admins', the programme's panel's and
 * officers'; a draft only its group's.
 */
final class ApplicationRoutes implements Routes {
    /** Enough for a group writing several bids; stops a script filling the officers' queue. */
    static final RateLimiter.Limit APPLICATIONS = new RateLimiter.Limit("grant-applications", 20, Duration.ofHours(1));
    private final Web web;
    private final Programmes programmes;
    private final Applications applications;
    private final Assessment assessment;
    private final Groups groups;
    private final RateLimiter limiter;
    private final Access viewing, applying, assessing;

    ApplicationRoutes(Web web, Programmes programmes, Applications applications, Assessment assessment, Groups groups, RateLimiter limiter,
                      Access viewing, Access applying, Access assessing) {
        this.web = web;
        this.programmes = programmes;
        this.applications = applications;
        this.assessment = assessment;
        this.groups = groups;
        this.limiter = limiter;
        this.viewing = viewing;
        this.applying = applying;
        this.assessing = assessing;
    }

    @Override
    public void routes(RoutesConfig r) {
        // Any resident may open the form: it says which of their groups may apply and why the others may not.
        r.get("/grants/{id}/apply", ctx -> showApply(ctx, ProgrammeRoutes.programme(ctx, programmes, "id"), null, Form.empty().set("action", "draft")),
                Access.ROLE, Role.RESIDENT);
        r.post("/grants/{id}/apply", this::apply, Access.ROLE, Role.RESIDENT);
        r.get("/grants/applications/{id}", ctx -> show(ctx, application(ctx), Form.empty(), Form.empty(), Form.empty()), viewing, Role.RESIDENT, Role.OFFICER);
        r.get("/grants/applications/{id}/edit", this::showEdit, applying, Role.RESIDENT);
        r.post("/grants/applications/{id}", this::edit, applying, Role.RESIDENT);
        r.post("/grants/applications/{id}/scores", this::score, assessing, Role.RESIDENT, Role.OFFICER);
        r.post("/grants/applications/{id}/conflict", this::declare, assessing, Role.RESIDENT, Role.OFFICER);
        r.post("/grants/applications/{id}/decision", this::decide, Access.ROLE, Role.OFFICER);
    }

    private Application application(Context ctx) {
        Application a = applications.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        // A draft is its group's alone: to the panel and officers it does not exist yet.
        CurrentUser user = web.requireUser(ctx);
        if (a.draft() && !groups.isAdmin(a.groupId(), user.id())) throw new NotFoundResponse();
        return a;
    }

    private Programme programmeOf(Application a) {
        return programmes.find(a.programmeId()).orElseThrow(NotFoundResponse::new);
    }

    private void showApply(Context ctx, Programme p, Application editing, Form form) {
        CurrentUser user = web.requireUser(ctx);
        List<Group.Summary> run = groups.administeredBy(user.id());
        web.render(ctx, "grants/apply.jte", web.page(ctx, editing == null ? "grants.apply.title" : "grants.edit.title", p.title()), "programme", p,
                "editing", editing, "form", form, "eligible", run.stream().filter(Group.Summary::verified).toList(),
                "unverified", run.stream().filter(g -> !g.verified()).toList(), "today", Applications.today());
    }

    private void apply(Context ctx) {
        Programme p = ProgrammeRoutes.programme(ctx, programmes, "id");
        CurrentUser user = web.requireUser(ctx);
        limiter.consume(APPLICATIONS, "account:" + user.id());
        Form form = Form.read(ctx, Applications.FIELDS);
        Applications.Result result = applications.create(p, form, user.id(), web.actor(ctx));
        web.answer(ctx, result.refused(), result.id() == null ? p.url() : "/grants/applications/" + result.id(),
                form.value("action").equals("submit") ? "grants.notice.submitted" : "grants.notice.drafted", () -> showApply(ctx, p, null, form), null);
    }

    private void showEdit(Context ctx) {
        Application a = application(ctx);
        Programme p = programmeOf(a);
        if (!a.draft()) throw new NotFoundResponse();
        showApply(ctx, p, a, Applications.form(a, p.currency()).set("action", "draft"));
    }

    private void edit(Context ctx) {
        Application a = application(ctx);
        Programme p = programmeOf(a);
        Form form = Form.read(ctx, Applications.FIELDS);
        form.set("group", String.valueOf(a.groupId()));
        web.answer(ctx, applications.edit(p, a, form, web.requireUser(ctx).id(), web.actor(ctx)), a.url(),
                form.value("action").equals("submit") ? "grants.notice.submitted" : "grants.notice.drafted", () -> showApply(ctx, p, a, form), null);
    }

    private void show(Context ctx, Application a, Form scoreForm, Form conflictForm, Form decisionForm) {
        Programme p = programmeOf(a);
        CurrentUser user = web.requireUser(ctx);
        boolean assesses = assessment.assesses(p, user);
        web.render(ctx, "grants/application.jte", web.page(ctx, "grants.application.title", a.title()), "programme", p, "application", a,
                "assesses", assesses, "officer", user.has(Role.OFFICER), "runsGroup", groups.isAdmin(a.groupId(), user.id()),
                "whyNotScore", assesses ? assessment.whyNotScore(p, a, user).orElse(null) : null,
                "scores", assesses ? assessment.scores(a.id()) : List.of(),
                "scoreForm", scoreForm.errors().isEmpty() && assesses ? assessment.myScores(a.id(), user.id()) : scoreForm,
                "conflictForm", conflictForm, "decisionForm", decisionForm);
    }

    private void score(Context ctx) {
        Application a = application(ctx);
        Programme p = programmeOf(a);
        Form form = Form.read(ctx, Assessment.fields(p));
        web.answer(ctx, assessment.score(p, a, web.requireUser(ctx), form, web.actor(ctx)), a.url(), "grants.notice.scored",
                () -> show(ctx, a, form, Form.empty(), Form.empty()), null);
    }

    private void declare(Context ctx) {
        Application a = application(ctx);
        Programme p = programmeOf(a);
        Form form = Form.read(ctx, "reason");
        web.answer(ctx, assessment.declare(p, a, web.requireUser(ctx), form, web.actor(ctx)), a.url(), "grants.notice.declared",
                () -> show(ctx, a, Form.empty(), form, Form.empty()), null);
    }

    private void decide(Context ctx) {
        Application a = application(ctx);
        Programme p = programmeOf(a);
        Form form = Form.read(ctx, "decision", "amountAwarded", "reason");
        web.answer(ctx, assessment.decide(p, a, form, web.actor(ctx)), a.url(), "grants.notice.decided",
                () -> show(ctx, a, Form.empty(), Form.empty(), form), null);
    }
}
