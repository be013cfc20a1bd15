package org.commonweal.platform.consultations;

import org.commonweal.platform.groups.Groups;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.accounts.Bans;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What everyone sees (the list, a consultation, its documents, its outcome) and how residents and organisations answer. */
final class ConsultationRoutes implements Routes {
    /** Answers per account: generous for editing a long response, tight enough to stop a script. */
    static final RateLimiter.Limit ANSWERS = new RateLimiter.Limit("consultation-answers", 20, Duration.ofHours(1));
    private final Web web;
    private final ConsultationService consultations;
    private final AnswerService answers;
    private final Documents documents;
    private final Analysis analysis;
    private final Groups groups;
    private final Bans bans;
    private final RateLimiter limiter;

    private final org.commonweal.platform.deliberation.Deliberation deliberation;
    private final ConversationQuestions conversations;

    ConsultationRoutes(Web web, ConsultationService consultations, AnswerService answers, Documents documents, Analysis analysis,
                       Groups groups, Bans bans, RateLimiter limiter, org.commonweal.platform.deliberation.Deliberation deliberation,
                       ConversationQuestions conversations) {
        this.conversations = conversations;
        this.deliberation = deliberation;
        this.web = web;
        this.consultations = consultations;
        this.answers = answers;
        this.documents = documents;
        this.analysis = analysis;
        this.groups = groups;
        this.bans = bans;
        this.limiter = limiter;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/consultations", this::list, Access.PUBLIC, Role.ANYONE);
        r.get("/consultations/{id}", this::show, Access.PUBLIC, Role.ANYONE);
        r.get("/consultations/{id}/documents/{document}", this::document, Access.PUBLIC, Role.ANYONE);
        r.get("/consultations/{id}/outcome", this::outcome, Access.PUBLIC, Role.ANYONE);
        r.get("/consultations/{id}/said", this::said, Access.PUBLIC, Role.ANYONE);
        r.get("/consultations/{id}/respond", this::showAnswerForm, Access.ROLE, Role.RESIDENT);
        r.post("/consultations/{id}/respond", this::answer, Access.ROLE, Role.RESIDENT);
    }

    static LocalDate today() {
        return LocalDate.now(ConsultationsFeature.ZONE);
    }

    /** The consultation, if the user may see it: drafts exist only for their owners. */
    static Consultation visible(Context ctx, Web web, ConsultationService consultations) {
        Consultation c = consultations.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        if (c.draft() && !consultations.mayManage(web.user(ctx), c)) throw new NotFoundResponse();
        return c;
    }

    private void list(Context ctx) {
        CurrentUser user = web.user(ctx);
        web.render(ctx, "consultations/list.jte", web.page(ctx, "consultations.list.title"), "consultations", consultations.published(),
                "drafts", user == null ? List.<Consultation>of() : consultations.draftsFor(user), "mayCreate", consultations.mayCreate(user), "today", today());
    }

    private void show(Context ctx) {
        Consultation c = visible(ctx, web, consultations);
        CurrentUser user = web.user(ctx);
        List<Workstream> streams = consultations.structure(c.id());
        web.render(ctx, "consultations/consultation.jte", web.page(ctx, "consultations.page.title", c.title()), "c", c,
                "workstreams", streams, "conversations", conversations.embedded(streams, user),
                "answerable", streams.stream().anyMatch(w -> w.questions().stream().anyMatch(Question::answerable)),
                "documents", documents.list(c.id()), "today", today(),
                "manager", consultations.mayManage(user, c), "organisationsResponded", organisationsResponded(c.id()),
                "thread", deliberation.thread(new org.commonweal.platform.core.subjects.Subject(ConsultationIndex.KIND, c.id()), user));
    }

    private List<String> organisationsResponded(long consultationId) {
        return answers.organisationsResponded(consultationId);
    }

    private void document(Context ctx) {
        Consultation c = visible(ctx, web, consultations);
        Documents.Content d = documents.content(c.id(), Web.id(ctx, "document")).orElseThrow(NotFoundResponse::new);
        String name = d.document().fileName();
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(d.document().mediaType());
        ctx.result(d.bytes());
    }

    private void outcome(Context ctx) {
        Consultation c = visible(ctx, web, consultations);
        if (!c.outcomePublished()) throw new NotFoundResponse();
        List<Workstream> streams = consultations.structure(c.id());
        web.render(ctx, "consultations/outcome.jte", web.page(ctx, "consultations.outcome.title", c.title()), "c", c, "workstreams", streams,
                "findings", conversations.findings(streams));
    }

    /** The free-text answers, when the owner chose to publish answers: names, "Anonymous" or the organisation's name. */
    private void said(Context ctx) {
        Consultation c = visible(ctx, web, consultations);
        if (!c.answersPublic()) throw new NotFoundResponse();
        List<Question> texts = consultations.structure(c.id()).stream().flatMap(w -> w.questions().stream()).filter(q -> q.kind().equals("text")).toList();
        Map<Question, List<Analysis.TextAnswer>> answersByQuestion = new LinkedHashMap<>();
        for (Question q : texts) answersByQuestion.put(q, analysis.texts(q.id(), null, 0));
        web.render(ctx, "consultations/said.jte", web.page(ctx, "consultations.said.title", c.title()), "c", c, "answers", answersByQuestion);
    }

    /** Who the form answers for: the user ("me") or an organisation they belong to (its id in {@code as}). */
    private Optional<Long> respondingFor(Context ctx, String as, CurrentUser user) {
        if (as == null || as.isEmpty() || as.equals("me")) return Optional.empty();
        Long org = ConsultationService.parseId(as).filter(o -> groups.role(o, user.id()).isPresent()).orElseThrow(ForbiddenResponse::new);
        return Optional.of(org);
    }

    private void showAnswerForm(Context ctx) {
        Consultation c = visible(ctx, web, consultations);
        CurrentUser user = web.requireUser(ctx);
        Optional<Long> org = respondingFor(ctx, ctx.queryParam("as"), user);
        Form form = Form.empty().set("as", org.map(String::valueOf).orElse("me"));
        Optional<AnswerService.Existing> existing = answers.existing(c.id(), user.id(), org.orElse(null));
        List<Workstream> streams = consultations.structure(c.id());
        existing.ifPresent(e -> {
            if (e.anonymous()) form.set("anonymous", "yes");
            for (Workstream w : streams) for (Question q : w.questions()) {
                AnswerSheet.Answer a = e.answers().get(q.id());
                if (a != null) AnswerSheet.fields(q, a).forEach(form::set);
            }
        });
        renderAnswerForm(ctx, c, streams, form, existing.isPresent());
    }

    private void renderAnswerForm(Context ctx, Consultation c, List<Workstream> streams, Form form, boolean editing) {
        CurrentUser user = web.requireUser(ctx);
        Map<String, Question> byField = new LinkedHashMap<>();
        for (Workstream w : streams) for (Question q : w.questions()) byField.put(q.field(), q);
        web.render(ctx, "consultations/respond.jte", web.page(ctx, "consultations.respond.title", c.title()), "c", c, "workstreams", streams,
                "form", form, "byField", byField, "memberships", groups.memberships(user.id()), "editing", editing,
                "open", c.acceptsAnswers(today()));
    }

    private void answer(Context ctx) {
        Consultation c = visible(ctx, web, consultations);
        CurrentUser user = web.requireUser(ctx);
        var ban = bans.active(user.id());
        if (ban.isPresent()) {
            ctx.status(403);
            String message = ban.get().endsAt() == null ? web.messages().get("consultations.banned.indefinitely")
                    : web.messages().get("consultations.banned.until", web.messages().date(ban.get().endsAt()));
            web.render(ctx, "error.jte", web.page(ctx, "consultations.banned.title"), "message", message);
            return;
        }
        limiter.consume(ANSWERS, "account:" + user.id());
        Map<String, String> fields = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (!k.equals("_csrf") && !v.isEmpty() && k.length() <= 60) fields.put(k, v.getFirst());
        });
        Optional<Long> org = respondingFor(ctx, fields.getOrDefault("as", "me"), user);
        Form form = Form.empty();
        var refused = answers.submit(c.id(), user, org.orElse(null), "yes".equals(fields.get("anonymous")), fields, form, today());
        web.answer(ctx, refused, "/consultations/" + c.id(), "consultations.respond.saved", () -> {
            if (refused.get() == Refusal.CLOSED) {
                web.render(ctx, "error.jte", web.page(ctx, "consultations.notOpen.title"), "message",
                        web.messages().get("consultations.notOpen.body", c.opensOn(), c.closesOn()));
            } else {
                renderAnswerForm(ctx, c, consultations.structure(c.id()), form, false);
            }
        }, null);
    }
}
