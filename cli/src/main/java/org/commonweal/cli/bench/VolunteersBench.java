package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.platform.volunteers.DbsLevel;
import org.commonweal.platform.volunteers.VolunteerDirectory;
import org.commonweal.platform.volunteers.VolunteersFeature;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The volunteer directory at the scale: 100,000 volunteers in one group (the worst case: every row is the
 * group's), with skills, languages, weekly slots and home places spread over the demo's places, and a third holding a
 * verified DBS certificate. Then, one search after another after an equal warm-up, the directory's searches as a
 * coordinator makes them (no filter, by name, by skill, language and slot, by place and DBS level, a deep page),
 * timed as the service answers them. The data is bulk-loaded with SQL.
 */
final class VolunteersBench implements Command {
    @Override
    public String name() {
        return "volunteers";
    }

    @Override
    public String summary() {
        return "--volunteers 100000 --requests 300: volunteer directory search latency (p50/p95/p99)";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments o = Arguments.parse(args, Set.of("volunteers", "requests"), Set.of());
        o.noPositional();
        int volunteers = o.integer("volunteers", 100_000, 100, 5_000_000);
        int requests = o.integer("requests", 300, 1, 100_000);
        try (BenchSite site = new BenchSite(Map.of())) {
            console.err().printf("loading %,d volunteers...%n", volunteers);
            long group = load(site, volunteers);
            VolunteerDirectory directory = site.platform.feature(VolunteersFeature.class).directory();
            long ward = site.platform.places.tree().stream().filter(p -> p.kind().equals("ward")).findFirst().orElseThrow().id();
            Map<String, VolunteerDirectory.Filter> searches = new java.util.LinkedHashMap<>();
            searches.put("first page, no filter", new VolunteerDirectory.Filter(group, "", "", "", null, DbsLevel.NONE, "", 0));
            searches.put("name \"smith 12\"", new VolunteerDirectory.Filter(group, "", "", "", null, DbsLevel.NONE, "smith 12", 0));
            searches.put("skill care, language pl, slot tue-pm", new VolunteerDirectory.Filter(group, "care", "pl", "tue-pm", null, DbsLevel.NONE, "", 0));
            searches.put("ward, enhanced DBS or higher", new VolunteerDirectory.Filter(group, "", "", "", ward, DbsLevel.ENHANCED, "", 0));
            searches.put("skill mentoring, enhanced with barred lists", new VolunteerDirectory.Filter(group, "mentoring", "", "", null, DbsLevel.ENHANCED_BOTH, "", 0));
            searches.put("page 50, language en", new VolunteerDirectory.Filter(group, "", "en", "", null, DbsLevel.NONE, "", 50));
            for (Map.Entry<String, VolunteerDirectory.Filter> s : searches.entrySet()) {
                time(directory, s.getValue(), Math.max(100, requests));
                long[] sorted = time(directory, s.getValue(), requests);
                int found = directory.search(s.getValue()).rows().size();
                console.out().printf("%-46s %d searches (%2d shown): p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", s.getKey(), requests, found,
                        BenchSite.pct(sorted, 0.50), BenchSite.pct(sorted, 0.95), BenchSite.pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
            }
        }
        return 0;
    }

    private static long[] time(VolunteerDirectory directory, VolunteerDirectory.Filter filter, int n) {
        long[] took = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            directory.search(filter);
            took[i] = System.nanoTime() - t0;
        }
        Arrays.sort(took);
        return took;
    }

    /** Loads the volunteers into the demo's first group; returns its id. */
    private static long load(BenchSite site, int volunteers) {
        return site.platform.database().jdbi().inTransaction(h -> {
            long group = h.createQuery("SELECT min(id) FROM groups").mapTo(Long.class).one();
            h.execute("""
                    INSERT INTO volunteers (display_name, owner_group_id, skills, languages, slots, home_place_id, radius_km, capacity, source, external_id)
                    SELECT (ARRAY['Alex','Sam','Priya','Tomasz','Aisha','Chen','Maria','Dylan','Fatima','Ola'])[1 + g % 10] || ' '
                               || (ARRAY['Smith','Jones','Khan','Nowak','Evans','Ahmed','Wright','Patel','Lewis','Brown'])[1 + (g / 10) % 10] || ' ' || g,
                           ?, ARRAY[(ARRAY['care','mentoring','digital','events','finance','education','housing','health'])[1 + g % 8],
                                    (ARRAY['writing','design','law','environment','youth_work','languages'])[1 + g % 6]],
                           CASE WHEN g % 5 = 0 THEN ARRAY['en','pl'] WHEN g % 7 = 0 THEN ARRAY['en','ur','pa'] ELSE ARRAY['en'] END,
                           ARRAY[(ARRAY['mon','tue','wed','thu','fri','sat','sun'])[1 + g % 7] || '-' || (ARRAY['am','pm','eve'])[1 + g % 3],
                                 (ARRAY['mon','tue','wed','thu','fri','sat','sun'])[1 + (g / 7) % 7] || '-' || (ARRAY['am','pm','eve'])[1 + (g / 3) % 3]],
                           p.ids[1 + g % array_length(p.ids, 1)], 5 + g % 20, 1 + g % 3, 'bench', g::text
                    FROM generate_series(1, ?) g, (SELECT array_agg(id ORDER BY id) AS ids FROM places) p""", group, volunteers);
            h.execute("INSERT INTO volunteer_groups (volunteer_id, group_id) SELECT id, ? FROM volunteers WHERE source = 'bench'", group);
            h.execute("""
                    INSERT INTO volunteer_dbs_checks (volunteer_id, level, certificate_number, issued_on, recheck_due, verified_at, verified_group_id)
                    SELECT id, (ARRAY['basic','standard','enhanced','enhanced_adults','enhanced_children','enhanced_both'])[1 + id % 6],
                           lpad(id::text, 12, '0'), current_date - (id % 900)::int, current_date - (id % 900)::int + 1095, now(), ?
                    FROM volunteers WHERE source = 'bench' AND id % 3 = 0""", group);
            h.execute("ANALYZE");
            return group;
        });
    }
}
