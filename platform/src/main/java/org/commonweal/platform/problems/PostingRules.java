package org.commonweal.platform.problems;

import io.javalin.http.Context;
import org.commonweal.platform.core.accounts.Bans;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Web;

import java.time.Duration;
import java.util.Optional;

/**
 * Who may post a problem or a solution right now: not a banned account (told until when and why), and nobody more
 * often than the posting limit (which answers 429 with the wait).
 */
final class PostingRules {
    /** Enough for a resident raising a few problems and ideas in a sitting; far below what a spammer needs. */
    static final RateLimiter.Limit POSTS = new RateLimiter.Limit("problems-posts", 10, Duration.ofHours(1));

    private final Web web;
    private final Bans bans;
    private final RateLimiter limiter;

    PostingRules(Web web, Bans bans, RateLimiter limiter) {
        this.web = web;
        this.bans = bans;
        this.limiter = limiter;
    }

    /** True when the signed-in user may post; otherwise the page saying why has been rendered. */
    boolean mayPost(Context ctx) {
        if (!notBanned(ctx)) return false;
        limiter.consume(POSTS, "account:" + web.requireUser(ctx).id());
        return true;
    }

    /**
     * True unless the signed-in user is banned, in which case the page saying until when and why has been rendered:
     * asked before a form is offered, so nobody writes what cannot be posted.
     */
    boolean notBanned(Context ctx) {
        CurrentUser user = web.requireUser(ctx);
        Optional<Bans.Ban> ban = bans.active(user.id());
        if (ban.isPresent()) {
            ctx.status(403);
            String message = ban.get().endsAt() == null
                    ? web.messages().get("problems.banned.untilLifted", ban.get().reason())
                    : web.messages().get("problems.banned.until", web.messages().dateTime(ban.get().endsAt()), ban.get().reason());
            web.render(ctx, "error.jte", web.page(ctx, "problems.banned.title"), "message", message);
            return false;
        }
        return true;
    }
}
