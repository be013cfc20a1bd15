package org.commonweal.platform.volunteers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.skills.Skills;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resident's own volunteer profile: only ever their own (the route names no one else's). */
final class ProfileRoutes implements Routes {
    static final String PATH = "/volunteer/profile";
    private final Web web;
    private final VolunteerService volunteers;
    private final ProfileEditor editor;
    private final Groups groups;
    private final PlaceService places;

    ProfileRoutes(Web web, VolunteerService volunteers, ProfileEditor editor, Groups groups, PlaceService places) {
        this.web = web;
        this.volunteers = volunteers;
        this.editor = editor;
        this.groups = groups;
        this.places = places;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get(PATH, ctx -> show(ctx, ProfileEditor.form(volunteers.ofAccount(web.requireUser(ctx).id()))), Access.SELF, Role.RESIDENT);
        r.post(PATH, this::save, Access.SELF, Role.RESIDENT);
    }

    /** The groups a volunteer may tick: those they belong to now, and those they already volunteer with. */
    private Map<Long, String> groupChoices(long accountId, Optional<VolunteerProfile> saved) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Group.Membership m : groups.memberships(accountId)) out.put(m.group().id(), m.group().name());
        saved.ifPresent(p -> out.putAll(groups.names(p.groupIds())));
        return out;
    }

    private void show(Context ctx, Form form) {
        CurrentUser user = web.requireUser(ctx);
        Optional<VolunteerProfile> saved = volunteers.ofAccount(user.id());
        Messages m = web.messages();
        Map<String, String> groupOptions = new LinkedHashMap<>();
        groupChoices(user.id(), saved).forEach((id, name) -> groupOptions.put(String.valueOf(id), name));
        web.render(ctx, "volunteers/profile.jte", web.page(ctx, "volunteers.profile.title"), "form", form, "saved", saved.isPresent(),
                "skills", options(Skills.ALL, "skills.", m), "languages", languageOptions(), "slots", Slots.DAYS,
                "transport", options(ProfileEditor.TRANSPORT, "volunteers.transport.", m), "themes", options(ProfileEditor.THEMES, "budgets.theme.", m),
                "places", places.tree(), "groups", groupOptions);
    }

    private void save(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        Form form = read(ctx, ProfileEditor.FIELDS, ProfileEditor.SEVERAL);
        if (!editor.save(user.id(), user.name(), form, groupChoices(user.id(), volunteers.ofAccount(user.id())).keySet(), web.actor(ctx))) {
            ctx.status(422);
            show(ctx, form);
            return;
        }
        web.redirectWithNotice(ctx, PATH, "volunteers.notice.profileSaved");
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
