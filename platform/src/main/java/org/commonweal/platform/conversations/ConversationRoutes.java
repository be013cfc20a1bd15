package org.commonweal.platform.conversations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Secrets;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.deliberation.Deliberation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Taking part: the list, a conversation's page with one statement to vote on at a time (htmx swaps in the next one;
 * without JavaScript the page reloads), and writing a statement.
 */
final class ConversationRoutes implements Routes {
    static final Web.Closed CLOSED = new Web.Closed("conversations.closed.title", "conversations.closed.body");
    private final Web web;
    private final ConversationService conversations;
    private final Statements statements;
    private final Ballots ballots;
    private final Analyses analyses;
    private final Eligibility eligibility;
    private final Deliberation deliberation;
    private final RateLimiter limiter;
    private final boolean secureCookies;

    ConversationRoutes(Web web, ConversationService conversations, Statements statements, Ballots ballots, Analyses analyses,
                       Eligibility eligibility, Deliberation deliberation, RateLimiter limiter, boolean secureCookies) {
        this.web = web;
        this.conversations = conversations;
        this.statements = statements;
        this.ballots = ballots;
        this.analyses = analyses;
        this.eligibility = eligibility;
        this.deliberation = deliberation;
        this.limiter = limiter;
        this.secureCookies = secureCookies;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/conversations", this::list, Access.PUBLIC, Role.ANYONE);
        r.get("/conversations/{id}", ctx -> show(ctx, conversation(ctx), Form.empty(), List.of()), Access.PUBLIC, Role.ANYONE);
        // Anyone: a conversation open to anonymous participants takes a visitor's vote; the others send them to sign in.
        r.post("/conversations/{id}/votes", this::vote, Access.PUBLIC, Role.ANYONE);
        r.post("/conversations/{id}/statements", this::write, Access.ROLE, Role.RESIDENT);
    }

    /** The conversation in the path, if the user may see it (a withheld one only those who run it): otherwise 404. */
    static Conversation conversation(Context ctx, Web web, ConversationService conversations) {
        return conversations.find(Web.id(ctx, "id")).filter(c -> conversations.visible(c, web.user(ctx))).orElseThrow(NotFoundResponse::new);
    }

    private Conversation conversation(Context ctx) {
        return conversation(ctx, web, conversations);
    }

    private void list(Context ctx) {
        web.render(ctx, "conversations/list.jte", web.page(ctx, "conversations.list.title"), "conversations", conversations.list(100));
    }

    /**
     * The participant the request speaks for: the signed-in account; else, where the conversation allows it, the
     * participant cookie (made when {@code create}); else nobody (null).
     */
    private Participant participant(Context ctx, Conversation c, boolean create) {
        CurrentUser user = web.user(ctx);
        if (user != null) return Participant.account(user.id());
        if (!c.anonymousAllowed()) return null;
        String cookie = ctx.cookie(Participant.COOKIE);
        if (cookie != null && cookie.matches("[A-Za-z0-9_-]{43}")) return new Participant(null, cookie);
        if (!create) return null;
        cookie = Secrets.newToken();
        io.javalin.http.Cookie made = new io.javalin.http.Cookie(Participant.COOKIE, cookie);
        made.setPath("/conversations");
        made.setHttpOnly(true);
        made.setSecure(secureCookies);
        made.setSameSite(io.javalin.http.SameSite.LAX);
        made.setMaxAge(365 * 24 * 3600);
        ctx.cookie(made);
        return new Participant(null, cookie);
    }

    private void show(Context ctx, Conversation c, Form statementForm, List<Statement> similar) {
        Participant who = participant(ctx, c, false);
        Optional<Statement> next = who == null ? ballots.next(c, new Participant(null, null)) : ballots.next(c, who);
        VoteCard.Progress progress = who == null ? ballots.progress(c, new Participant(null, null)) : ballots.progress(c, who);
        CurrentUser user = web.user(ctx);
        web.render(ctx, "conversations/conversation.jte", web.page(ctx, "conversations.conversation.title", c.topic()),
                "c", c, "about", conversations.aboutInfo(c).orElse(null), "card", new VoteCard(c, next.orElse(null), progress, eligibility.barrier(c, user)),
                "form", statementForm, "similar", similar, "map", analyses.latest(c.id()).orElse(null),
                "runs", conversations.runs(c, user), "waiting", conversations.runs(c, user) ? statements.waiting(c.id()) : 0L,
                "bannedUntil", user == null ? null : deliberation.banned(user.id()).orElse(null));
    }

    private void vote(Context ctx) {
        Conversation c = conversation(ctx);
        Participant who = participant(ctx, c, true);
        if (who == null) {
            ctx.redirect("/sign-in?next=" + URLEncoder.encode(Conversation.url(c.id()), StandardCharsets.UTF_8));
            return;
        }
        Form form = Form.read(ctx, "statement", "vote");
        long statement;
        try {
            statement = Long.parseLong(form.value("statement"));
        } catch (NumberFormatException e) {
            statement = -1;
        }
        Optional<Refusal> refused = ballots.vote(c, who, statement, form.value("vote"));
        boolean htmx = "true".equals(ctx.header("HX-Request"));
        String back = back(ctx, c);
        if (refused.isEmpty() && htmx) {
            web.render(ctx, "conversations/card.jte", web.page(ctx, "conversations.conversation.title", c.topic()),
                    "card", new VoteCard(c, ballots.next(c, who).orElse(null), ballots.progress(c, who), null), "embedded", back != null);
            return;
        }
        // Invalid: the card again; forbidden (not a verified resident): the page, whose card says why and how to become one.
        if (refused.isPresent() && (refused.get() == Refusal.INVALID || refused.get() == Refusal.FORBIDDEN)) {
            ctx.status(refused.get().status());
            show(ctx, c, Form.empty(), List.of());
            return;
        }
        web.answer(ctx, refused, back != null ? back : Conversation.url(c.id()) + "#vote", "conversations.voted", () -> show(ctx, c, Form.empty(), List.of()), CLOSED);
    }

    /**
     * Where a form of a card embedded in another feature's page returns ({@code back=subject}): that page, which is the
     * conversation's subject; never an address the request names.
     */
    private String back(Context ctx, Conversation c) {
        if (!"subject".equals(ctx.formParam("back"))) return null;
        return conversations.aboutInfo(c).map(i -> i.url() + "#conversation-" + c.id()).orElse(null);
    }

    private void write(Context ctx) {
        Conversation c = conversation(ctx);
        CurrentUser user = web.requireUser(ctx);
        Optional<String> banned = deliberation.banned(user.id());
        Form form = Form.read(ctx, "body", "anyway");
        if (banned.isPresent()) {
            ctx.status(Refusal.BANNED.status());
            form.error("body", "conversations.error.banned", banned.get());
            show(ctx, c, form, List.of());
            return;
        }
        limiter.consume(Statements.WRITES, "account:" + user.id());
        Statements.Written written = statements.write(c, Participant.account(user.id()), form);
        if (written.refusal() == null) {
            String back = back(ctx, c);
            web.redirectWithNotice(ctx, back != null ? back : Conversation.url(c.id()), written.waiting() ? "conversations.written.waiting" : "conversations.written");
            return;
        }
        if (written.refusal() == Refusal.FORBIDDEN) {
            // Not a verified resident: the page says why, on the form and in place of it.
            ctx.status(Refusal.FORBIDDEN.status());
            form.error("body", "conversations.error.notVerified");
            show(ctx, c, form, List.of());
            return;
        }
        List<Statement> similar = "conversations.error.statement.similar".equals(form.errorKey("body")) ? statements.similar(c, form.value("body")) : List.of();
        web.refuse(ctx, written.refusal(), () -> show(ctx, c, form, similar), CLOSED);
    }
}
