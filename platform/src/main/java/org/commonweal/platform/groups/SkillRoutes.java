package org.commonweal.platform.groups;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.skills.Skills;

/** A resident's skills and interests, whether groups may find them, the vacancies that match them and the groups they belong to. */
final class SkillRoutes implements Routes {
    private final Web web;
    private final Groups groups;
    private final SkillProfiles profiles;
    private final Vacancies vacancies;

    SkillRoutes(Web web, Groups groups, SkillProfiles profiles, Vacancies vacancies) {
        this.web = web;
        this.groups = groups;
        this.profiles = profiles;
        this.vacancies = vacancies;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/account/skills", ctx -> show(ctx, SkillProfiles.form(profiles.of(web.requireUser(ctx).id()))), Access.SELF, Role.RESIDENT);
        r.post("/account/skills", this::save, Access.SELF, Role.RESIDENT);
    }

    private void show(Context ctx, Form form) {
        CurrentUser user = web.requireUser(ctx);
        SkillProfiles.Profile saved = profiles.of(user.id());
        web.render(ctx, "groups/skills.jte", web.page(ctx, "groups.skills.title"), "form", form,
                "skills", GroupRoutes.options(Skills.ALL, "skills.", web), "themes", GroupRoutes.options(GroupEditor.THEMES, "budgets.theme.", web),
                "matching", vacancies.matching(user.id(), saved.skills(), user.homePlaceId()), "memberships", groups.memberships(user.id()));
    }

    private void save(Context ctx) {
        Form form = GroupRoutes.read(ctx, SkillProfiles.FIELDS, "skills", "interests");
        if (!profiles.save(web.requireUser(ctx).id(), form, web.actor(ctx))) {
            ctx.status(422);
            show(ctx, form);
            return;
        }
        web.redirectWithNotice(ctx, "/account/skills", "groups.notice.skillsSaved");
    }
}
