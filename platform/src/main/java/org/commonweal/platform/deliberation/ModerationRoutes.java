package org.commonweal.platform.deliberation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.accounts.Account;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.subjects.Subjects;


/** The moderators' pages (moderators and admins only): the queue, one comment's reports and actions, one account's history and bans. */
final class ModerationRoutes implements Routes {
    private final Web web;
    private final Moderation moderation;
    private final Deliberation deliberation;
    private final Subjects subjects;
    private final AccountService accounts;

    ModerationRoutes(Web web, Moderation moderation, Deliberation deliberation, Subjects subjects, AccountService accounts) {
        this.web = web;
        this.moderation = moderation;
        this.deliberation = deliberation;
        this.subjects = subjects;
        this.accounts = accounts;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/moderation", this::queue, Access.ROLE, Role.MODERATOR, Role.ADMIN);
        r.get("/moderation/comments/{id}", ctx -> showComment(ctx, comment(ctx), Form.empty()), Access.ROLE, Role.MODERATOR, Role.ADMIN);
        r.post("/moderation/comments/{id}/hide", this::hide, Access.ROLE, Role.MODERATOR, Role.ADMIN);
        r.post("/moderation/comments/{id}/restore", this::restore, Access.ROLE, Role.MODERATOR, Role.ADMIN);
        r.post("/moderation/comments/{id}/dismiss", this::dismiss, Access.ROLE, Role.MODERATOR, Role.ADMIN);
        r.get("/moderation/accounts/{id}", ctx -> showAccount(ctx, account(ctx), Form.empty()), Access.ROLE, Role.MODERATOR, Role.ADMIN);
        r.post("/moderation/accounts/{id}/ban", this::ban, Access.ROLE, Role.MODERATOR, Role.ADMIN);
        r.post("/moderation/accounts/{id}/lift", this::lift, Access.ROLE, Role.MODERATOR, Role.ADMIN);
    }

    private Comment comment(Context ctx) {
        return deliberation.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private Account account(Context ctx) {
        return accounts.find(Web.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void queue(Context ctx) {
        web.render(ctx, "deliberation/queue.jte", web.page(ctx, "deliberation.queue.title"), "queue", moderation.queue(), "counts", moderation.counts());
    }

    private void showComment(Context ctx, Comment c, Form form) {
        web.render(ctx, "deliberation/moderateComment.jte", web.page(ctx, "deliberation.moderate.title"), "comment", c,
                "subject", subjects.find(c.subject()).orElse(null), "reports", moderation.reports(c.id()), "form", form);
    }

    private void hide(Context ctx) {
        Comment c = comment(ctx);
        Form form = Form.read(ctx, "reason");
        if (!moderation.hide(c.id(), form, web.actor(ctx))) {
            ctx.status(422);
            showComment(ctx, c, form);
            return;
        }
        web.redirectWithNotice(ctx, "/moderation/comments/" + c.id(), "deliberation.moderate.hidden");
    }

    private void restore(Context ctx) {
        Comment c = comment(ctx);
        moderation.restore(c.id(), web.actor(ctx));
        web.redirectWithNotice(ctx, "/moderation/comments/" + c.id(), "deliberation.moderate.restored");
    }

    private void dismiss(Context ctx) {
        Comment c = comment(ctx);
        moderation.dismiss(c.id(), web.actor(ctx));
        web.redirectWithNotice(ctx, "/moderation", "deliberation.moderate.dismissed");
    }

    private void showAccount(Context ctx, Account account, Form form) {
        web.render(ctx, "deliberation/moderateAccount.jte", web.page(ctx, "deliberation.account.title", account.name()), "account", account,
                "active", moderation.activeBan(account.id()).map(deliberation::banEnd).orElse(null), "bans", moderation.bans(account.id()),
                "comments", moderation.commentsBy(account.id()), "reports", moderation.reportsAgainst(account.id()), "form", form);
    }

    private void ban(Context ctx) {
        Account account = account(ctx);
        Form form = Form.read(ctx, "reason", "until");
        if (!moderation.ban(account.id(), form, web.actor(ctx))) {
            ctx.status(422);
            showAccount(ctx, account, form);
            return;
        }
        web.redirectWithNotice(ctx, "/moderation/accounts/" + account.id(), "deliberation.account.banned");
    }

    private void lift(Context ctx) {
        Account account = account(ctx);
        moderation.lift(account.id(), web.actor(ctx));
        web.redirectWithNotice(ctx, "/moderation/accounts/" + account.id(), "deliberation.account.lifted");
    }
}
