package org.commonweal.platform.library;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.accounts.Bans;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.PhotoUpload;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.places.PlaceService;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.deliberation.Deliberation;
import org.commonweal.platform.groups.Groups;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Residents and organisers write stories and send them for review; officers publish, return or take them down; anyone reads the published ones. */
final class StoryRoutes implements Routes {
    static final Web.Closed CLOSED = new Web.Closed("library.closed.title", "library.closed.body");
    /** A story is long work: a few an hour is plenty for a person, far below what a spammer needs. */
    static final RateLimiter.Limit WRITES = new RateLimiter.Limit("library-writes", 20, Duration.ofHours(1));
    private final Web web;
    private final StoryService stories;
    private final StoryPrefill prefill;
    private final PlaceService places;
    private final Groups groups;
    private final Bans bans;
    private final RateLimiter limiter;
    private final Deliberation deliberation;
    private final NamedPeople named;
    private final StoryEvidence evidence;

    StoryRoutes(Web web, StoryService stories, StoryPrefill prefill, PlaceService places, Groups groups, Bans bans, RateLimiter limiter,
                Deliberation deliberation, NamedPeople named, StoryEvidence evidence) {
        this.named = named;
        this.evidence = evidence;
        this.web = web;
        this.stories = stories;
        this.prefill = prefill;
        this.places = places;
        this.groups = groups;
        this.bans = bans;
        this.limiter = limiter;
        this.deliberation = deliberation;
    }

    @Override
    public void routes(RoutesConfig r) {
        Access authored = Access.owner(new ObjectKind("story", id -> stories.find(id).map(s -> ObjectKind.Owners.account(s.authorId()))));
        r.get("/library", this::browse, Access.PUBLIC, Role.ANYONE);
        r.get("/library/mine", ctx -> web.render(ctx, "library/mine.jte", web.page(ctx, "library.mine.title"),
                "stories", stories.byAuthor(web.requireUser(ctx).id())), Access.SELF, Role.RESIDENT);
        r.get("/library/review", ctx -> web.render(ctx, "library/review.jte", web.page(ctx, "library.review.title"),
                "stories", stories.awaitingReview()), Access.ROLE, Role.OFFICER);
        r.get("/library/new", this::showNew, Access.ROLE, Role.RESIDENT);
        r.post("/library", this::create, Access.ROLE, Role.RESIDENT);
        r.get("/library/{id}", this::show, Access.PUBLIC, Role.ANYONE);
        r.get("/library/{id}/edit", ctx -> {
            Story s = visible(ctx);
            showForm(ctx, s, formOf(s).set("tags", String.join(", ", stories.tags(s.id())))
                    .set("people", String.join(", ", stories.namedPeople(s.id()))));
        }, authored, Role.RESIDENT);
        r.post("/library/{id}", this::edit, authored, Role.RESIDENT);
        r.post("/library/{id}/submit", ctx -> step(ctx, stories.submit(id(ctx), web.requireUser(ctx).id(), web.actor(ctx)), "library.submitted"), authored, Role.RESIDENT);
        r.post("/library/{id}/withdraw", ctx -> step(ctx, stories.withdraw(id(ctx), Optional.of(web.requireUser(ctx).id()), web.actor(ctx)), "library.withdrawn"), authored, Role.RESIDENT);
        r.post("/library/{id}/publish", ctx -> step(ctx, stories.publish(id(ctx), web.actor(ctx)), "library.published"), Access.ROLE, Role.OFFICER);
        r.post("/library/{id}/return", ctx -> step(ctx, stories.returnToAuthor(id(ctx), web.actor(ctx)), "library.returned"), Access.ROLE, Role.OFFICER);
        r.post("/library/{id}/photos", ctx -> addEvidence(ctx, true), authored, Role.RESIDENT);
        r.get("/library/{id}/photos/{photo}", ctx -> evidence.photo(visible(ctx).id(), Web.id(ctx, "photo")).orElseThrow(NotFoundResponse::new).serve(ctx),
                Access.PUBLIC, Role.ANYONE);
        r.post("/library/{id}/photos/{photo}/remove", ctx -> removeEvidence(ctx,
                evidence.removePhoto(id(ctx), Web.id(ctx, "photo"), web.requireUser(ctx).id(), web.actor(ctx))), authored, Role.RESIDENT);
        r.post("/library/{id}/links", ctx -> addEvidence(ctx, false), authored, Role.RESIDENT);
        r.post("/library/{id}/links/{link}/remove", ctx -> removeEvidence(ctx,
                evidence.removeLink(id(ctx), Web.id(ctx, "link"), web.requireUser(ctx).id(), web.actor(ctx))), authored, Role.RESIDENT);
        r.post("/library/{id}/takedown", ctx -> step(ctx, stories.withdraw(id(ctx), Optional.empty(), web.actor(ctx)), "library.takenDown"), Access.ROLE, Role.OFFICER);
    }

    private static long id(Context ctx) {
        return Web.id(ctx, "id");
    }

    /** The story in the path as this user may see it: published for everyone, otherwise only for its author and officers. */
    private Story visible(Context ctx) {
        CurrentUser user = web.user(ctx);
        return stories.find(id(ctx)).filter(s -> !s.status().equals("withdrawn"))
                .filter(s -> s.published() || user != null && (user.has(Role.OFFICER) || s.authorId() != null && s.authorId() == user.id()))
                .orElseThrow(NotFoundResponse::new);
    }

    private void browse(Context ctx) {
        String text = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).filter(t -> t.length() <= 200).orElse("");
        String theme = Optional.ofNullable(ctx.queryParam("theme")).filter(Story.THEMES::contains).orElse("");
        String purpose = Optional.ofNullable(ctx.queryParam("purpose")).filter(Story.PURPOSES::contains).orElse("");
        String tag = Optional.ofNullable(ctx.queryParam("tag")).map(StoryTags::normalise).filter(t -> t.length() <= StoryTags.MAX_LENGTH).orElse("");
        Long place = StoryService.id(ctx.queryParam("place")).filter(id -> places.find(id).isPresent()).orElse(null);
        int pageNo = StoryService.id(ctx.queryParam("page")).map(n -> (int) Math.min(n, 10_000)).orElse(0);
        List<Story> found = stories.browse(new StoryService.Browse(text, place, theme, purpose, tag, pageNo));
        Form filters = Form.empty().set("q", text).set("theme", theme).set("purpose", purpose).set("tag", tag)
                .set("place", place == null ? "" : place.toString());
        String query = "q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8) + "&place=" + (place == null ? "" : place)
                + "&theme=" + theme + "&purpose=" + purpose + "&tag=" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8);
        web.render(ctx, "library/list.jte", web.page(ctx, "library.list.title"), "stories",
                found.subList(0, Math.min(found.size(), StoryService.PAGE_SIZE)), "hasNext", found.size() > StoryService.PAGE_SIZE,
                "pageNo", pageNo, "query", query, "filters", filters, "places", places.tree());
    }

    private void show(Context ctx) {
        show(ctx, Form.empty(), Form.empty());
    }

    /** The story's page; {@code photoForm} and {@code linkForm} are its author's evidence forms, with errors after a refused one. */
    private void show(Context ctx, Form photoForm, Form linkForm) {
        Story s = visible(ctx);
        CurrentUser user = web.user(ctx);
        boolean mine = user != null && s.authorId() != null && s.authorId() == user.id();
        var source = prefill.source(s);
        web.render(ctx, "library/story.jte", web.page(ctx, "library.story.title", s.title()), "story", s, "mine", mine,
                "cost", s.costMinor() == null ? null : org.commonweal.platform.budgets.Money.format(s.costMinor(), StoryService.CURRENCY),
                "groupName", s.groupId() == null ? null : groups.name(s.groupId()).orElse(null), "source", source.orElse(null),
                "similar", s.published() ? stories.similar(s, 5) : List.of(), "tags", stories.tags(s.id()),
                "involved", named.inStory(s.id()), "photos", evidence.photos(s.id()), "links", evidence.links(s.id()),
                "photoForm", photoForm, "linkForm", linkForm,
                "thread", s.published() ? deliberation.thread(new Subject(StoryIndex.KIND, s.id()), user) : null);
    }

    private void showNew(Context ctx) {
        if (banned(ctx)) return;
        CurrentUser user = web.requireUser(ctx);
        Form form = StoryService.id(ctx.queryParam("project")).flatMap(prefill::fromDeliveredProject)
                .or(() -> StoryService.id(ctx.queryParam("problem")).flatMap(prefill::fromSolvedProblem))
                .or(() -> StoryService.id(ctx.queryParam("consultation")).flatMap(prefill::fromConsultation))
                .orElse(Form.empty().set("place", user.homePlaceId() == null ? "" : user.homePlaceId().toString()));
        showForm(ctx, null, form);
    }

    private void showForm(Context ctx, Story editing, Form form) {
        CurrentUser user = web.requireUser(ctx);
        web.render(ctx, "library/form.jte", web.page(ctx, editing == null ? "library.new.title" : "library.edit.title"), "editing", editing,
                "form", form, "places", places.tree(), "groups", groups.memberships(user.id()));
    }

    private void create(Context ctx) {
        if (banned(ctx)) return;
        limiter.consume(WRITES, "account:" + web.requireUser(ctx).id());
        Form form = Form.read(ctx, StoryService.FIELDS);
        Optional<Long> id = stories.create(web.requireUser(ctx).id(), form, web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            showForm(ctx, null, form);
            return;
        }
        web.redirectWithNotice(ctx, StoryIndex.url(id.get()), "library.drafted");
    }

    private void edit(Context ctx) {
        Story s = visible(ctx);
        if (banned(ctx)) return;
        limiter.consume(WRITES, "account:" + web.requireUser(ctx).id());
        Form form = Form.read(ctx, StoryService.FIELDS);
        Optional<Refusal> refused = stories.edit(s.id(), web.requireUser(ctx).id(), form, web.actor(ctx));
        web.answer(ctx, refused, StoryIndex.url(s.id()), "library.saved", () -> showForm(ctx, s, form), CLOSED);
    }

    /** Adds a photo (multipart) or a document link; a refused one shows the story again with the errors on its form. */
    private void addEvidence(Context ctx, boolean photo) throws java.io.IOException {
        Story s = visible(ctx);
        if (banned(ctx)) return;
        limiter.consume(WRITES, "account:" + web.requireUser(ctx).id());
        long account = web.requireUser(ctx).id();
        Form form = photo ? Form.read(ctx, "photoAlt") : Form.read(ctx, "linkTitle", "linkUrl");
        Optional<Refusal> refused = photo ? evidence.addPhoto(s.id(), account, form, PhotoUpload.read(ctx, "photo"), web.actor(ctx))
                : evidence.addLink(s.id(), account, form, web.actor(ctx));
        web.answer(ctx, refused, StoryIndex.url(s.id()) + (photo ? "#photos" : "#documents"), photo ? "library.photo.added" : "library.link.added",
                () -> show(ctx, photo ? form : Form.empty(), photo ? Form.empty() : form), CLOSED);
    }

    private void removeEvidence(Context ctx, Optional<Refusal> refused) {
        web.answer(ctx, refused, StoryIndex.url(id(ctx)), "library.evidence.removed", () -> { throw new NotFoundResponse(); }, CLOSED);
    }

    private void step(Context ctx, Optional<Refusal> refused, String notice) {
        web.answer(ctx, refused, refused.isEmpty() && notice.equals("library.takenDown") ? "/library" : StoryIndex.url(id(ctx)), notice,
                () -> { throw new NotFoundResponse(); }, CLOSED);
    }

    /** A banned account writes nothing: the page says so (403) before a form is offered. */
    private boolean banned(Context ctx) {
        Optional<Bans.Ban> ban = bans.active(web.requireUser(ctx).id());
        if (ban.isEmpty()) return false;
        ctx.status(403);
        web.render(ctx, "error.jte", web.page(ctx, "library.banned.title"), "message", web.messages().get("library.banned.body", ban.get().reason()));
        return true;
    }

    static Form formOf(Story s) {
        return Form.empty().set("title", s.title()).set("summary", s.summary()).set("problem", s.problem()).set("approach", s.approach())
                .set("place", String.valueOf(s.placeId())).set("theme", s.theme()).set("purpose", s.purpose())
                .set("participants", s.participants() == null ? "" : s.participants().toString())
                .set("startedOn", s.startedOn() == null ? "" : s.startedOn().toString()).set("endedOn", s.endedOn() == null ? "" : s.endedOn().toString())
                .set("outcomes", s.outcomes()).set("evidence", s.evidence())
                .set("cost", s.costMinor() == null ? "" : org.commonweal.platform.budgets.Money.plain(s.costMinor(), StoryService.CURRENCY))
                .set("lessons", s.lessons()).set("group", s.groupId() == null ? "" : s.groupId().toString())
                .set("sourceKind", s.sourceKind() == null ? "" : s.sourceKind()).set("sourceId", s.sourceId() == null ? "" : s.sourceId().toString());
    }
}
