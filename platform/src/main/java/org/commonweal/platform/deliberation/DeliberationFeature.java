package org.commonweal.platform.deliberation;

import io.javalin.config.RoutesConfig;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.accounts.PersonalData;
import org.commonweal.platform.core.accounts.Bans;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Feature;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Web;
import org.commonweal.platform.core.mail.Outbox;
import org.commonweal.platform.core.opendata.OpenData;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.Subjects;
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
    private final DemoComments demo;
    private final Feature[] parts;

    public DeliberationFeature(Web web, Jdbi jdbi, AuditLog audit, Subjects subjects, Bans bans, RateLimiter limiter, Outbox outbox,
                               OpenData openData, PersonalData personalData, AccountService accounts, String baseUrl) {
        this.follows = new Follows(jdbi);
        this.deliberation = new Deliberation(jdbi, subjects, bans, follows, limiter, web.messages());
        this.moderation = new Moderation(jdbi, audit, bans);
        UnsubscribeLinks links = new UnsubscribeLinks(jdbi);
        this.notifications = new Notifications(jdbi, subjects, outbox, web.messages(), links, baseUrl);
        subjects.listen(notifications::deliver);
        openData.register(CommentsDataset.of(jdbi));
        DeliberationPersonalData.register(personalData, subjects, notifications);
        this.demo = new DemoComments(deliberation, accounts);
        this.parts = new Feature[]{
                new CommentRoutes(web, deliberation, follows, subjects),
                new ModerationRoutes(web, moderation, deliberation, subjects, accounts),
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

    /** A short discussion on {@code subject} among the demo residents, with one comment reported for the moderators. */
    public void loadDemoData(List<Long> residentIds, Subject subject) {
        demo.load(residentIds, subject);
    }

    @Override
    public void routes(RoutesConfig routes) {
        for (Feature f : parts) f.routes(routes);
    }
}
