package org.commonweal.platform.deliberation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.LocalPath;
import org.commonweal.platform.core.http.ObjectKind;
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
final class CommentRoutes implements Routes {
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
        ObjectKind comment = new ObjectKind("comment", id -> deliberation.find(id).map(c -> ObjectKind.Owners.account(c.authorId())));
        r.post("/comments", this::post, Access.ROLE, Role.RESIDENT);
        r.get("/comments/{id}/reply", this::showReply, Access.ROLE, Role.RESIDENT);
        r.get("/comments/{id}/edit", this::showEdit, Access.owner(comment), Role.RESIDENT);
        r.post("/comments/{id}/edit", this::edit, Access.owner(comment), Role.RESIDENT);
        r.get("/comments/{id}/report", this::showReport, Access.notOwner(comment), Role.RESIDENT);
        r.post("/comments/{id}/report", this::report, Access.notOwner(comment), Role.RESIDENT);
        r.post("/follows", this::follow, Access.SELF, Role.RESIDENT);
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
        web.refuse(ctx, result.refusal(), () -> showWrite(ctx, subject, parentComment, null, form, problem(result.refusal(), user)), null);
    }

    private String problem(Refusal refusal, CurrentUser user) {
        return switch (refusal) {
            case BANNED -> web.messages().get("deliberation.banned", deliberation.banned(user.id()).orElse(""));
            case CLOSED -> web.messages().get("deliberation.closed");
            case TOO_LATE -> web.messages().get("deliberation.error.tooLate");
            default -> null;
        };
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
        web.refuse(ctx, result.refusal(), () -> showWrite(ctx, subject, null, c, form, problem(result.refusal(), user)), null);
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
        if (result.ok() || result.refusal() == Refusal.ALREADY_DONE) {
            web.redirectWithNotice(ctx, back(form, subject) + "#comment-" + c.id(),
                    result.ok() ? "deliberation.report.done" : "deliberation.report.already");
            return;
        }
        web.refuse(ctx, result.refusal(), () -> renderReport(ctx, c, subject, form), null);
    }

    private void follow(Context ctx) {
        Form form = Form.read(ctx, "subject", "follow", "return");
        SubjectInfo subject = subject(form.value("subject"));
        boolean on = form.value("follow").equals("yes");
        follows.set(web.requireUser(ctx).id(), subject.subject(), on);
        web.redirectWithNotice(ctx, back(form, subject), on ? "deliberation.followed" : "deliberation.unfollowed");
    }
}
