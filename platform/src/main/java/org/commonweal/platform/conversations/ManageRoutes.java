package org.commonweal.platform.conversations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;

import java.util.Optional;

/**
 * Running a conversation: officers and organisers start one (or bring one in from Polis, see {@link ImportRoutes});
 * its owners (every officer for the council's), moderators and admins moderate its statements, close it, and export it.
 */
final class ManageRoutes implements Routes {
    private final Web web;
    private final ConversationService conversations;
    private final Statements statements;
    private final PolisExport export;
    private final ObjectKind kind;

    ManageRoutes(Web web, ConversationService conversations, Statements statements, PolisExport export, ObjectKind kind) {
        this.web = web;
        this.conversations = conversations;
        this.statements = statements;
        this.export = export;
        this.kind = kind;
    }

    @Override
    public void routes(RoutesConfig r) {
        Access runs = Access.owner(kind).or(Role.MODERATOR, Role.ADMIN);
        r.get("/conversations/new", ctx -> showNew(ctx, Form.empty().set("about", ctx.queryParam("about")).set("moderation", "strict")
                .set("participation", "signed_in")), Access.ROLE, Role.ORGANISER, Role.OFFICER);
        r.post("/conversations", this::create, Access.ROLE, Role.ORGANISER, Role.OFFICER);
        r.get("/conversations/{id}/moderate", ctx -> showModerate(ctx, conversation(ctx), Form.empty()), runs, Role.ORGANISER, Role.OFFICER, Role.MODERATOR, Role.ADMIN);
        r.post("/conversations/{id}/statements/{statement}/moderate", this::moderate, runs, Role.ORGANISER, Role.OFFICER, Role.MODERATOR, Role.ADMIN);
        r.post("/conversations/{id}/close", this::close, runs, Role.ORGANISER, Role.OFFICER, Role.MODERATOR, Role.ADMIN);
        r.get("/conversations/{id}/export/{file}", this::export, runs, Role.ORGANISER, Role.OFFICER, Role.MODERATOR, Role.ADMIN);
    }

    private Conversation conversation(Context ctx) {
        return ConversationRoutes.conversation(ctx, web, conversations);
    }

    private void showNew(Context ctx, Form form) {
        web.render(ctx, "conversations/new.jte", web.page(ctx, "conversations.new.title"), "form", form);
    }

    private void create(Context ctx) {
        Form form = Form.read(ctx, ConversationService.FIELDS);
        Optional<Long> id = conversations.create(form, web.requireUser(ctx), web.actor(ctx));
        if (id.isEmpty()) {
            ctx.status(422);
            showNew(ctx, form);
            return;
        }
        web.redirectWithNotice(ctx, Conversation.url(id.get()), "conversations.created");
    }

    private void showModerate(Context ctx, Conversation c, Form form) {
        web.render(ctx, "conversations/moderate.jte", web.page(ctx, "conversations.moderate.title", c.topic()), "c", c,
                "statements", statements.all(c.id()), "form", form);
    }

    private void moderate(Context ctx) {
        Conversation c = conversation(ctx);
        Form form = Form.read(ctx, "decision");
        Optional<Refusal> refused = statements.moderate(c.id(), Web.id(ctx, "statement"), form, web.actor(ctx));
        web.answer(ctx, refused, Conversation.url(c.id()) + "/moderate", "conversations.moderated", () -> showModerate(ctx, c, form), null);
    }

    private void close(Context ctx) {
        Conversation c = conversation(ctx);
        Optional<Refusal> refused = conversations.close(c.id(), web.actor(ctx));
        web.answer(ctx, refused, Conversation.url(c.id()), "conversations.closedNotice", () -> showModerate(ctx, c, Form.empty()),
                ConversationRoutes.CLOSED);
    }

    private void export(Context ctx) throws java.io.IOException {
        Conversation c = conversation(ctx);
        String file = ctx.pathParam("file");
        if (!PolisExport.FILES.contains(file)) throw new NotFoundResponse();
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"conversation-" + c.id() + "-" + file + "\"");
        java.io.StringWriter out = new java.io.StringWriter();
        export.write(c, file, out);
        ctx.result(out.toString());
    }
}
