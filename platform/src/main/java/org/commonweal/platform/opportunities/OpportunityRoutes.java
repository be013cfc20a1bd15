package org.commonweal.platform.opportunities;

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
import org.commonweal.platform.core.skills.Skills;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The public list and page of opportunities; a group's coordinators post, edit and close them. */
final class OpportunityRoutes implements Routes {
    /** Enough for a coordinator's busy day; stops a runaway script filling the list. */
    static final RateLimiter.Limit POSTS = new RateLimiter.Limit("opportunity-posts", 30, Duration.ofHours(1));
    /** A volunteer's sign-ups, cancellations and hours logged: plenty for a busy week, not a script's flood. */
    static final RateLimiter.Limit VOLUNTEERING = new RateLimiter.Limit("volunteering-actions", 60, Duration.ofHours(1));
    static final Web.Closed CLOSED = new Web.Closed("opportunities.closed.title", "opportunities.closed.body");
    private final Web web;
    private final Opportunities opportunities;
    private final SignUps signUps;
    private final Hours hours;
    private final Groups groups;
    private final PlaceService places;
    private final RateLimiter limiter;
    private final Access posting;
    private final Access managing;

    OpportunityRoutes(Web web, Opportunities opportunities, SignUps signUps, Hours hours, Groups groups, PlaceService places, RateLimiter limiter,
                      Access posting, Access managing) {
        this.web = web;
        this.opportunities = opportunities;
        this.signUps = signUps;
        this.hours = hours;
        this.groups = groups;
        this.places = places;
        this.limiter = limiter;
        this.posting = posting;
        this.managing = managing;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/volunteering", this::list, Access.PUBLIC, Role.ANYONE);
        r.get("/groups/{id}/opportunities/new", ctx -> showForm(ctx, group(ctx), null, Form.empty().set("schedule", "regular").set("minDbs", "none")),
                posting, Role.RESIDENT);
        r.post("/groups/{id}/opportunities", this::create, posting, Role.RESIDENT);
        r.get("/volunteering/{id}", ctx -> show(ctx, opportunity(ctx, opportunities), Form.empty()), Access.PUBLIC, Role.ANYONE);
        r.get("/volunteering/{id}/edit", ctx -> {
            Opportunity o = opportunity(ctx, opportunities);
            showForm(ctx, group(o.groupId()), o, OpportunityDetails.of(o));
        }, managing, Role.RESIDENT);
        r.post("/volunteering/{id}", this::edit, managing, Role.RESIDENT);
        r.post("/volunteering/{id}/close", ctx -> {
            Opportunity o = opportunity(ctx, opportunities);
            web.answer(ctx, opportunities.close(o.id(), web.actor(ctx)), o.url(), "opportunities.notice.closed", null, CLOSED);
        }, managing, Role.RESIDENT);
    }

    static Opportunity opportunity(Context ctx, Opportunities opportunities) {
        return opportunities.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private Group group(Context ctx) {
        return group(Web.id(ctx, "id"));
    }

    private Group group(long id) {
        return groups.find(id).orElseThrow(NotFoundResponse::new);
    }

    private void list(Context ctx) {
        Long place = Optional.ofNullable(ctx.queryParam("place")).flatMap(OpportunityDetails::parseId).filter(id -> places.find(id).isPresent()).orElse(null);
        String theme = Optional.ofNullable(ctx.queryParam("theme")).filter(OpportunityDetails.THEMES::contains).orElse("");
        String skill = Optional.ofNullable(ctx.queryParam("skill")).filter(Skills.ALL::contains).orElse("");
        LocalDate day = null;
        try {
            // Four-digit years only: java.time reads "+999999999-12-31", which PostgreSQL cannot hold.
            day = Optional.ofNullable(ctx.queryParam("date")).map(String::strip).filter(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"))
                    .map(LocalDate::parse).orElse(null);
        } catch (DateTimeParseException e) {
            // an unreadable day filters nothing; the field shows it back with its error
        }
        String dateText = Optional.ofNullable(ctx.queryParam("date")).orElse("").strip();
        Form filters = Form.empty().set("place", place == null ? "" : place.toString()).set("theme", theme).set("skill", skill).set("date", dateText);
        if (day == null && !dateText.isEmpty()) filters.error("date", "opportunities.error.filterDate");
        int pageNo = Optional.ofNullable(ctx.queryParam("page")).flatMap(OpportunityDetails::parseId).map(n -> (int) Math.min(n, 10_000)).orElse(0);
        Opportunities.Listing listing = opportunities.list(new Opportunities.Filter(place, theme, skill, day, pageNo));
        String query = "place=" + (place == null ? "" : place) + "&theme=" + theme + "&skill=" + skill + "&date=" + (day == null ? "" : day);
        CurrentUser user = web.user(ctx);
        web.render(ctx, "opportunities/list.jte", web.page(ctx, "opportunities.list.title"), "listing", listing, "filters", filters,
                "places", places.tree(), "themes", OpportunityDetails.THEMES, "skills", Skills.ALL, "pageNo", pageNo, "query", query,
                "placeNames", placeNames(listing.opportunities().stream().flatMap(o -> o.placeIds().stream()).distinct().toList()),
                "coordinated", user == null ? List.of() : groups.memberships(user.id()).stream().map(m -> m.group())
                        .filter(g -> opportunities.coordinates(g.id(), user.id())).toList());
    }

    private Map<Long, String> placeNames(List<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (long id : ids) places.find(id).map(Place::name).ifPresent(n -> names.put(id, n));
        return names;
    }

    void show(Context ctx, Opportunity o, Form hoursForm) {
        CurrentUser user = web.user(ctx);
        boolean manage = user != null && (user.has(Role.ADMIN) || opportunities.coordinates(o.groupId(), user.id()));
        web.render(ctx, "opportunities/opportunity.jte", web.page(ctx, "opportunities.opportunity.title", o.title()), "opportunity", o,
                "placeNames", placeNames(o.placeIds()).values().stream().toList(), "shifts", opportunities.shifts(o.id(), manage),
                "standings", user == null ? Map.of() : signUps.standings(o.id(), user.id()), "manage", manage,
                "loggable", user == null ? List.of() : hours.loggable(o.id(), user.id()), "hoursForm", hoursForm,
                "pending", manage ? hours.pending(o.id()).size() : 0);
    }

    private void showForm(Context ctx, Group g, Opportunity editing, Form form) {
        Map<String, String> placeOptions = new LinkedHashMap<>();
        for (Place p : places.tree()) placeOptions.put(String.valueOf(p.id()), "\u00a0\u00a0".repeat(p.depth()) + p.name());
        web.render(ctx, "opportunities/form.jte", web.page(ctx, editing == null ? "opportunities.new.title" : "opportunities.edit.title", g.name()),
                "group", g, "editing", editing, "form", form, "placeOptions", placeOptions, "themeOptions", options(OpportunityDetails.THEMES, "budgets.theme."),
                "skillOptions", options(Skills.ALL, "skills."));
    }

    private Map<String, String> options(List<String> codes, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : codes) out.put(c, web.messages().get(prefix + c));
        return out;
    }

    static Form read(Context ctx) {
        Form form = Form.read(ctx, OpportunityDetails.FIELDS);
        for (String f : OpportunityDetails.SEVERAL) form.set(f, String.join(",", ctx.formParams(f)));
        return form;
    }

    private void create(Context ctx) {
        Group g = group(ctx);
        CurrentUser user = web.requireUser(ctx);
        limiter.consume(POSTS, "account:" + user.id());
        Form form = read(ctx);
        Optional<Long> id = opportunities.create(g.id(), user.id(), form, web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            showForm(ctx, g, null, form);
            return;
        }
        web.redirectWithNotice(ctx, Opportunity.url(id.get()), "opportunities.notice.created");
    }

    private void edit(Context ctx) {
        Opportunity o = opportunity(ctx, opportunities);
        Form form = read(ctx);
        web.answer(ctx, opportunities.edit(o.id(), form, web.actor(ctx)), o.url(), "opportunities.notice.saved",
                () -> showForm(ctx, group(o.groupId()), o, form), CLOSED);
    }
}
