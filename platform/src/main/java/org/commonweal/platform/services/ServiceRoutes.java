package org.commonweal.platform.services;

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
import org.commonweal.platform.core.places.PlaceService;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The residents' directory and a service's page; a group's admins list, add and edit the group's services. Pending and
 * withdrawn services are seen only by the group's admins and officers.
 */
final class ServiceRoutes implements Routes {
    /** A busy group adds a few services a day; stops a script filling the review queue. */
    static final RateLimiter.Limit CHANGES = new RateLimiter.Limit("service-changes", 30, Duration.ofHours(1));
    private final Web web;
    private final ServiceRules rules;
    private final Directory directory;
    private final Providers providers;
    private final PlaceService places;
    private final RateLimiter limiter;
    private final Access groupAdmins;
    private final Access serviceAdmins;

    ServiceRoutes(Web web, ServiceRules rules, Directory directory, Providers providers, PlaceService places, RateLimiter limiter,
                  Access groupAdmins, Access serviceAdmins) {
        this.web = web;
        this.rules = rules;
        this.directory = directory;
        this.providers = providers;
        this.places = places;
        this.limiter = limiter;
        this.groupAdmins = groupAdmins;
        this.serviceAdmins = serviceAdmins;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/services", this::list, Access.PUBLIC, Role.ANYONE);
        r.get("/groups/{id}/services", this::ofGroup, groupAdmins, Role.RESIDENT);
        r.get("/groups/{id}/services/new", ctx -> showForm(ctx, group(ctx), null, Form.empty().set("status", "active")), groupAdmins, Role.RESIDENT);
        r.post("/groups/{id}/services", this::create, groupAdmins, Role.RESIDENT);
        r.get("/services/{id}", this::show, Access.PUBLIC, Role.ANYONE);
        r.get("/services/{id}/edit", this::showEdit, serviceAdmins, Role.RESIDENT);
        r.post("/services/{id}", this::edit, serviceAdmins, Role.RESIDENT);
    }

    /**
     * The directory: words, place, term, and "open now" or "open on a day (at a time)" from the query string; anything odd
     * in it is ignored, not an error, and the page says which opening time it looked for.
     */
    private void list(Context ctx) {
        String text = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        Long place = Optional.ofNullable(ctx.queryParam("place")).flatMap(ServiceForm::parseId).filter(id -> places.find(id).isPresent()).orElse(null);
        var terms = directory.terms();
        String term = Optional.ofNullable(ctx.queryParam("term")).filter(terms::containsKey).orElse("");
        boolean openNow = "yes".equals(ctx.queryParam("open"));
        String day = openNow ? "" : Optional.ofNullable(ctx.queryParam("day")).filter(Directory.DAYS::contains).orElse("");
        LocalTime at = openNow ? null : Optional.ofNullable(ctx.queryParam("at")).flatMap(ServiceRoutes::time).orElse(null);
        int pageNo = Optional.ofNullable(ctx.queryParam("page")).flatMap(ServiceForm::parseId).map(n -> (int) Math.min(n, 10_000)).orElse(0);
        DirectoryQuery q = new DirectoryQuery(text, place == null ? null : places.within(place), term.isEmpty() ? null : UUID.fromString(term),
                null, null, null, null, null, null, null, null, null);
        if (openNow) q = directory.openNow(q);
        else if (!day.isEmpty() || at != null) q = directory.openOn(q, day.isEmpty() ? null : DayOfWeek.of(Directory.DAYS.indexOf(day) + 1), at);
        Directory.Listing listing = directory.list(q, pageNo);
        var names = providers.names(listing.entries().stream().map(Directory.Entry::groupId).distinct().toList());
        String atText = at == null ? "" : at.toString();
        Form filters = Form.empty().set("q", text).set("place", place == null ? "" : place.toString()).set("term", term).set("open", openNow ? "yes" : "")
                .set("day", day).set("at", atText);
        String query = "q=" + enc(text) + "&place=" + (place == null ? "" : place) + "&term=" + term + (openNow ? "&open=yes" : "")
                + (day.isEmpty() ? "" : "&day=" + day) + (at == null ? "" : "&at=" + atText);
        CurrentUser user = web.user(ctx);
        web.render(ctx, "services/list.jte", web.page(ctx, "services.list.title"), "listing", listing, "groupNames", names, "filters", filters,
                "places", places.tree(), "terms", terms, "pageNo", pageNo, "query", query, "looked", lookedFor(q),
                "mine", user == null ? List.of() : providers.administeredBy(user.id()));
    }

    /** What the page says it looked for: open at a London date and time, or on a date at any time; empty when neither. */
    private String lookedFor(DirectoryQuery q) {
        var m = web.messages();
        if (q.openAt() != null) {
            return m.get("services.list.openAt", ScheduleWords.date(q.openAt().toLocalDate()), ScheduleWords.time(q.openAt().toLocalTime(), m));
        }
        if (q.openOn() != null) return m.get("services.list.openOn", ScheduleWords.date(q.openOn()));
        return "";
    }

    /** A time of day as residents type it: 14:30, 9:05 or 14.30. */
    static Optional<LocalTime> time(String s) {
        var m = java.util.regex.Pattern.compile("([01]?\\d|2[0-3])[:.]([0-5]\\d)").matcher(s.strip());
        return m.matches() ? Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void show(Context ctx) {
        Service s = rules.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        CurrentUser user = web.user(ctx);
        if (!rules.maySee(s, user)) throw new NotFoundResponse();
        var place = s.record().locations().stream().map(ServiceRecord.Location::placeId).filter(p -> p != null).findFirst()
                .flatMap(places::find).map(p -> p.name()).orElse(null);
        web.render(ctx, "services/service.jte", web.page(ctx, "services.service.title", s.name()), "service", s,
                "view", ServiceView.of(s, directory, web.messages()), "provider", providers.find(s.groupId()).orElse(null), "placeName", place,
                "canEdit", rules.mayEdit(s.groupId(), user), "canModerate", user != null && user.has(Role.OFFICER), "withdrawForm", Form.empty());
    }

    private long group(Context ctx) {
        long id = Web.id(ctx, "id");
        if (providers.find(id).isEmpty()) throw new NotFoundResponse();
        return id;
    }

    private void ofGroup(Context ctx) {
        long group = group(ctx);
        web.render(ctx, "services/group.jte", web.page(ctx, "services.group.title", providers.name(group)), "groupId", group,
                "groupName", providers.name(group), "services", rules.ofGroup(group, false));
    }

    private void showForm(Context ctx, long groupId, Service editing, Form form) {
        web.render(ctx, "services/form.jte", web.page(ctx, editing == null ? "services.new.title" : "services.edit.title"),
                "groupId", groupId, "groupName", providers.name(groupId), "editing", editing, "form", form, "places", places.tree(),
                "terms", directory.terms());
    }

    /** The form's fields, with the checkbox lists (several values each) joined as the form reader expects. */
    private static Form read(Context ctx) {
        Form f = Form.read(ctx, ServiceForm.FIELDS);
        f.set("languages", String.join(",", ctx.formParams("languages")));
        f.set("terms", String.join(",", ctx.formParams("terms")));
        return f;
    }

    private void create(Context ctx) {
        long group = group(ctx);
        CurrentUser user = web.requireUser(ctx);
        limiter.consume(CHANGES, "account:" + user.id());
        Form form = read(ctx);
        Optional<Long> id = rules.create(group, form, web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            showForm(ctx, group, null, form);
            return;
        }
        web.redirectWithNotice(ctx, ServicesIndex.url(id.get()), "services.notice.created");
    }

    private void showEdit(Context ctx) {
        Service s = rules.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        showForm(ctx, s.groupId(), s, ServiceForm.of(s.record()));
    }

    private void edit(Context ctx) {
        Service s = rules.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        CurrentUser user = web.requireUser(ctx);
        limiter.consume(CHANGES, "account:" + user.id());
        Form form = read(ctx);
        web.answer(ctx, rules.edit(s.id(), form, user, web.actor(ctx)), ServicesIndex.url(s.id()), "services.notice.saved",
                () -> showForm(ctx, s.groupId(), s, form), null);
    }
}
