package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;

import java.util.HashMap;
import java.util.Map;

/** The demo's discussed proposal and the demo accounts' ids, for the deliberation tests. */
final class DiscussionFixture {
    private DiscussionFixture() {
    }

    static Subject demoProposal(TestApp app) {
        long process = app.count("SELECT id FROM budget_processes WHERE title = 'Riverford Community Fund'");
        return app.platform.feature(org.commonweal.platform.budgets.BudgetsFeature.class).demoDiscussion(process);
    }

    static String url(TestApp app, Subject subject) {
        return app.platform.subjects.find(subject).orElseThrow().url();
    }

    static long account(TestApp app, String localPart) {
        return app.platform.accounts.findByEmail(localPart + "@demo.commonweal.org").orElseThrow().id();
    }

    /** Posts a comment (a reply when {@code parent} is given) on the subject, returning to its page at {@code url}. */
    static TestClient.Response post(TestClient c, Subject subject, String url, String body, Long parent) {
        Map<String, String> form = new HashMap<>(Map.of("subject", subject.key(), "body", body, "return", url));
        if (parent != null) form.put("parent", parent.toString());
        return c.post("/comments", form);
    }

    /** The id of the newest comment, as the redirect after posting names it (…#comment-ID). */
    static long commentId(String location) {
        return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
    }
}
