package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, run by hand (its name keeps it out of the default test run):
 * {@code mvn -pl engines/pb,engines/elections,platform test -Dtest=ThreadBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Fills the comments table to 100,000 rows, 500 of them threaded on the demo proposal, and prints the latency of that
 * proposal's page for a signed-in resident. It checks that the page shows all 500, never how fast it was.
 */
@Tag("slow")
class ThreadBench extends PlatformTestCase {
    private static final int TOTAL = 100_000;
    private static final int ON_PAGE = 500;
    private static final int WARMUP = 100;
    private static final int RUNS = 500;

    @Test
    void aProposalPageWithFiveHundredCommentsAmongAHundredThousand() {
        Subject proposal = DiscussionFixture.demoProposal(app);
        String url = DiscussionFixture.url(app, proposal);
        long already = app.count("SELECT count(*) FROM comments WHERE subject_kind = 'proposal' AND subject_id = " + proposal.id());
        app.database.jdbi().useHandle(h -> {
            // Roots every fifth comment, each followed by a chain of four replies (depths 1 to 4, the last one flattened).
            h.execute("""
                    INSERT INTO comments (subject_kind, subject_id, author_id, body, created_at)
                    SELECT 'proposal', ?, (SELECT min(id) FROM accounts) + g % 7, 'Benchmark comment ' || g || repeat(' words', 30), now() - interval '1 day'
                    FROM generate_series(1, ?) g""", proposal.id(), ON_PAGE - already);
            h.execute("""
                    UPDATE comments c SET parent_id = c.id - 1
                    WHERE c.subject_kind = 'proposal' AND c.subject_id = ? AND c.body LIKE 'Benchmark comment %'
                      AND substring(c.body from 'Benchmark comment ([0-9]+)')::int % 5 <> 1""", proposal.id());
            h.execute("""
                    INSERT INTO comments (subject_kind, subject_id, author_id, body)
                    SELECT CASE WHEN g % 2 = 0 THEN 'problem' ELSE 'proposal' END, 1000 + g % 2000, (SELECT min(id) FROM accounts) + g % 7,
                           'Filler ' || g || repeat(' text', 20)
                    FROM generate_series(1, ?) g""", TOTAL - app.count("SELECT count(*) FROM comments"));
            h.execute("ANALYZE comments");
        });
        assertThat(app.count("SELECT count(*) FROM comments")).isEqualTo(TOTAL);
        assertThat(app.count("SELECT count(*) FROM comments WHERE subject_kind = 'proposal' AND subject_id = " + proposal.id())).isEqualTo(ON_PAGE);

        TestClient amira = app.client();
        amira.signIn("amira@demo.commonweal.org", "demo-resident-pass");
        String page = amira.get(url).body();
        assertThat(page).contains("Comments (" + ON_PAGE + ")");
        assertThat(page.split("class=\"cw-comment cw-comment--depth-", -1)).hasSize(ON_PAGE + 1);
        for (int i = 0; i < WARMUP; i++) amira.get(url);
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            TestClient.Response r = amira.get(url);
            nanos[i] = System.nanoTime() - start;
            assertThat(r.status()).isEqualTo(200);
        }
        Arrays.sort(nanos);
        var viewer = new org.commonweal.platform.core.http.CurrentUser(DiscussionFixture.account(app, "amira"), "Amira Hassan", "amira@demo.commonweal.org",
                true, null, java.util.Set.of());
        long[] service = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            assertThat(app.platform.feature(org.commonweal.platform.deliberation.DeliberationFeature.class).deliberation().thread(proposal, viewer).count()).isEqualTo(ON_PAGE);
            service[i] = System.nanoTime() - start;
        }
        Arrays.sort(service);
        app.database.jdbi().useHandle(h -> h.createQuery("EXPLAIN (ANALYZE, BUFFERS) SELECT " + Comment.COLUMNS
                        + ", EXISTS (SELECT 1 FROM comment_reports r WHERE r.comment_id = c.id AND r.reporter_id = :viewer) AS mine\n"
                        + Comment.FROM + " WHERE c.subject_kind = 'proposal' AND c.subject_id = :id ORDER BY c.id")
                .bind("viewer", viewer.id()).bind("id", proposal.id()).mapTo(String.class).forEach(line -> System.out.println("ThreadBench plan: " + line)));
        System.out.printf("ThreadBench: Deliberation.thread alone (query + tree): p50 %.1f ms, p99 %.1f ms%n",
                service[RUNS / 2] / 1e6, service[(int) (RUNS * 0.99) - 1] / 1e6);
        System.out.printf("ThreadBench: proposal page with %d comments (%d in the table), %d requests, %,d bytes: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                ON_PAGE, TOTAL, RUNS, page.length(), nanos[RUNS / 2] / 1e6, nanos[(int) (RUNS * 0.99) - 1] / 1e6, nanos[RUNS - 1] / 1e6);
    }
}
