package org.commonweal.platform.deliberation;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.core.feature.FeatureContext;
import org.commonweal.platform.core.http.NavItem;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Routes;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/**
 * Deliberation on every kind of subject: threaded comments, reports and moderation (with bans), follows, and the
 * notifications (on the platform and by email) that announced changes turn into.
 */
public final class DeliberationFeature implements Feature {
    private final Deliberation deliberation;
    private final Follows follows;
    private final Notifications notifications;
    private final Moderation moderation;
    private final Routes[] parts;

    public DeliberationFeature(FeatureContext ctx) {
        Jdbi jdbi = ctx.jdbi();
        var web = ctx.web();
        this.follows = new Follows(jdbi);
        this.deliberation = new Deliberation(jdbi, ctx.subjects(), ctx.bans(), follows, ctx.limiter(), web.messages());
        this.moderation = new Moderation(jdbi, ctx.audit(), ctx.bans());
        UnsubscribeLinks links = new UnsubscribeLinks(jdbi);
        this.notifications = new Notifications(jdbi, ctx.subjects(), ctx.outbox(), web.messages(), links, ctx.baseUrl());
        ctx.subjects().listen(notifications::deliver);
        ctx.openData().register(CommentsDataset.of(jdbi));
        DeliberationPersonalData.register(ctx.personalData(), ctx.subjects(), notifications);
        ctx.services().publish(Deliberation.class, deliberation);
        this.parts = new Routes[]{
                new CommentRoutes(web, deliberation, follows, ctx.subjects()),
                new ModerationRoutes(web, moderation, deliberation, ctx.subjects(), ctx.accounts()),
                new NotificationRoutes(web, notifications, links)};
    }

    /** The service other features' pages call: {@code deliberation().thread(subject, web.user(ctx))}. */
    public Deliberation deliberation() {
        return deliberation;
    }

    public Follows follows() {
        return follows;
    }

    public Notifications notifications() {
        return notifications;
    }

    public Moderation moderation() {
        return moderation;
    }

    /** For a signed-in resident: the latest news from what they follow. */
    @Override
    public List<org.commonweal.platform.core.feature.HomeSection> home(org.commonweal.platform.core.http.CurrentUser user, org.commonweal.platform.core.i18n.Messages messages) {
        if (user == null) return List.of();
        List<org.commonweal.platform.core.feature.HomeSection.Entry> news = notifications.recent(user.id(), 3).stream().map(n -> new org.commonweal.platform.core.feature.HomeSection.Entry(n.title(), n.url(), n.text())).toList();
        return List.of(new org.commonweal.platform.core.feature.HomeSection("deliberation.home.news", news, "/notifications", "deliberation.home.all"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.account("/notifications", "nav.notifications", Role.RESIDENT),
                NavItem.in(NavItem.Area.TOOLS, "/moderation", "nav.moderation", Role.MODERATOR));
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Routes f : parts) f.routes(routes);
    }
}
