package org.commonweal.platform.grants;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.budgets.Proposal;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.groups.Groups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public list and page of programmes; officers create them, appoint the panel, hand a programme to residents and
 * record the residents' choice; the awards as a 360Giving package.
 */
final class ProgrammeRoutes implements Routes {
    private final Web web;
    private final Programmes programmes;
    private final Applications applications;
    private final Assessment assessment;
    private final Handoff handoff;
    private final Giving360 giving;
    private final PlaceService places;
    private final Groups groups;

    ProgrammeRoutes(Web web, Programmes programmes, Applications applications, Assessment assessment, Handoff handoff, Giving360 giving,
                    PlaceService places, Groups groups) {
        this.web = web;
        this.programmes = programmes;
        this.applications = applications;
        this.assessment = assessment;
        this.handoff = handoff;
        this.giving = giving;
        this.places = places;
        this.groups = groups;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/grants", ctx -> web.render(ctx, "grants/list.jte", web.page(ctx, "grants.list.title"), "programmes", programmes.list(),
                "today", Applications.today()), Access.PUBLIC, Role.ANYONE);
        r.get("/grants/new", ctx -> showForm(ctx, Form.empty().set("opensOn", Applications.today().toString())
                .set("criteria", web.messages().get("grants.field.criteria.example")), null), Access.ROLE, Role.OFFICER);
        r.post("/grants", this::create, Access.ROLE, Role.OFFICER);
        r.get("/grants/{id}", ctx -> show(ctx, programme(ctx), Form.empty(), Form.empty()), Access.PUBLIC, Role.ANYONE);
        r.get("/grants/{id}/edit", ctx -> {
            Programme p = programme(ctx);
            showForm(ctx, Programmes.form(p), p);
        }, Access.ROLE, Role.OFFICER);
        r.post("/grants/{id}", this::update, Access.ROLE, Role.OFFICER);
        // Officers act for the council on every programme.
        r.post("/grants/{id}/panel", this::appoint, Access.ROLE, Role.OFFICER);
        r.get("/grants/{id}/panel/{account}", this::confirmRemoval, Access.ROLE, Role.OFFICER);
        r.post("/grants/{id}/panel/{account}", this::removeFromPanel, Access.ROLE, Role.OFFICER);
        r.post("/grants/{id}/residents", this::handOver, Access.ROLE, Role.OFFICER);
        r.post("/grants/{id}/residents/results", this::recordResults, Access.ROLE, Role.OFFICER);
        r.get("/open-data/grants/360giving.json", this::package360, Access.PUBLIC, Role.ANYONE);
    }

    static Programme programme(Context ctx, Programmes programmes, String param) {
        return programmes.find(Web.id(ctx, param)).orElseThrow(NotFoundResponse::new);
    }

    private Programme programme(Context ctx) {
        return programme(ctx, programmes, "id");
    }

    /** The programme's form: a new one ({@code editing} null) or changes to {@code editing}. */
    private void showForm(Context ctx, Form form, Programme editing) {
        Map<String, String> themes = new LinkedHashMap<>();
        for (String t : Proposal.THEMES) themes.put(t, web.messages().get("budgets.theme." + t));
        web.render(ctx, "grants/form.jte", editing == null ? web.page(ctx, "grants.new.title") : web.page(ctx, "grants.edit.programme.title", editing.title()),
                "form", form, "places", places.tree(), "themes", themes, "editing", editing);
    }

    private void update(Context ctx) {
        Programme p = programme(ctx);
        Form form = Form.read(ctx, Programmes.FIELDS);
        form.set("themes", String.join(",", ctx.formParams("themes")));
        web.answer(ctx, programmes.update(p.id(), form, web.actor(ctx)), p.url(), "grants.notice.updated", () -> showForm(ctx, form, p), null);
    }

    private void create(Context ctx) {
        Form form = Form.read(ctx, Programmes.FIELDS);
        form.set("themes", String.join(",", ctx.formParams("themes")));
        var id = programmes.create(form, web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            showForm(ctx, form, null);
            return;
        }
        web.redirectWithNotice(ctx, "/grants/" + id.get(), "grants.notice.created");
    }

    private void show(Context ctx, Programme p, Form panelForm, Form handoffForm) {
        CurrentUser user = web.user(ctx);
        boolean assesses = assessment.assesses(p, user);
        List<Application> all = applications.of(p.id(), null);
        List<Application> awarded = all.stream().filter(a -> a.status().equals("awarded")).toList();
        web.render(ctx, "grants/programme.jte", web.page(ctx, "grants.programme.title", p.title()), "programme", p,
                "today", Applications.today(), "assesses", assesses, "officer", user != null && user.has(Role.OFFICER),
                "ranking", assesses ? assessment.ranking(p, all) : List.of(), "awarded", awarded,
                "awardedTotal", awarded.stream().mapToLong(a -> a.amountAwarded()).sum(),
                "mine", user == null ? List.of() : applications.ofAdmin(p.id(), user.id()),
                "runsGroups", user != null && !groups.administeredBy(user.id()).isEmpty(),
                "panel", assesses ? programmes.panel(p.id()) : List.of(), "panelForm", panelForm, "handoffForm", handoffForm,
                "process", handoff.process(p).orElse(null));
    }

    private void appoint(Context ctx) {
        Programme p = programme(ctx);
        Form form = Form.read(ctx, "email");
        web.answer(ctx, programmes.appoint(p.id(), form, web.actor(ctx)), p.url(), "grants.notice.appointed", () -> show(ctx, p, form, Form.empty()), null);
    }

    /** The confirmation page says what happens to the member's scores before anything changes. */
    private void confirmRemoval(Context ctx) {
        Programme p = programme(ctx);
        Programmes.PanelRemoval r = programmes.removal(p.id(), Web.id(ctx, "account")).orElseThrow(NotFoundResponse::new);
        web.render(ctx, "grants/panel-remove.jte", web.page(ctx, "grants.panel.remove.title", r.member().name()), "programme", p,
                "name", r.member().name(), "droppedApplications", r.droppedApplications(), "droppedScores", r.droppedScores(),
                "keptApplications", r.keptApplications(), "accountId", r.member().id());
    }

    private void removeFromPanel(Context ctx) {
        Programme p = programme(ctx);
        web.answer(ctx, programmes.removeFromPanel(p.id(), Web.id(ctx, "account"), web.actor(ctx)), p.url(), "grants.notice.panelRemoved",
                () -> show(ctx, p, Form.empty(), Form.empty()), null);
    }

    private void handOver(Context ctx) {
        Programme p = programme(ctx);
        Form form = Form.empty();
        List<Long> shortlist = new ArrayList<>();
        for (String v : ctx.formParams("shortlist")) Programmes.parseId(v).ifPresent(shortlist::add);
        form.set("shortlist", String.join(",", shortlist.stream().map(String::valueOf).toList()));
        web.answer(ctx, handoff.handOver(p, applications.of(p.id(), "submitted"), shortlist, form, web.actor(ctx)), p.url(),
                "grants.notice.handedOver", () -> show(ctx, p, Form.empty(), form), null);
    }

    private void recordResults(Context ctx) {
        Programme p = programme(ctx);
        web.answer(ctx, handoff.recordResults(p, applications.of(p.id(), "with_residents"), web.actor(ctx)), p.url(), "grants.notice.resultsRecorded",
                () -> show(ctx, p, Form.empty(), Form.empty()), new Web.Closed("grants.results.notYet.title", "grants.results.notYet.body"));
    }

    private void package360(Context ctx) {
        String json = giving.packageJson().orElseThrow(NotFoundResponse::new);
        ctx.contentType("application/json; charset=utf-8").result(json);
    }
}
