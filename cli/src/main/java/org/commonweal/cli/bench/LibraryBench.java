package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The library at the scale: 5,000 published stories over every place, theme and purpose, each in the search
 * index. Then, over HTTP, one request after another after an equal warm-up: the library filtered by words, by theme
 * and purpose, and by place; the site-wide search; and a story's page (with its similar stories, one ranked SQL query).
 * The data is bulk-loaded with SQL.
 */
final class LibraryBench implements Command {
    @Override
    public String name() {
        return "library";
    }

    @Override
    public String summary() {
        return "--stories 5000 --requests 300: library search and story page latency";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments o = Arguments.parse(args, Set.of("stories", "requests"), Set.of());
        o.noPositional();
        int stories = o.integer("stories", 5_000, 10, 1_000_000);
        int requests = o.integer("requests", 300, 1, 100_000);
        try (BenchSite site = new BenchSite(Map.of())) {
            console.err().printf("loading %,d stories...%n", stories);
            long story = load(site, stories);
            long published = site.platform.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM library_stories WHERE status = 'published'").mapTo(Long.class).one());
            console.err().printf("loaded: %,d published stories%n", published);
            long ward = site.platform.places.tree().stream().filter(p -> p.kind().equals("ward")).findFirst().orElseThrow().id();
            List<String> paths = List.of("/library", "/library?q=" + BenchSite.enc("rain garden"), "/library?theme=green&purpose=influence_organisations",
                    "/library?place=" + ward + "&page=3", "/search?q=" + BenchSite.enc("rain garden"), "/library/" + story);
            for (String path : paths) {
                site.timeGets(site.base + path, Math.max(200, requests));
                long[] sorted = site.timeGets(site.base + path, requests);
                console.out().printf("GET %-60s %d requests: p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", path, requests,
                        BenchSite.pct(sorted, 0.50), BenchSite.pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
            }
        }
        return 0;
    }

    /** Loads the stories; returns one from the middle, whose page is measured. */
    private static long load(BenchSite site, int stories) {
        return site.platform.database().jdbi().inTransaction(h -> {
            long before = h.createQuery("SELECT coalesce(max(id), 0) FROM library_stories").mapTo(Long.class).one();
            h.execute("""
                    INSERT INTO library_stories (place_id, title, summary, problem, approach, theme, purpose, participants, outcomes, evidence,
                                                 cost_minor, lessons, status, published_at)
                    SELECT p.ids[1 + g % array_length(p.ids, 1)],
                           (ARRAY['Rain garden','Repair cafe','Youth space','Street lights','Food share','Reading circle'])[1 + g % 6] || ' number ' || g,
                           'What residents did about it, how, and what came of it, in story ' || g || '.',
                           'A problem residents had for years.', 'Meetings, a plan, volunteers and a small grant.',
                           (ARRAY['streets','green','play','community','culture','safety','health'])[1 + g % 7],
                           (ARRAY['influence_decisions','deliver_services','build_capacity','influence_organisations','research'])[1 + g % 5],
                           10 + g % 200, 'It worked: fewer complaints and more people involved.', 'Counts before and after.',
                           100000 + g * 10, 'Start small.', 'published', now() - g * interval '1 hour'
                    FROM generate_series(1, ?) g, (SELECT array_agg(id ORDER BY id) AS ids FROM places) p""", stories);
            h.execute("""
                    INSERT INTO search_documents (kind, id, title, body, url, place_id)
                    SELECT 'story', id, title, summary || ' ' || approach || ' ' || outcomes, '/library/' || id, place_id
                      FROM library_stories WHERE id > ? ON CONFLICT (kind, id) DO NOTHING""", before);
            h.execute("ANALYZE");
            return h.createQuery("SELECT id FROM library_stories WHERE id > :b ORDER BY id OFFSET :o LIMIT 1")
                    .bind("b", before).bind("o", stories / 2).mapTo(Long.class).one();
        });
    }
}
