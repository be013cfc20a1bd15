package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The community pages at the scale: 20,000 problems with 100,000 supports over 18 months, 100,000 comments
 * of which 500 are one problem's discussion, every problem in the search index. Then, over HTTP, one request after
 * another after an equal warm-up: that problem's page, a full-text search, and the council's agenda per period.
 * The data is bulk-loaded with SQL (going through the services would take the bench most of an hour).
 */
final class CommunityBench implements Command {
    @Override
    public String name() {
        return "community";
    }

    @Override
    public String summary() {
        return "--problems 20000 --comments 100000 --requests 300: problem page with 500 comments, search and agenda latency";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments o = Arguments.parse(args, Set.of("problems", "comments", "requests"), Set.of());
        o.noPositional();
        int problems = o.integer("problems", 20_000, 10, 1_000_000);
        int comments = o.integer("comments", 100_000, 500, 10_000_000);
        int requests = o.integer("requests", 300, 1, 100_000);
        try (BenchSite site = new BenchSite(Map.of())) {
            console.err().printf("loading %,d problems, %,d supports and %,d comments...%n", problems, problems * 5, comments);
            long hot = load(site, problems, comments);
            long council = site.platform.places.tree().getFirst().id();
            List<String> paths = List.of("/problems/" + hot, "/search?q=" + BenchSite.enc("flooding footpath"),
                    "/search?q=" + BenchSite.enc("street") + "&kind=problem", "/places/" + council + "/agenda?period=7d",
                    "/places/" + council + "/agenda?period=30d", "/places/" + council + "/agenda?period=12m",
                    "/places/" + council + "/agenda?period=all");
            for (String path : paths) {
                site.timeGets(site.base + path, Math.max(200, requests));
                long[] sorted = site.timeGets(site.base + path, requests);
                console.out().printf("GET %-45s %d requests: p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", path, requests,
                        BenchSite.pct(sorted, 0.50), BenchSite.pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
            }
        }
        return 0;
    }

    /** Loads the data and returns the id of the problem whose page carries 500 comments. */
    private static long load(BenchSite site, int problems, int comments) {
        return site.platform.database().jdbi().inTransaction(h -> {
            h.execute("""
                    INSERT INTO accounts (email, name, password_hash, home_place_id)
                    SELECT 'bench' || g || '@example.org', 'Bench resident ' || g, 'x', p.ids[1 + g % array_length(p.ids, 1)]
                    FROM generate_series(1, 2000) g, (SELECT array_agg(id ORDER BY id) AS ids FROM places) p""");
            String[] words = {"flooding", "footpath", "street", "lighting", "litter", "parking", "noise", "playground", "bus", "trees"};
            h.execute("""
                    INSERT INTO problems (author_id, place_id, title, description, theme, status, status_reason, created_at)
                    SELECT NULL, p.ids[1 + g % array_length(p.ids, 1)],
                           initcap(w.w[1 + g % 10]) || ' on ' || w.w[1 + (g / 10) % 10] || ' ' || g,
                           'Residents report ' || w.w[1 + (g * 7) % 10] || ' and ' || w.w[1 + (g * 3) % 10] || ' near the ' || w.w[1 + (g / 100) % 10] || ' since last spring.',
                           (ARRAY['streets','green','play','community','culture','safety','health'])[1 + g % 7],
                           (ARRAY['open','open','open','under_review','being_solved','solved','closed'])[1 + g % 7], 'bench',
                           now() - (g % 540) * interval '1 day'
                    FROM generate_series(1, ?) g, (SELECT array_agg(id ORDER BY id) AS ids FROM places) p, (SELECT ?::text[] AS w) w""",
                    problems, words);
            // Support skews to a few popular problems, as it does in life; each (problem, account) once.
            h.execute("""
                    INSERT INTO problem_supports (problem_id, account_id, home_place_id, created_at)
                    SELECT pr, ac, NULL::bigint, now() - (random() * 540) * interval '1 day'
                    FROM (SELECT (SELECT min(id) FROM problems) + floor(power(random(), 2) * ?)::bigint AS pr,
                                 (SELECT min(id) FROM accounts WHERE email LIKE 'bench%') + floor(random() * 2000)::bigint AS ac
                          FROM generate_series(1, ?)) s
                    ON CONFLICT DO NOTHING""", problems, problems * 5);
            h.execute("UPDATE problems r SET supporters = s.n FROM (SELECT problem_id, count(*) AS n FROM problem_supports GROUP BY problem_id) s WHERE s.problem_id = r.id");
            h.execute("""
                    INSERT INTO search_documents (kind, id, title, body, url, place_id)
                    SELECT 'problem', id, title, description, '/problems/' || id, place_id FROM problems
                    ON CONFLICT (kind, id) DO NOTHING""");
            long hot = h.createQuery("SELECT min(id) FROM problems WHERE title LIKE 'Flooding%'").mapTo(Long.class).one();
            // 500 comments on the hot problem, four in five replying to the one before; the rest spread over other problems.
            h.execute("""
                    INSERT INTO comments (subject_kind, subject_id, author_id, body, created_at)
                    SELECT 'problem', ?, (SELECT min(id) FROM accounts WHERE email LIKE 'bench%') + g % 2000,
                           'Comment ' || g || ': the water stands for days after rain and the footpath is unusable for prams and wheelchairs.',
                           now() - (500 - g) * interval '1 minute'
                    FROM generate_series(1, 500) g""", hot);
            h.execute("""
                    UPDATE comments c SET parent_id = c.id - 1
                    WHERE c.subject_kind = 'problem' AND c.subject_id = ? AND c.id % 5 <> 0
                      AND EXISTS (SELECT 1 FROM comments p WHERE p.id = c.id - 1 AND p.subject_kind = 'problem' AND p.subject_id = ?)""", hot, hot);
            h.execute("""
                    INSERT INTO comments (subject_kind, subject_id, author_id, body)
                    SELECT 'problem', (SELECT min(id) FROM problems) + g % ?, (SELECT min(id) FROM accounts WHERE email LIKE 'bench%') + g % 2000,
                           'Another view ' || g || ': this affects our street too.'
                    FROM generate_series(1, ?) g""", problems, comments - 500);
            h.execute("ANALYZE");
            return hot;
        });
    }
}
