package org.commonweal.platform.volunteers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.Place;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.skills.Skills;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A group's volunteers as its admins, volunteer coordinators and safeguarding leads see them: the directory, a
 * volunteer's page (skills, times, training, references with their contacts, and the DBS level only), references marked
 * received. The certificate details, their verification and the Update Service's status checks are for the group's
 * safeguarding leads alone, and each view of the details is audited.
 */
final class GroupVolunteerRoutes implements Routes {
    private static final Web.Closed NOT_ON_UPDATE_SERVICE = new Web.Closed("volunteers.dbs.notOnUpdateService.title", "volunteers.dbs.notOnUpdateService.body");
    private final Web web;
    private final Groups groups;
    private final VolunteerService volunteers;
    private final VolunteerDirectory directory;
    private final ProfileRecords records;
    private final DbsChecks checks;
    private final PlaceService places;
    private final AuditLog audit;
    private final Access coordinating;
    private final Access safeguarding;

    GroupVolunteerRoutes(Web web, Groups groups, VolunteerService volunteers, VolunteerDirectory directory, ProfileRecords records, DbsChecks checks,
                         PlaceService places, AuditLog audit, Access coordinating, Access safeguarding) {
        this.web = web;
        this.groups = groups;
        this.volunteers = volunteers;
        this.directory = directory;
        this.records = records;
        this.checks = checks;
        this.places = places;
        this.audit = audit;
        this.coordinating = coordinating;
        this.safeguarding = safeguarding;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/groups/{id}/volunteers", this::list, coordinating, Role.RESIDENT);
        r.get("/groups/{id}/volunteers/{volunteer}", this::show, coordinating, Role.RESIDENT);
        r.post("/groups/{id}/volunteers/{volunteer}/references/{reference}", this::received, coordinating, Role.RESIDENT);
        r.get("/groups/{id}/volunteers/{volunteer}/dbs", ctx -> certificates(ctx, Form.empty()), safeguarding, Role.RESIDENT);
        r.post("/groups/{id}/volunteers/{volunteer}/dbs", this::record, safeguarding, Role.RESIDENT);
        r.post("/groups/{id}/volunteers/{volunteer}/dbs/{check}/verify", this::verify, safeguarding, Role.RESIDENT);
        r.get("/groups/{id}/volunteers/{volunteer}/dbs/{check}/status", ctx -> statusForm(ctx, Form.empty()), safeguarding, Role.RESIDENT);
        r.post("/groups/{id}/volunteers/{volunteer}/dbs/{check}/status", this::status, safeguarding, Role.RESIDENT);
    }

    private Group group(Context ctx) {
        return groups.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    /** The volunteer the path names, if they volunteer with the group it names; otherwise a 404, as if there were none. */
    private VolunteerProfile volunteer(Context ctx, Group g) {
        return volunteers.find(Web.id(ctx, "volunteer")).filter(v -> v.groupIds().contains(g.id())).orElseThrow(NotFoundResponse::new);
    }

    private void list(Context ctx) {
        Group g = group(ctx);
        String skill = query(ctx, "skill").filter(Skills.ALL::contains).orElse("");
        String language = query(ctx, "language").filter(Languages.ISO_639_1::contains).orElse("");
        String slot = query(ctx, "slot").filter(Slots.ALL::contains).orElse("");
        Long place = query(ctx, "place").flatMap(ProfileEditor::parseLong).filter(id -> places.find(id).isPresent()).orElse(null);
        DbsLevel dbs = query(ctx, "dbs").flatMap(DbsLevel::of).orElse(DbsLevel.NONE);
        String name = query(ctx, "name").map(s -> s.length() > 200 ? s.substring(0, 200) : s).orElse("");
        int pageNo = query(ctx, "page").flatMap(ProfileEditor::parseLong).map(n -> (int) Math.max(0, Math.min(n, 10_000))).orElse(0);
        VolunteerDirectory.Listing listing = directory.search(new VolunteerDirectory.Filter(g.id(), skill, language, slot, place, dbs, name, pageNo));
        Form filter = Form.empty().set("skill", skill).set("language", language).set("slot", slot).set("place", place == null ? "" : place.toString())
                .set("dbs", dbs == DbsLevel.NONE ? "" : dbs.code()).set("name", name);
        Map<String, String> slotNames = new LinkedHashMap<>();
        for (String s : Slots.ALL) slotNames.put(s, slotName(s));
        Map<String, String> levelNames = new LinkedHashMap<>();
        for (DbsLevel l : DbsLevel.certificates()) levelNames.put(l.code(), web.messages().get("volunteers.dbs.atLeast." + l.code()));
        Map<String, String> languageNames = Languages.ISO_639_1.stream().sorted(java.util.Comparator.comparing(Languages::name))
                .collect(Collectors.toMap(Function.identity(), Languages::name, (a, b) -> a, LinkedHashMap::new));
        web.render(ctx, "volunteers/directory.jte", web.page(ctx, "volunteers.directory.title", g.name()), "group", g, "filter", filter,
                "listing", listing, "pageNo", pageNo, "skills", ProfileRoutes.options(Skills.ALL, "skills.", web.messages()), "languages", languageNames,
                "slots", slotNames, "levels", levelNames, "places", places.tree(), "placeNames", placeNames(), "query", queryString(filter),
                "canImport", groups.isAdmin(g.id(), web.requireUser(ctx).id()));
    }

    private Map<Long, String> placeNames() {
        return places.tree().stream().collect(Collectors.toMap(Place::id, Place::name));
    }

    /** The filter as a query string for the next and previous pages' links. */
    private static String queryString(Form filter) {
        StringBuilder out = new StringBuilder();
        for (String f : List.of("skill", "language", "slot", "place", "dbs", "name")) {
            if (!filter.value(f).isEmpty()) out.append('&').append(f).append('=').append(java.net.URLEncoder.encode(filter.value(f), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    String slotName(String slot) {
        return web.messages().get("volunteers.slot", web.messages().get("volunteers.day." + Slots.day(slot)), web.messages().get("volunteers.part." + Slots.part(slot)));
    }

    private static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private void show(Context ctx) {
        Group g = group(ctx);
        VolunteerProfile v = volunteer(ctx, g);
        CurrentUser user = web.requireUser(ctx);
        List<DbsCheck> dbs = checks.of(v.id());
        web.render(ctx, "volunteers/volunteer.jte", web.page(ctx, "volunteers.volunteer.title", v.displayName()), "group", g, "volunteer", v,
                "summary", DbsChecks.summary(dbs, VolunteersFeature.today()).orElse(null), "waiting", dbs.stream().anyMatch(c -> !c.verified()),
                "training", records.training(v.id()), "references", records.references(v.id()), "away", records.away(v.id()),
                "slots", v.slots().stream().map(this::slotName).toList(), "languages", v.languages().stream().map(Languages::name).toList(),
                "place", v.homePlaceId() == null ? null : places.find(v.homePlaceId()).map(Place::name).orElse(null),
                "lead", volunteers.isSafeguardingLead(user.id(), g.id()), "today", VolunteersFeature.today());
    }

    private void received(Context ctx) {
        Group g = group(ctx);
        VolunteerProfile v = volunteer(ctx, g);
        Optional<Refusal> refused = records.markReceived(v.id(), Web.id(ctx, "reference"), "yes".equals(ctx.formParam("received")), web.actor(ctx));
        web.answer(ctx, refused, "/groups/" + g.id() + "/volunteers/" + v.id(), "volunteers.notice.referenceMarked", () -> { }, null);
    }

    /** The certificates' details, for a safeguarding lead of the group; the view is written to the audit log. */
    private void certificates(Context ctx, Form record) {
        Group g = group(ctx);
        VolunteerProfile v = volunteer(ctx, g);
        List<DbsCheck> dbs = checks.of(v.id());
        audit.record(web.actor(ctx), "volunteer.dbs_viewed", "volunteer:" + v.id(), "group:" + g.id() + ", " + dbs.size() + " certificates");
        web.render(ctx, "volunteers/certificates.jte", web.page(ctx, "volunteers.certificates.title", v.displayName()), "group", g, "volunteer", v,
                "checks", dbs, "checkGroups", groups.names(dbs.stream().map(DbsCheck::verifiedGroupId).filter(Objects::nonNull).toList()),
                "form", record,
                "today", VolunteersFeature.today());
    }

    private void record(Context ctx) {
        Group g = group(ctx);
        VolunteerProfile v = volunteer(ctx, g);
        Form form = Form.read(ctx, DbsChecks.FIELDS);
        web.answer(ctx, checks.enter(v.id(), form, g.id(), web.actor(ctx)), "/groups/" + g.id() + "/volunteers/" + v.id() + "/dbs",
                "volunteers.notice.dbsRecorded", () -> certificates(ctx, form), null);
    }

    private void verify(Context ctx) {
        Group g = group(ctx);
        VolunteerProfile v = volunteer(ctx, g);
        web.answer(ctx, checks.verify(v.id(), Web.id(ctx, "check"), g.id(), web.actor(ctx)), "/groups/" + g.id() + "/volunteers/" + v.id() + "/dbs",
                "volunteers.notice.dbsVerified", () -> certificates(ctx, Form.empty()), null);
    }

    /** The form for the Update Service's answer to a status check of one certificate (its details shown, so audited). */
    private void statusForm(Context ctx, Form form) {
        Group g = group(ctx);
        VolunteerProfile v = volunteer(ctx, g);
        DbsCheck check = checks.find(v.id(), Web.id(ctx, "check")).orElseThrow(NotFoundResponse::new);
        audit.record(web.actor(ctx), "volunteer.dbs_viewed", "volunteer:" + v.id(), "group:" + g.id() + ", certificate " + check.id());
        web.render(ctx, "volunteers/status.jte", web.page(ctx, "volunteers.status.title", v.displayName()), "group", g, "volunteer", v,
                "check", check, "checkGroup", check.verifiedGroupId() == null ? null : groups.name(check.verifiedGroupId()).orElse(null),
                "form", form, "today", VolunteersFeature.today());
    }

    private void status(Context ctx) {
        Group g = group(ctx);
        VolunteerProfile v = volunteer(ctx, g);
        Form form = Form.read(ctx, "status", "statusCheckedOn");
        web.answer(ctx, checks.recordStatus(v.id(), Web.id(ctx, "check"), form, web.actor(ctx)), "/groups/" + g.id() + "/volunteers/" + v.id() + "/dbs",
                "volunteers.notice.dbsStatus", () -> statusForm(ctx, form), NOT_ON_UPDATE_SERVICE);
    }
}
