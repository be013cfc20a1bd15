package org.commonweal.platform.conversations;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.feature.DemoContext;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.feature.HomeSection;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.ObjectKind;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.jobs.Jobs;
import org.commonweal.platform.deliberation.Deliberation;

import java.util.List;

/**
 * Opinion mapping, as Polis does it, inside the platform: a conversation (alone, or about a problem, a consultation or
 * another subject) where participants write short statements and vote on them one at a time; a background job maps
 * the opinion groups with engines/opinion, and the map and report show where people differ and where they agree.
 */
public final class ConversationsFeature implements Feature {
    private final Routes[] parts;
    private final ConversationService conversations;
    private final Analyses analyses;
    private final DemoConversation demo;

    public ConversationsFeature(FeatureContext ctx) {
        var jdbi = ctx.jdbi();
        var web = ctx.web();
        ConversationIndex index = new ConversationIndex(jdbi, ctx.search());
        ctx.subjects().register(ConversationIndex.KIND, index::find);
        ctx.openData().register(index.statements());
        ConversationsPersonalData.register(ctx.personalData());
        this.conversations = new ConversationService(jdbi, ctx.audit(), ctx.subjects(), index);
        this.analyses = new Analyses(jdbi);
        Eligibility eligibility = new Eligibility(ctx.accounts().residence());
        Statements statements = new Statements(jdbi, ctx.audit(), eligibility);
        Ballots ballots = new Ballots(jdbi, analyses, eligibility);
        PolisExport export = new PolisExport(jdbi, analyses, ctx.baseUrl());
        // Consultations embed conversations as a kind of question, through this service alone.
        ctx.services().publish(Conversations.class, new Conversations(conversations, ballots, statements, analyses, eligibility));
        ObjectKind kind = new ObjectKind("conversation", conversations::owners);
        this.demo = new DemoConversation(conversations, analyses, jdbi);
        this.parts = new Routes[]{
                // Before the public routes: "/conversations/new" must not be read as a conversation's id.
                new ManageRoutes(web, conversations, statements, export, kind),
                new ImportRoutes(web, new PolisImport(jdbi, ctx.audit(), index, analyses)),
                new ConversationRoutes(web, conversations, statements, ballots, analyses, eligibility, ctx.services().get(Deliberation.class), ctx.limiter(),
                        ctx.baseUrl().startsWith("https://")),
                new ReportRoutes(web, conversations, statements, analyses)};
    }

    /** Works out every conversation's map that has new votes now, as the background job does (without its back-off); how many it did. */
    public int recomputeDue() {
        return analyses.recomputeDue(false);
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes r : parts) r.routes(routes);
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.in(NavItem.Area.TAKE_PART, "/conversations", "nav.conversations"));
    }

    @Override
    public void jobs(Jobs jobs) {
        jobs.every("conversation-maps", Analyses.EVERY, analyses::runJob);
    }

    @Override
    public List<HomeSection> home(CurrentUser user, Messages messages) {
        List<HomeSection.Entry> open = conversations.list(20).stream().filter(Conversation::open).limit(3)
                .map(c -> new HomeSection.Entry(c.topic(), Conversation.url(c.id()), messages.get("conversations.home.detail"))).toList();
        return List.of(new HomeSection("conversations.home.title", open, "/conversations", "conversations.home.all"));
    }

    @Override
    public void loadDemo(DemoContext ctx) {
        demo.load(ctx.officerId());
    }
}
