package org.commonweal.platform.library;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.groups.Groups;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Residents nominate groups and volunteers in the open award round; officers open rounds, give awards and publish them. */
final class AwardRoutes implements Routes {
    static final Web.Closed CLOSED = new Web.Closed("library.awards.closed.title", "library.awards.closed.body");
    private final Web web;
    private final Awards awards;
    private final Groups groups;

    AwardRoutes(Web web, Awards awards, Groups groups) {
        this.web = web;
        this.awards = awards;
        this.groups = groups;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/celebrate", ctx -> show(ctx, Form.empty(), Form.empty()), Access.PUBLIC, Role.ANYONE);
        r.post("/celebrate/rounds", this::openRound, Access.ROLE, Role.OFFICER);
        r.get("/celebrate/rounds/{id}", ctx -> showRound(ctx, round(ctx), Form.empty()), Access.ROLE, Role.OFFICER);
        r.post("/celebrate/rounds/{id}/nominations", this::nominate, Access.ROLE, Role.RESIDENT);
        r.post("/celebrate/rounds/{id}/awards", this::award, Access.ROLE, Role.OFFICER);
        r.post("/celebrate/rounds/{id}/publish", ctx -> {
            Awards.Round round = round(ctx);
            web.answer(ctx, awards.publish(round.id(), web.actor(ctx)), "/celebrate", "library.awards.publishedNotice",
                    () -> showRound(ctx, round, Form.empty()), CLOSED);
        }, Access.ROLE, Role.OFFICER);
    }

    private Awards.Round round(Context ctx) {
        return awards.round(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private Optional<Awards.Round> openRound() {
        return awards.rounds().stream().filter(Awards.Round::open).findFirst();
    }

    private void show(Context ctx, Form nomination, Form newRound) {
        CurrentUser user = web.user(ctx);
        Optional<Awards.Round> open = openRound();
        var published = awards.published();
        Set<Long> ids = new HashSet<>();
        published.stream().map(Awards.Award::groupId).filter(java.util.Objects::nonNull).forEach(ids::add);
        // A nomination starts from the group's page ("Nominate this group"), which names the group in the query.
        String groupValue = nomination.value("group").isEmpty() ? Optional.ofNullable(ctx.queryParam("group")).orElse("") : nomination.value("group");
        Optional<org.commonweal.platform.groups.Group> nominee = StoryService.id(groupValue).flatMap(groups::find);
        web.render(ctx, "library/celebrate.jte", web.page(ctx, "library.awards.title"), "open", open.orElse(null),
                "nominated", open.isPresent() && user != null && awards.hasNominated(open.get().id(), user.id()),
                "nominee", nominee.orElse(null), "published", published, "names", groups.names(ids), "rounds", awards.rounds(),
                "nomination", nomination, "newRound", newRound);
    }

    private void showRound(Context ctx, Awards.Round round, Form awardForm) {
        var nominees = awards.nominees(round.id());
        Set<Long> ids = new HashSet<>();
        nominees.stream().map(Awards.Nominee::groupId).filter(java.util.Objects::nonNull).forEach(ids::add);
        web.render(ctx, "library/round.jte", web.page(ctx, "library.awards.round.title", round.title()), "round", round,
                "nominees", nominees, "names", groups.names(ids), "form", awardForm);
    }

    private void openRound(Context ctx) {
        Form form = Form.read(ctx, "title");
        Optional<Long> id = awards.openRound(form, web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            show(ctx, Form.empty(), form);
            return;
        }
        web.redirectWithNotice(ctx, "/celebrate/rounds/" + id.get(), "library.awards.roundOpened");
    }

    private void nominate(Context ctx) {
        Awards.Round round = round(ctx);
        Form form = Form.read(ctx, "group", "person", "reason");
        CurrentUser user = web.requireUser(ctx);
        Optional<Refusal> refused = awards.nominate(round.id(), user.id(), user.email(), form);
        if (refused.isPresent() && refused.get() == Refusal.ALREADY_DONE) form.error(form.value("person").isBlank() ? "group" : "person", "library.awards.error.once");
        web.answer(ctx, refused, "/celebrate", "library.awards.nominated", () -> show(ctx, form, Form.empty()), CLOSED);
    }

    private void award(Context ctx) {
        Awards.Round round = round(ctx);
        Form form = Form.read(ctx, "group", "person", "citation");
        web.answer(ctx, awards.award(round.id(), form, web.actor(ctx)), "/celebrate/rounds/" + round.id(), "library.awards.awarded",
                () -> showRound(ctx, round, form), CLOSED);
    }
}
