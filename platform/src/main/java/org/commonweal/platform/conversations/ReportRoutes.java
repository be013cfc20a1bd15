package org.commonweal.platform.conversations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the conversation found, for everyone: the map (dots, shaded groups, "you are here") and the report in words and
 * charts for a council report. Both read the cached analysis, never the votes.
 */
final class ReportRoutes implements Routes {
    private final Web web;
    private final ConversationService conversations;
    private final Statements statements;
    private final Analyses analyses;

    ReportRoutes(Web web, ConversationService conversations, Statements statements, Analyses analyses) {
        this.web = web;
        this.conversations = conversations;
        this.statements = statements;
        this.analyses = analyses;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/conversations/{id}/map", this::map, Access.PUBLIC, Role.ANYONE);
        r.get("/conversations/{id}/report", this::report, Access.PUBLIC, Role.ANYONE);
    }

    /** The statements' words by number, for the sentences. */
    private Map<Integer, String> texts(Conversation c) {
        Map<Integer, String> texts = new HashMap<>();
        for (Statement s : statements.all(c.id())) texts.put(s.number(), s.body());
        return texts;
    }

    private void map(Context ctx) {
        Conversation c = ConversationRoutes.conversation(ctx, web, conversations);
        Optional<OpinionMap> map = analyses.latest(c.id());
        Integer you = viewerNumber(ctx, c).orElse(null);
        web.render(ctx, "conversations/map.jte", web.page(ctx, "conversations.map.title", c.topic()), "c", c, "map", map.orElse(null),
                "drawing", map.map(m -> MapDrawing.of(m, you)).orElse(null), "texts", texts(c),
                "yourGroup", map.flatMap(m -> you == null ? Optional.empty() : m.dotOf(you)).map(d -> letterOf(map.get(), d.group())).orElse(null));
    }

    private void report(Context ctx) {
        Conversation c = ConversationRoutes.conversation(ctx, web, conversations);
        List<Statement> shown = statements.shown(c);
        web.render(ctx, "conversations/report.jte", web.page(ctx, "conversations.report.title", c.topic()), "c", c,
                "map", analyses.latest(c.id()).orElse(null), "texts", texts(c), "statements", shown,
                "about", conversations.aboutInfo(c).orElse(null));
    }

    /** The viewer's participant number, when they have taken part (signed in, or by their participant cookie). */
    private Optional<Integer> viewerNumber(Context ctx, Conversation c) {
        CurrentUser user = web.user(ctx);
        String cookie = ctx.cookie(Participant.COOKIE);
        Participant who = user != null ? Participant.account(user.id()) : c.anonymousAllowed() && cookie != null ? new Participant(null, cookie) : null;
        return who == null ? Optional.empty() : conversations.number(c.id(), who);
    }

    static String letterOf(OpinionMap map, int group) {
        return map.groups().stream().filter(g -> g.id() == group).map(OpinionMap.GroupView::letter).findFirst().orElse(null);
    }
}
