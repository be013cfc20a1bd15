package org.commonweal.platform.groups;

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
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The directory, a group's public page, and making and editing a group (any resident may start one and runs it). */
final class GroupRoutes implements Routes {
    /** Enough for someone setting up their groups; stops a script filling the directory. */
    static final RateLimiter.Limit CREATES = new RateLimiter.Limit("group-creates", 10, Duration.ofHours(1));

    private final Web web;
    private final Groups groups;
    private final GroupEditor editor;
    private final GroupDirectory directory;
    private final Memberships memberships;
    private final Vacancies vacancies;
    private final PlaceService places;
    private final RateLimiter limiter;
    private final Access running;
    private final Logos logos;

    GroupRoutes(Web web, Groups groups, GroupEditor editor, GroupDirectory directory, Memberships memberships, Vacancies vacancies,
                PlaceService places, RateLimiter limiter, Access running, Logos logos) {
        this.logos = logos;
        this.web = web;
        this.groups = groups;
        this.editor = editor;
        this.directory = directory;
        this.memberships = memberships;
        this.vacancies = vacancies;
        this.places = places;
        this.limiter = limiter;
        this.running = running;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/groups", this::list, Access.PUBLIC, Role.ANYONE);
        r.get("/groups/new", ctx -> showForm(ctx, null, Form.empty()), Access.ROLE, Role.RESIDENT);
        r.post("/groups", this::create, Access.ROLE, Role.RESIDENT);
        r.get("/groups/{id}", this::show, Access.PUBLIC, Role.ANYONE);
        r.get("/groups/{id}/edit", ctx -> {
            Group g = group(ctx, groups);
            showForm(ctx, g, GroupEditor.of(g));
        }, running, Role.RESIDENT);
        r.post("/groups/{id}", this::edit, running, Role.RESIDENT);
        r.get("/groups/{id}/logo", this::logo, Access.PUBLIC, Role.ANYONE);
        r.post("/groups/{id}/logo", this::saveLogo, running, Role.RESIDENT);
    }

    static Group group(Context ctx, Groups groups) {
        return groups.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    /** A posted form whose {@code several} fields may come as many values (checkboxes), joined with commas. */
    static Form read(Context ctx, String[] fields, String... several) {
        Form form = Form.read(ctx, fields);
        for (String f : several) form.set(f, String.join(",", ctx.formParams(f)));
        return form;
    }

    /** The places tree as checkbox options, each name indented by its depth. */
    static Map<String, String> placeOptions(List<Place> tree) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Place p : tree) options.put(String.valueOf(p.id()), "\u00a0\u00a0".repeat(p.depth()) + p.name());
        return options;
    }

    static Map<String, String> options(List<String> codes, String labelPrefix, Web web) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String c : codes) options.put(c, web.messages().get(labelPrefix + c));
        return options;
    }

    private void list(Context ctx) {
        String name = Optional.ofNullable(ctx.queryParam("name")).map(s -> s.length() > 200 ? s.substring(0, 200) : s).orElse("");
        String kind = Optional.ofNullable(ctx.queryParam("kind")).filter(Group.KINDS::contains).orElse("");
        String theme = Optional.ofNullable(ctx.queryParam("theme")).filter(GroupEditor.THEMES::contains).orElse("");
        Long place = Optional.ofNullable(ctx.queryParam("place")).flatMap(GroupEditor::parseId).filter(id -> places.find(id).isPresent()).orElse(null);
        int pageNo = Optional.ofNullable(ctx.queryParam("page")).flatMap(GroupEditor::parseId).map(n -> (int) Math.min(n, 10_000)).orElse(0);
        GroupDirectory.Listing listing = directory.search(new GroupDirectory.Filter(name, kind, place, theme, pageNo));
        Form filters = Form.empty().set("name", name).set("kind", kind).set("theme", theme).set("place", place == null ? "" : place.toString());
        String query = "name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8) + "&kind=" + kind + "&theme=" + theme
                + "&place=" + (place == null ? "" : place);
        web.render(ctx, "groups/list.jte", web.page(ctx, "groups.list.title"), "listing", listing, "filters", filters, "places", places.tree(),
                "themes", GroupEditor.THEMES, "pageNo", pageNo, "query", query);
    }

    private void show(Context ctx) {
        Group g = group(ctx, groups);
        CurrentUser user = web.user(ctx);
        boolean admin = user != null && (groups.isAdmin(g.id(), user.id()) || user.has(Role.ADMIN));
        Optional<Group.Membership> mine = user == null ? Optional.empty()
                : groups.role(g.id(), user.id()).map(role -> new Group.Membership(g.summary(), role, groups.isAdmin(g.id(), user.id())));
        web.render(ctx, "groups/group.jte", web.page(ctx, "groups.group.title", g.name()), "group", g,
                "placeNames", g.placeIds().stream().map(places::find).flatMap(Optional::stream).map(Place::name).toList(),
                "people", memberships.publicPeople(g.id()), "sections", groups.sections(g.id(), web.messages()),
                "vacancies", vacancies.ofGroup(g.id(), true), "admin", admin, "mine", mine.orElse(null),
                "shown", user == null ? "" : memberships.shown(g.id(), user.id()).orElse(""),
                "asked", user != null && memberships.hasAsked(g.id(), user.id()), "officer", user != null && user.has(Role.OFFICER),
                "joinForm", Form.empty());
    }

    private void showForm(Context ctx, Group editing, Form form) {
        showForm(ctx, editing, form, editing == null ? Form.empty() : Form.empty().set("logoAlt", editing.logoAlt()));
    }

    private void showForm(Context ctx, Group editing, Form form, Form logoForm) {
        web.render(ctx, "groups/form.jte", web.page(ctx, editing == null ? "groups.new.title" : "groups.edit.title"), "editing", editing, "form", form,
                "kinds", options(Group.KINDS, "groups.kind.", web), "themes", options(GroupEditor.THEMES, "budgets.theme.", web),
                "places", placeOptions(places.tree()), "logoForm", logoForm, "maxLogoKb", Logos.MAX_BYTES / 1024);
    }

    private void logo(Context ctx) {
        Logos.Logo logo = logos.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType(logo.contentType());
        ctx.result(logo.bytes());
    }

    private void saveLogo(Context ctx) throws java.io.IOException {
        Group g = group(ctx, groups);
        Form form = Form.read(ctx, "logoAlt", "removeLogo");
        Logos.Upload upload = null;
        io.javalin.http.UploadedFile file = ctx.uploadedFile("logo");
        if (file != null && file.size() > 0) {
            if (file.size() > Logos.MAX_BYTES) upload = new Logos.Upload(file.size(), null);
            else try (java.io.InputStream in = file.content()) {
                upload = new Logos.Upload(file.size(), in.readAllBytes());
            }
        }
        web.answer(ctx, logos.save(g, upload, form, web.actor(ctx)), g.url(), "groups.notice.logoSaved", () -> showForm(ctx, g, GroupEditor.of(g), form), null);
    }

    private void create(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        limiter.consume(CREATES, "account:" + user.id());
        Form form = read(ctx, GroupEditor.FIELDS, "places", "themes");
        Optional<Long> id = editor.create(form, user.id(), web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            showForm(ctx, null, form);
            return;
        }
        web.redirectWithNotice(ctx, "/groups/" + id.get(), "groups.notice.created");
    }

    private void edit(Context ctx) {
        Group g = group(ctx, groups);
        Form form = read(ctx, GroupEditor.FIELDS, "places", "themes");
        web.answer(ctx, editor.edit(g.id(), form, web.actor(ctx)), g.url(), "groups.notice.saved", () -> showForm(ctx, g, form), null);
    }
}
