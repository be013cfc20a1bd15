package org.commonweal.platform.budgets;

import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.deliberation.Deliberation;

import java.util.List;
import java.util.Set;

/** The demo's discussion: a few residents talk about the street trees proposal, one replies, and one comment waits in the moderation queue. */
final class DemoDiscussion {
    private final Deliberation deliberation;
    private final AccountService accounts;

    DemoDiscussion(Deliberation deliberation, AccountService accounts) {
        this.deliberation = deliberation;
        this.accounts = accounts;
    }

    void load(List<Long> residentIds, Subject subject) {
        CurrentUser a = user(residentIds.get(0));
        CurrentUser b = user(residentIds.get(1 % residentIds.size()));
        CurrentUser c = user(residentIds.get(2 % residentIds.size()));
        long first = post(a, subject, null, "The trees would make such a difference in August. Could some go near the bus stop, where people wait in the sun?");
        post(b, subject, first, "Agreed. The council planted two there in 2019 and both died in the first summer, so the watering bags matter.");
        post(c, subject, null, "Happy to help water them if there is a rota.\nI live on the corner of Station Road.");
        long spam = post(b, subject, null, "CHEAP GARDEN FURNITURE!!! Visit my shop for 50% off everything, today only.");
        Form report = Form.empty().set("reason", "spam").set("note", "An advert, nothing to do with the proposal.");
        if (!deliberation.report(spam, a.id(), report).ok()) throw new IllegalStateException("demo report refused: " + report.errors());
    }

    private long post(CurrentUser author, Subject subject, Long parent, String body) {
        Form form = Form.empty().set("body", body);
        Deliberation.Result r = deliberation.post(subject, parent, author, form);
        if (!r.ok()) throw new IllegalStateException("demo comment refused (" + r.refusal() + "): " + form.errors());
        return r.commentId();
    }

    private CurrentUser user(long id) {
        var account = accounts.find(id).orElseThrow();
        return new CurrentUser(account.id(), account.name(), account.email(), account.emailConfirmed(), account.homePlaceId(), Set.copyOf(account.roles()));
    }
}
