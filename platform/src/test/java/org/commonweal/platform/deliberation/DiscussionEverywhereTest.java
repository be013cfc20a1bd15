package org.commonweal.platform.deliberation;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Problems, solutions, consultations and events each carry the same discussion: residents comment, followers hear. */
class DiscussionEverywhereTest extends PlatformTestCase {
    private static long first(String table, String condition) {
        return app.count("SELECT min(id) FROM " + table + " WHERE " + condition);
    }

    @Test
    void everyCommunityPageHasADiscussionThatTakesComments() {
        Map<String, String> pages = Map.of(
                "problem:" + first("problems", "status <> 'withdrawn'"), "/problems/",
                "solution:" + first("problem_solutions", "status <> 'withdrawn'"), "/solutions/",
                "consultation:" + first("consultations", "status <> 'draft'"), "/consultations/",
                "event:" + first("events", "cancelled_at IS NULL"), "/events/");
        TestClient ben = app.client();
        ben.signIn("ben@demo.commonweal.org", "demo-resident-pass");
        for (var e : pages.entrySet()) {
            String url = e.getValue() + e.getKey().substring(e.getKey().indexOf(':') + 1);
            assertThat(app.client().get(url).body()).as(url).contains("id=\"comments\"");
            ben.get(url);
            TestClient.Response r = ben.post("/comments", Map.of("subject", e.getKey(), "body", "Counting myself in on " + e.getKey(), "return", url));
            assertThat(r.status()).as("comment on %s: %s", e.getKey(), r.body()).isEqualTo(302);
            assertThat(app.client().get(url).body()).contains("Counting myself in on " + e.getKey());
        }
    }
}
