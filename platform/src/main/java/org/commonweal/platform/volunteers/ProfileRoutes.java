package org.commonweal.platform.volunteers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.skills.Skills;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The resident's own volunteer profile and its lists (away dates, training, references, DBS certificates): only ever
 * their own, since no route names anyone else's; an item of someone else's is not found.
 */
final class ProfileRoutes implements Routes {
    static final String PATH = "/volunteer/profile";
    private static final Web.Closed NO_PROFILE = new Web.Closed("volunteers.noProfile.title", "volunteers.noProfile.body");
    private final Web web;
    private final VolunteerService volunteers;
    private final ProfileEditor editor;
    private final ProfileRecords records;
    private final DbsChecks checks;
    private final Groups groups;
    private final PlaceService places;

    ProfileRoutes(Web web, VolunteerService volunteers, ProfileEditor editor, ProfileRecords records, DbsChecks checks, Groups groups, PlaceService places) {
        this.web = web;
        this.volunteers = volunteers;
        this.editor = editor;
        this.records = records;
        this.checks = checks;
        this.groups = groups;
        this.places = places;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get(PATH, ctx -> show(ctx, Map.of()), Access.SELF, Role.RESIDENT);
        r.post(PATH, this::save, Access.SELF, Role.RESIDENT);
        r.post(PATH + "/away", ctx -> add(ctx, "away", ProfileRecords.AWAY_FIELDS, (v, f) -> records.addAway(v, f, web.actor(ctx))), Access.SELF, Role.RESIDENT);
        r.post(PATH + "/training", ctx -> add(ctx, "training", ProfileRecords.TRAINING_FIELDS, (v, f) -> records.addTraining(v, f, web.actor(ctx))),
                Access.SELF, Role.RESIDENT);
        r.post(PATH + "/references", ctx -> add(ctx, "reference", ProfileRecords.REFERENCE_FIELDS, (v, f) -> records.addReference(v, f, web.actor(ctx))),
                Access.SELF, Role.RESIDENT);
        r.post(PATH + "/dbs", ctx -> add(ctx, "dbs", DbsChecks.FIELDS, (v, f) -> checks.enter(v, f, null, web.actor(ctx))), Access.SELF, Role.RESIDENT);
        r.post(PATH + "/away/{item}/delete", ctx -> remove(ctx, (v, id) -> records.remove("volunteer_away", v, id, web.actor(ctx))), Access.SELF, Role.RESIDENT);
        r.post(PATH + "/training/{item}/delete", ctx -> remove(ctx, (v, id) -> records.remove("volunteer_training", v, id, web.actor(ctx))),
                Access.SELF, Role.RESIDENT);
        r.post(PATH + "/references/{item}/delete", ctx -> remove(ctx, (v, id) -> records.remove("volunteer_references", v, id, web.actor(ctx))),
                Access.SELF, Role.RESIDENT);
        r.post(PATH + "/dbs/{item}/delete", ctx -> remove(ctx, (v, id) -> checks.delete(v, id, web.actor(ctx))), Access.SELF, Role.RESIDENT);
    }

    /** The groups a volunteer may tick: those they belong to now, and those they already volunteer with. */
    private Map<Long, String> groupChoices(long accountId, Optional<VolunteerProfile> saved) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Group.Membership m : groups.memberships(accountId)) out.put(m.group().id(), m.group().name());
        saved.ifPresent(p -> out.putAll(groups.names(p.groupIds())));
        return out;
    }

    /** The page, with {@code forms} holding the posted form of a section ("profile", "away", "training", "reference", "dbs") shown again. */
    private void show(Context ctx, Map<String, Form> forms) {
        CurrentUser user = web.requireUser(ctx);
        Optional<VolunteerProfile> saved = volunteers.ofAccount(user.id());
        Messages m = web.messages();
        Map<String, String> groupOptions = new LinkedHashMap<>();
        groupChoices(user.id(), saved).forEach((id, name) -> groupOptions.put(String.valueOf(id), name));
        Form errors = forms.values().stream().filter(Form::hasErrors).findFirst().orElse(Form.empty());
        long v = saved.map(VolunteerProfile::id).orElse(-1L);
        List<DbsCheck> dbs = saved.isPresent() ? checks.of(v) : List.of();
        web.render(ctx, "volunteers/profile.jte", web.page(ctx, "volunteers.profile.title"),
                "form", forms.getOrDefault("profile", ProfileEditor.form(saved)), "errors", errors, "saved", saved.isPresent(),
                "skills", options(Skills.ALL, "skills.", m), "languages", languageOptions(), "slots", Slots.DAYS,
                "transport", options(ProfileEditor.TRANSPORT, "volunteers.transport.", m), "themes", options(ProfileEditor.THEMES, "budgets.theme.", m),
                "places", places.tree(), "groups", groupOptions,
                "away", saved.isPresent() ? records.away(v) : List.of(), "training", saved.isPresent() ? records.training(v) : List.of(),
                "references", saved.isPresent() ? records.references(v) : List.of(), "checks", dbs,
                "checkGroups", groups.names(dbs.stream().map(DbsCheck::verifiedGroupId).filter(java.util.Objects::nonNull).toList()),
                "awayForm", forms.getOrDefault("away", Form.empty()), "trainingForm", forms.getOrDefault("training", Form.empty().set("trainingKind", "training")),
                "referenceForm", forms.getOrDefault("reference", Form.empty()), "dbsForm", forms.getOrDefault("dbs", Form.empty()),
                "today", VolunteersFeature.today());
    }

    private void save(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        Form form = read(ctx, ProfileEditor.FIELDS, ProfileEditor.SEVERAL);
        if (!editor.save(user.id(), user.name(), form, groupChoices(user.id(), volunteers.ofAccount(user.id())).keySet(), web.actor(ctx))) {
            ctx.status(422);
            show(ctx, Map.of("profile", form));
            return;
        }
        web.redirectWithNotice(ctx, PATH, "volunteers.notice.profileSaved");
    }

    private void add(Context ctx, String section, String[] fields, BiFunction<Long, Form, Optional<Refusal>> action) {
        Optional<VolunteerProfile> mine = volunteers.ofAccount(web.requireUser(ctx).id());
        Form form = Form.read(ctx, fields);
        Optional<Refusal> refused = mine.isEmpty() ? Optional.of(Refusal.CLOSED) : action.apply(mine.get().id(), form);
        Map<String, Form> forms = new HashMap<>();
        forms.put(section, form);
        web.answer(ctx, refused, PATH + "#" + section, "volunteers.notice." + section + "Added", () -> show(ctx, forms), NO_PROFILE);
    }

    private void remove(Context ctx, BiFunction<Long, Long, Optional<Refusal>> action) {
        Optional<VolunteerProfile> mine = volunteers.ofAccount(web.requireUser(ctx).id());
        Optional<Refusal> refused = mine.isEmpty() ? Optional.of(Refusal.NOT_FOUND) : action.apply(mine.get().id(), Web.id(ctx, "item"));
        web.answer(ctx, refused, PATH, "volunteers.notice.removed", () -> show(ctx, Map.of()), NO_PROFILE);
    }

    /** The posted fields, each checkbox group's values joined by commas. */
    static Form read(Context ctx, String[] fields, String... several) {
        Form form = Form.read(ctx, fields);
        for (String f : several) form.set(f, String.join(",", ctx.formParams(f)));
        return form;
    }

    static Map<String, String> options(List<String> codes, String labelPrefix, Messages messages) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String c : codes) options.put(c, messages.get(labelPrefix + c));
        return options;
    }

    static Map<String, String> languageOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        for (String c : Languages.COMMON) options.put(c, Languages.name(c));
        return options;
    }
}
