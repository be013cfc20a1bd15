package org.commonweal.platform.care;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.skills.Skills;
import org.commonweal.platform.groups.Groups;
import org.commonweal.platform.volunteers.Languages;
import org.commonweal.platform.volunteers.Slots;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of help requests: a person's own requests and asking for help, a request's page (its care needs only to
 * those who may read them, every such view audited, and who looked to the person and the asker), the coordinator's
 * matching page, and the volunteer's proposals and matches.
 */
final class CareRoutes implements Routes {
    /** Enough for a care coordinator asking for a caseload in an afternoon; stops a script filling the queue. */
    static final RateLimiter.Limit ASKS = new RateLimiter.Limit("care-requests", 30, Duration.ofHours(1));
    /** A match run reads every open request and volunteer of an area: a coordinator runs a few an hour. */
    static final RateLimiter.Limit RUNS = new RateLimiter.Limit("care-match-runs", 30, Duration.ofHours(1));
    private final Web web;
    private final CareRequests requests;
    private final CareMatches matches;
    private final CareVisits visits;
    private final CareAreas areas;
    private final CareFeature.CareAccess access;
    private final PlaceService places;
    private final RateLimiter limiter;
    private final Groups groups;

    CareRoutes(Web web, CareRequests requests, CareMatches matches, CareVisits visits, CareAreas areas, CareFeature.CareAccess access,
               PlaceService places, RateLimiter limiter, Groups groups) {
        this.web = web;
        this.requests = requests;
        this.matches = matches;
        this.visits = visits;
        this.areas = areas;
        this.access = access;
        this.places = places;
        this.limiter = limiter;
        this.groups = groups;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/care", this::overview, Access.SELF, Role.RESIDENT);
        r.get("/care/requests/new", ctx -> showForm(ctx, Form.empty().set("forWhom", "self").set("schedule", "weekly").set("safeguarding", "none")
                .set("languages", "en")), Access.ROLE, Role.RESIDENT);
        r.post("/care/requests", this::create, Access.ROLE, Role.RESIDENT);
        r.get("/care/requests/{id}", ctx -> showRequest(ctx, request(ctx), Form.empty(), false), access.request, Role.RESIDENT);
        r.post("/care/requests/{id}/needs", ctx -> showRequest(ctx, request(ctx), Form.empty(), true), access.needs, Role.RESIDENT);
        r.post("/care/requests/{id}/consent", this::confirm, access.person, Role.RESIDENT);
        r.get("/care/groups/{id}", this::coordinate, access.coordination, Role.RESIDENT);
        r.post("/care/groups/{id}/match", this::run, access.coordination, Role.RESIDENT);
        r.post("/care/groups/{id}/send", this::send, access.coordination, Role.RESIDENT);
        r.get("/care/volunteering", this::volunteering, Access.SELF, Role.RESIDENT);
        r.post("/care/matches/{id}/accept", ctx -> answer(ctx, true), access.match, Role.RESIDENT);
        r.post("/care/matches/{id}/decline", ctx -> answer(ctx, false), access.match, Role.RESIDENT);
        r.post("/care/matches/{id}/visits", this::logVisit, access.match, Role.RESIDENT);
        r.post("/care/visits/{id}/approve", this::approve, access.visit, Role.RESIDENT);
    }

    private void overview(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        web.render(ctx, "care/index.jte", web.page(ctx, "care.index.title"), "requests", requests.mine(user.id()), "groups", areas.coordinated(user.id()),
                "matches", matches.ofVolunteer(user.id()).size());
    }

    private void showForm(Context ctx, Form form) {
        web.render(ctx, "care/form.jte", web.page(ctx, "care.new.title"), "form", form, "places", places.tree(), "skills", skillNames(),
                "slots", slotNames(), "languages", languageNames());
    }

    private void create(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        limiter.consume(ASKS, "account:" + user.id());
        Form form = Form.read(ctx, RequestForm.FIELDS);
        for (String f : RequestForm.SEVERAL) form.set(f, String.join(",", ctx.formParams(f)));
        Optional<Long> id = RequestForm.check(form, places, CareFeature.today()).flatMap(d -> requests.create(d, form, user, web.actor(ctx)));
        if (id.isEmpty()) {
            ctx.status(422);
            showForm(ctx, form);
            return;
        }
        web.redirectWithNotice(ctx, CareRequest.url(id.get()), "care.notice.asked");
    }

    private CareRequest request(Context ctx) {
        return requests.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    /**
     * The request's page. The person sees their own care needs; a coordinator or the matched volunteer asks to see them
     * ({@code reveal}, a POST), which is audited, so no page view (or a crawler following links) reads them unrecorded.
     */
    private void showRequest(Context ctx, CareRequest r, Form visitForm, boolean reveal) {
        CurrentUser user = web.requireUser(ctx);
        Optional<CareMatch> match = matches.current(r.id());
        boolean person = r.personId() != null && r.personId() == user.id();
        boolean coordinator = areas.coordinatesPlace(user.id(), r.placeId());
        boolean matched = match.filter(m -> CareMatch.ACCEPTED.equals(m.status()) && m.volunteerId() == user.id()).isPresent();
        boolean mayRead = person || coordinator || matched;
        Optional<String> needs = mayRead && (person || reveal) ? requests.needs(r, user, web.actor(ctx)) : Optional.empty();
        if (reveal) ctx.header("Cache-Control", "no-store");
        boolean asker = r.askerId() != null && r.askerId() == user.id();
        web.render(ctx, "care/request.jte", web.page(ctx, "care.request.title", web.messages().get("care.kind." + r.kind()), r.personName()),
                "request", r, "needs", needs.orElse(null), "mayReadNeeds", mayRead, "match", match.orElse(null),
                "lookers", person || asker ? requests.lookers(r.id()) : List.of(), "showLookers", person || asker, "person", person,
                "volunteer", matched, "upcoming", match.filter(m -> CareMatch.ACCEPTED.equals(m.status())).isPresent()
                        ? CareVisits.upcoming(r, CareFeature.today()) : List.of(),
                "visits", visits.ofRequest(r.id()), "visitForm", visitForm, "skills", skillNames(), "slots", slotNames(), "languages", languageNames());
    }

    private void confirm(Context ctx) {
        CareRequest r = request(ctx);
        web.answer(ctx, requests.confirmConsent(r.id(), web.requireUser(ctx), web.actor(ctx)), r.url(), "care.notice.consented",
                () -> showRequest(ctx, r, Form.empty(), false), new Web.Closed("care.closed.title", "care.closed.consent"));
    }

    private long group(Context ctx) {
        return Web.id(ctx, "id");
    }

    private void coordinate(Context ctx) {
        long group = group(ctx);
        Optional<MatchRun> run = matches.latestRun(group);
        List<CareRequest> open = requests.inPlaces(areas.area(group), List.of("open", "awaiting_consent"));
        Map<Long, CareRequest> byId = new LinkedHashMap<>();
        List<CareMatch> drafts = matches.ofGroup(group, List.of(CareMatch.DRAFT));
        List<CareMatch> live = matches.ofGroup(group, List.of(CareMatch.PROPOSED, CareMatch.ACCEPTED));
        Map<Long, List<String>> unmatched = run.map(x -> matches.unmatched(x.id())).orElse(Map.of());
        java.util.Set<Long> ids = new java.util.HashSet<>(unmatched.keySet());
        drafts.forEach(m -> ids.add(m.requestId()));
        live.forEach(m -> ids.add(m.requestId()));
        open.forEach(r -> byId.put(r.id(), r));
        requests.byIds(ids).forEach(r -> byId.put(r.id(), r));
        web.render(ctx, "care/coordinate.jte", web.page(ctx, "care.coordinate.title", groups.name(group).orElse("")), "groupId", group,
                "open", open, "run", run.orElse(null), "drafts", drafts, "live", live, "unmatched", unmatched, "requests", byId,
                "waiting", visits.waiting(group));
    }

    private void run(Context ctx) {
        long group = group(ctx);
        limiter.consume(RUNS, "account:" + web.requireUser(ctx).id());
        matches.run(group, null, web.actor(ctx));
        web.redirectWithNotice(ctx, "/care/groups/" + group, "care.notice.matched");
    }

    private void send(Context ctx) {
        long group = group(ctx);
        int sent = matches.send(group, web.actor(ctx));
        web.redirectWithNotice(ctx, "/care/groups/" + group, sent == 0 ? "care.notice.nothingToSend" : "care.notice.sent");
    }

    private void volunteering(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        List<CareMatch> mine = matches.ofVolunteer(user.id());
        Map<Long, CareRequest> byId = new LinkedHashMap<>();
        requests.byIds(mine.stream().map(CareMatch::requestId).toList()).forEach(r -> byId.put(r.id(), r));
        web.render(ctx, "care/volunteering.jte", web.page(ctx, "care.volunteering.title"), "matches", mine, "requests", byId, "slots", slotNames());
    }

    private CareMatch match(Context ctx) {
        return matches.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void answer(Context ctx, boolean accept) {
        CareMatch m = match(ctx);
        CurrentUser user = web.requireUser(ctx);
        Optional<Refusal> refused = accept ? matches.accept(m.id(), user, web.actor(ctx)) : matches.decline(m.id(), user, web.actor(ctx));
        web.answer(ctx, refused, accept ? CareRequest.url(m.requestId()) : "/care/volunteering", accept ? "care.notice.accepted" : "care.notice.declined",
                () -> volunteering(ctx), new Web.Closed("care.closed.title", "care.closed.answered"));
    }

    private void logVisit(Context ctx) {
        CareMatch m = match(ctx);
        Form form = Form.read(ctx, "visitedOn", "minutes", "note");
        Optional<Refusal> refused = visits.log(m, form, web.actor(ctx));
        web.answer(ctx, refused, CareRequest.url(m.requestId()), "care.notice.visitLogged",
                () -> showRequest(ctx, requests.find(m.requestId()).orElseThrow(NotFoundResponse::new), form, false),
                new Web.Closed("care.closed.title", "care.closed.notOngoing"));
    }

    private void approve(Context ctx) {
        CareVisit v = visits.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        CareMatch m = matches.find(v.matchId()).orElseThrow(NotFoundResponse::new);
        web.answer(ctx, visits.approve(v.id(), web.actor(ctx)), "/care/groups/" + m.groupId(), "care.notice.approved", null,
                new Web.Closed("care.closed.title", "care.closed.approved"));
    }

    Map<String, String> skillNames() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : Skills.ALL) out.put(s, web.messages().get("skills." + s));
        return out;
    }

    Map<String, String> slotNames() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : Slots.ALL) out.put(s, CareFeature.slotWords(web.messages(), s));
        return out;
    }

    Map<String, String> languageNames() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : Languages.COMMON) out.put(l, Languages.name(l));
        return out;
    }
}
