package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.testing.TestApp;

/** The demo's discussed proposal and the demo accounts' ids, for the deliberation tests. */
final class DiscussionFixture {
    private DiscussionFixture() {
    }

    static Subject demoProposal(TestApp app) {
        long process = app.count("SELECT id FROM budget_processes WHERE title = 'Riverford Community Fund'");
        return app.platform.budgets.demoDiscussion(process);
    }

    static String url(TestApp app, Subject subject) {
        return app.platform.subjects.find(subject).orElseThrow().url();
    }

    static long account(TestApp app, String localPart) {
        return app.platform.accounts.findByEmail(localPart + "@demo.commonweal.org").orElseThrow().id();
    }

    /** The id of the newest comment, as the redirect after posting names it (…#comment-ID). */
    static long commentId(String location) {
        return Long.parseLong(location.substring(location.indexOf("#comment-") + "#comment-".length()));
    }
}
