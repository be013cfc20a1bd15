package org.commonweal.platform.deliberation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Feature;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.LocalPath;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.commonweal.platform.core.subjects.Subjects;

import java.util.Optional;

/**
 * Residents post, reply to, edit and report comments, and follow subjects. Forms come from the thread that another
 * feature's page includes; after posting, the resident goes back to that page (its path, checked to be on this site).
 */
final class CommentRoutes implements Feature {
    private final Web web;
    private final Deliberation deliberation;
    private final Follows follows;
    private final Subjects subjects;

    CommentRoutes(Web web, Deliberation deliberation, Follows follows, Subjects subjects) {
        this.web = web;
        this.deliberation = deliberation;
        this.follows = follows;
        this.subjects = subjects;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.post("/comments", this::post, Role.RESIDENT);
        r.get("/comments/{id}/reply", this::showReply, Role.RESIDENT);
        r.get("/comments/{id}/edit", this::showEdit, Role.RESIDENT);
        r.post("/comments/{id}/edit", this::edit, Role.RESIDENT);
        r.get("/comments/{id}/report", this::showReport, Role.RESIDENT);
        r.post("/comments/{id}/report", this::report, Role.RESIDENT);
        r.post("/follows", this::follow, Role.RESIDENT);
    }

    private SubjectInfo subject(String key) {
        return Subject.parse(key).flatMap(subjects::find).orElseThrow(NotFoundResponse::new);
    }

    private Comment comment(Context ctx) {
        return deliberation.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private static String back(Form form, SubjectInfo subject) {
        return LocalPath.of(form.value("return")).orElse(subject.url());
    }

    private void post(Context ctx) {
        Form form = Form.read(ctx, "subject", "parent", "body", "return");
        SubjectInfo subject = subject(form.value("subject"));
        Long parent = null;
        if (!form.value("parent").isEmpty()) {
            try {
                parent = Long.parseLong(form.value("parent"));
            } catch (NumberFormatException e) {
                throw new NotFoundResponse();
            }
        }
        CurrentUser user = web.requireUser(ctx);
        Deliberation.Result result = deliberation.post(subject.subject(), parent, user, form);
        if (result.ok()) {
            web.redirectWithNotice(ctx, back(form, subject) + "#comment-" + result.commentId(), "deliberation.posted");
            return;
        }
        Comment parentComment = parent == null ? null : deliberation.find(parent).orElse(null);
        refuse(ctx, result.refusal(), user, () -> showWrite(ctx, subject, parentComment, null, form, problem(result.refusal(), user)));
    }

    private String problem(Deliberation.Refusal refusal, CurrentUser user) {
        return switch (refusal) {
            case BANNED -> web.messages().get("deliberation.banned", deliberation.banned(user.id()).orElse(""));
            case CLOSED -> web.messages().get("deliberation.closed");
            case TOO_LATE -> web.messages().get("deliberation.error.tooLate");
            default -> null;
        };
    }

    private void refuse(Context ctx, Deliberation.Refusal refusal, CurrentUser user, Runnable showAgain) {
        switch (refusal) {
            case NOT_FOUND -> throw new NotFoundResponse();
            case FORBIDDEN -> throw new ForbiddenResponse();
            case BANNED -> ctx.status(403);
            case CLOSED, TOO_LATE, ALREADY_REPORTED -> ctx.status(409);
            case INVALID -> ctx.status(422);
        }
        showAgain.run();
    }

    private void showWrite(Context ctx, SubjectInfo subject, Comment parent, Comment editing, Form form, String problem) {
        web.render(ctx, "deliberation/write.jte", web.page(ctx, editing != null ? "deliberation.edit.title" : parent != null
                        ? "deliberation.reply.title" : "deliberation.write.title"),
                "subject", subject, "parent", parent, "editing", editing, "form", form, "problem", problem);
    }

    private void showReply(Context ctx) {
        Comment parent = comment(ctx);
        SubjectInfo subject = subjects.find(parent.subject()).orElseThrow(NotFoundResponse::new);
        CurrentUser user = web.requireUser(ctx);
        Optional<String> ban = deliberation.banned(user.id());
        String problem = ban.map(b -> web.messages().get("deliberation.banned", b)).orElse(subject.open() ? null : web.messages().get("deliberation.closed"));
        Form form = Form.empty().set("return", LocalPath.of(ctx.queryParam("return")).orElse(subject.url()));
        showWrite(ctx, subject, parent, null, form, problem);
    }

    private void showEdit(Context ctx) {
        Comment c = comment(ctx);
        CurrentUser user = web.requireUser(ctx);
        if (c.authorId() == null || c.authorId() != user.id()) throw new ForbiddenResponse();
        SubjectInfo subject = subjects.find(c.subject()).orElseThrow(NotFoundResponse::new);
        String problem = c.editableBy(user.id(), java.time.OffsetDateTime.now()) ? null : web.messages().get("deliberation.error.tooLate");
        showWrite(ctx, subject, null, c, Form.empty().set("body", c.body()).set("return", subject.url()), problem);
    }

    private void edit(Context ctx) {
        Comment c = comment(ctx);
        Form form = Form.read(ctx, "body", "return");
        CurrentUser user = web.requireUser(ctx);
        Deliberation.Result result = deliberation.edit(c.id(), user, form);
        SubjectInfo subject = subjects.find(c.subject()).orElseThrow(NotFoundResponse::new);
        if (result.ok()) {
            web.redirectWithNotice(ctx, back(form, subject) + "#comment-" + c.id(), "deliberation.saved");
            return;
        }
        refuse(ctx, result.refusal(), user, () -> showWrite(ctx, subject, null, c, form, problem(result.refusal(), user)));
    }

    private void showReport(Context ctx) {
        Comment c = comment(ctx);
        SubjectInfo subject = subjects.find(c.subject()).orElseThrow(NotFoundResponse::new);
        renderReport(ctx, c, subject, Form.empty().set("return", LocalPath.of(ctx.queryParam("return")).orElse(subject.url())));
    }

    private void renderReport(Context ctx, Comment c, SubjectInfo subject, Form form) {
        web.render(ctx, "deliberation/report.jte", web.page(ctx, "deliberation.report.title"), "comment", c, "subject", subject, "form", form,
                "reasons", Deliberation.REPORT_REASONS);
    }

    private void report(Context ctx) {
        Comment c = comment(ctx);
        SubjectInfo subject = subjects.find(c.subject()).orElseThrow(NotFoundResponse::new);
        Form form = Form.read(ctx, "reason", "note", "return");
        CurrentUser user = web.requireUser(ctx);
        Deliberation.Result result = deliberation.report(c.id(), user.id(), form);
        if (result.ok() || result.refusal() == Deliberation.Refusal.ALREADY_REPORTED) {
            web.redirectWithNotice(ctx, back(form, subject) + "#comment-" + c.id(),
                    result.ok() ? "deliberation.report.done" : "deliberation.report.already");
            return;
        }
        refuse(ctx, result.refusal(), user, () -> renderReport(ctx, c, subject, form));
    }

    private void follow(Context ctx) {
        Form form = Form.read(ctx, "subject", "follow", "return");
        SubjectInfo subject = subject(form.value("subject"));
        boolean on = form.value("follow").equals("yes");
        follows.set(web.requireUser(ctx).id(), subject.subject(), on);
        web.redirectWithNotice(ctx, back(form, subject), on ? "deliberation.followed" : "deliberation.unfollowed");
    }
}
