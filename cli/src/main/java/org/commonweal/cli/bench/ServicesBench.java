package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The services directory at the scale: 20,000 published services of 2,000 groups, each with a location in a
 * ward, weekly opening times, two taxonomy terms, a language, a cost and a contact. Then, over HTTP, one request after
 * another after an equal warm-up: the directory's search (words, words with a kind of help and place), ORUK /services
 * pages near the start, middle and end, and one full ORUK export (format=ndjson, every service fully nested), timed to
 * its last byte while the heap is sampled. The data is bulk-loaded with SQL.
 */
final class ServicesBench implements Command {
    @Override
    public String name() {
        return "services";
    }

    @Override
    public String summary() {
        return "--services 20000 --groups 2000 --requests 300: directory search, ORUK /services pages and the full ORUK export";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments o = Arguments.parse(args, Set.of("services", "groups", "requests"), Set.of());
        o.noPositional();
        int services = o.integer("services", 20_000, 10, 1_000_000);
        int groups = o.integer("groups", 2_000, 1, 100_000);
        int requests = o.integer("requests", 300, 1, 100_000);
        try (BenchSite site = new BenchSite(Map.of())) {
            console.err().printf("loading %,d services of %,d groups...%n", services, groups);
            String[] filter = load(site, services, groups);
            int lastPage = (services + 49) / 50;
            List<String> paths = List.of("/services?q=" + BenchSite.enc("advice"), "/services?q=" + BenchSite.enc("debt advice") + "&term=" + filter[0]
                            + "&place=" + filter[1], "/services?term=" + filter[0],
                    "/api/openreferral/services?page=1", "/api/openreferral/services?page=" + lastPage / 2,
                    "/api/openreferral/services?page=" + lastPage, "/api/openreferral/services?search=advice&page=2",
                    "/api/openreferral/services/" + filter[2]);
            for (String path : paths) {
                site.platform.limiter.reset();
                site.timeGets(site.base + path, Math.max(200, requests));
                site.platform.limiter.reset();
                long[] sorted = site.timeGets(site.base + path, requests);
                console.out().printf("GET %-62s %d requests: p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", path, requests,
                        BenchSite.pct(sorted, 0.50), BenchSite.pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
            }
            export(site, console, services);
            export(site, console, services);
        }
        return 0;
    }

    /** One full export, read as it streams: time to the first and last byte, lines, bytes, and the heap's growth meanwhile. */
    private static void export(BenchSite site, Console console, int services) throws Exception {
        // What a collection leaves in the heap is what is held; garbage between collections says nothing of holding.
        List<java.lang.management.MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        System.gc();
        long before = heap.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(heap.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = site.http.send(HttpRequest.newBuilder(URI.create(site.base + "/api/openreferral/services?format=ndjson")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = 0, bytes = 0, lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = r.body()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (firstByte == 0) firstByte = System.nanoTime() - t0;
                bytes += n;
                for (int i = 0; i < n; i++) if (buffer[i] == '\n') lines++;
            }
        }
        long took = System.nanoTime() - t0;
        sampler.interrupt();
        sampler.join();
        console.out().printf("full ORUK export (ndjson): %,d services (one a line), %.1f MB in %.2f s (first byte after %.0f ms); heap held after collections grew by at most %.0f MB%n",
                lines, bytes / 1e6, took / 1e9, firstByte / 1e6, Math.max(0, peak.get() - before) / 1e6);
    }

    /** Loads the data; returns a term's ORUK id, a ward's id and one service's ORUK id for the filtered requests. */
    private static String[] load(BenchSite site, int services, int groups) {
        return site.platform.database().jdbi().inTransaction(h -> {
            h.execute("""
                    INSERT INTO groups (name, kind, description)
                    SELECT 'Bench group ' || g, 'charity', 'A bench group running local services, number ' || g FROM generate_series(1, ?) g""", groups);
            h.execute("""
                    INSERT INTO service_providers (group_id, oruk_id)
                    SELECT id, gen_random_uuid() FROM groups WHERE name LIKE 'Bench group %' ON CONFLICT DO NOTHING""");
            String[] words = {"advice", "food", "debt", "housing", "youth", "lunch", "walks", "digital", "carers", "counselling"};
            h.execute("""
                    INSERT INTO services (group_id, name, description, eligibility, application_process, minimum_age, state, needs_review,
                                          assured_date, last_modified)
                    SELECT (SELECT min(id) FROM groups WHERE name LIKE 'Bench group %') + g % ?,
                           initcap(w.w[1 + g % 10]) || ' service ' || g,
                           'Help with ' || w.w[1 + (g * 7) % 10] || ' and ' || w.w[1 + (g * 3) % 10] || ' for residents of the ward, run by volunteers.',
                           'Anyone living locally', 'Drop in or phone', CASE WHEN g % 5 = 0 THEN 11 END, 'published', false, current_date, now()
                    FROM generate_series(1, ?) g, (SELECT ?::text[] AS w) w""", groups, services, words);
            h.execute("""
                    INSERT INTO service_locations (service_id, name, place_id, address_1, city, postal_code, country, accessibility)
                    SELECT s.id, 'Community centre ' || s.id, p.ids[1 + s.id % array_length(p.ids, 1)], s.id || ' High Street', 'Riverford',
                           'RV1 ' || (s.id % 9) || 'AB', 'GB', 'Step-free'
                    FROM services s, (SELECT array_agg(id ORDER BY id) AS ids FROM places) p WHERE s.name LIKE '% service %'""");
            h.execute("""
                    INSERT INTO service_schedules (service_id, byday, opens_at, closes_at)
                    SELECT id, string_to_array((ARRAY['MO,TU,WE,TH,FR', 'SA', 'TU,TH'])[1 + id % 3], ','),
                           time '09:00' + (id % 4) * interval '1 hour', time '16:00' + (id % 4) * interval '1 hour'
                    FROM services WHERE name LIKE '% service %'""");
            h.execute("""
                    INSERT INTO service_terms (service_id, term_id)
                    SELECT s.id, t.ids[1 + (s.id + k) % array_length(t.ids, 1)]
                    FROM services s, (SELECT array_agg(id ORDER BY id) AS ids FROM service_taxonomy_terms) t, generate_series(0, 1) k
                    WHERE s.name LIKE '% service %' ON CONFLICT DO NOTHING""");
            h.execute("INSERT INTO service_languages (service_id, code) SELECT id, 'en' FROM services WHERE name LIKE '% service %'");
            h.execute("INSERT INTO service_cost_options (service_id, amount) SELECT id, (id % 3) * 1.5 FROM services WHERE name LIKE '% service %'");
            h.execute("INSERT INTO service_contacts (service_id, name, phone) SELECT id, 'Reception', '01632 960' || lpad((id % 1000)::text, 3, '0') FROM services WHERE name LIKE '% service %'");
            h.execute("ANALYZE");
            String term = h.createQuery("SELECT oruk_id::text FROM service_taxonomy_terms ORDER BY id LIMIT 1").mapTo(String.class).one();
            String ward = h.createQuery("SELECT id::text FROM places WHERE kind = 'ward' ORDER BY id LIMIT 1").mapTo(String.class).one();
            String one = h.createQuery("SELECT oruk_id::text FROM services WHERE name LIKE '% service %' ORDER BY id LIMIT 1").mapTo(String.class).one();
            return new String[]{term, ward, one};
        });
    }
}
