package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups at the scale: 10,000 groups of every kind with places, themes and org-ids, 50,000 memberships over
 * 5,000 accounts (a fifth of them officers of their group), every group in the search index, and one busy group with
 * 200 members. Then, over HTTP, one request after another after an equal warm-up: that group's page (its people,
 * vacancies and every feature's section), another group's page, and the directory filtered by name, kind, place
 * and theme. The data is bulk-loaded with SQL.
 */
final class GroupsBench implements Command {
    @Override
    public String name() {
        return "groups";
    }

    @Override
    public String summary() {
        return "--groups 10000 --memberships 50000 --requests 300: group page and directory latency";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments o = Arguments.parse(args, Set.of("groups", "memberships", "requests"), Set.of());
        o.noPositional();
        int groups = o.integer("groups", 10_000, 10, 1_000_000);
        int memberships = o.integer("memberships", 50_000, 200, 10_000_000);
        int requests = o.integer("requests", 300, 1, 100_000);
        try (BenchSite site = new BenchSite(Map.of())) {
            console.err().printf("loading %,d groups and %,d memberships...%n", groups, memberships);
            long[] ids = load(site, groups, memberships);
            console.err().printf("loaded: %,d groups, %,d memberships%n", site.platform.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM groups").mapTo(Long.class).one()), site.platform.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM group_members").mapTo(Long.class).one()));
            long ward = site.platform.places.tree().stream().filter(p -> p.kind().equals("ward")).findFirst().orElseThrow().id();
            List<String> paths = List.of("/groups/" + ids[0], "/groups/" + ids[1], "/groups?name=" + BenchSite.enc("trust 12"),
                    "/groups?kind=charity&theme=green", "/groups?place=" + ward + "&kind=community_benefit_society&page=3");
            for (String path : paths) {
                site.timeGets(site.base + path, Math.max(200, requests));
                long[] sorted = site.timeGets(site.base + path, requests);
                console.out().printf("GET %-60s %d requests: p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", path, requests,
                        BenchSite.pct(sorted, 0.50), BenchSite.pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
            }
        }
        return 0;
    }

    /** Loads the data; returns the busy group's id and an ordinary one's. */
    private static long[] load(BenchSite site, int groups, int memberships) {
        return site.platform.database().jdbi().inTransaction(h -> {
            // The demo's groups are there already: the bench's own come after them.
            long before = h.createQuery("SELECT coalesce(max(id), 0) FROM groups").mapTo(Long.class).one();
            h.execute("""
                    INSERT INTO accounts (email, name, password_hash, home_place_id)
                    SELECT 'bench' || g || '@example.org', 'Bench member ' || g, 'x', p.ids[1 + g % array_length(p.ids, 1)]
                    FROM generate_series(1, 5000) g, (SELECT array_agg(id ORDER BY id) AS ids FROM places) p""");
            h.execute("""
                    INSERT INTO groups (name, kind, description, contact, website, verified_at)
                    SELECT (ARRAY['Friends of','Trust','Association','Society','Club'])[1 + g % 5] || ' ' || g,
                           (ARRAY['charity','cio','charitable_company','cic','cooperative_society','community_benefit_society',
                                  'company_limited_by_guarantee','community_group','faith_group','tenants_association','parish_council','party_branch'])[1 + g % 12],
                           'A group working on ' || g || ' things residents care about, meeting monthly and welcoming volunteers.',
                           'Write to the secretary', 'https://group' || g || '.example', CASE WHEN g % 3 = 0 THEN now() END
                    FROM generate_series(1, ?) g""", groups);
            h.execute("""
                    INSERT INTO group_places (group_id, place_id)
                    SELECT g.id, p.ids[1 + g.id % array_length(p.ids, 1)] FROM groups g, (SELECT array_agg(id ORDER BY id) AS ids FROM places) p
                    WHERE g.id > ?""", before);
            h.execute("""
                    INSERT INTO group_themes (group_id, theme)
                    SELECT id, (ARRAY['streets','green','play','community','culture','safety','health'])[1 + id % 7] FROM groups WHERE id > ?""", before);
            h.execute("INSERT INTO group_identifiers (group_id, identifier) SELECT id, 'GB-CHC-' || (2000000 + id) FROM groups WHERE kind = 'charity' AND id > ?", before);
            long busy = h.createQuery("SELECT min(id) FROM groups WHERE name LIKE 'Trust%' AND id > :b").bind("b", before).mapTo(Long.class).one();
            long first = h.createQuery("SELECT min(id) FROM accounts WHERE email LIKE 'bench%'").mapTo(Long.class).one();
            // 200 members in the busy group, the rest spread over every group; one membership per person per group.
            h.execute("""
                    INSERT INTO group_members (group_id, account_id, role, admin)
                    SELECT ?, ? + g, (ARRAY['chair','secretary','treasurer','trustee','trustee','safeguarding_lead','volunteer_coordinator'])[1 + g % 7], g < 2
                    FROM generate_series(0, 6) g""", busy, first);
            h.execute("INSERT INTO group_members (group_id, account_id, role) SELECT ?, ? + g, 'member' FROM generate_series(7, 199) g", busy, first);
            h.execute("""
                    INSERT INTO group_members (group_id, account_id, role, admin)
                    SELECT ? + 1 + floor(random() * ?)::bigint, ? + floor(random() * 5000)::bigint,
                           CASE WHEN random() < 0.2 THEN 'trustee' ELSE 'member' END, random() < 0.05
                    FROM generate_series(1, ?) ON CONFLICT DO NOTHING""", before, groups, first, memberships - 200);
            h.execute("""
                    INSERT INTO group_vacancies (group_id, role, description, skills, time_needed)
                    SELECT id, 'treasurer', 'Keep our accounts.', ARRAY['finance'], '4 hours a month' FROM groups WHERE id > ? AND (id % 50 = 0 OR id = ?)""", before, busy);
            h.execute("""
                    INSERT INTO search_documents (kind, id, title, body, url)
                    SELECT 'group', id, name, description, '/groups/' || id FROM groups WHERE id > ? ON CONFLICT (kind, id) DO NOTHING""", before);
            h.execute("ANALYZE");
            long other = h.createQuery("SELECT max(id) FROM groups").mapTo(Long.class).one();
            return new long[]{busy, other};
        });
    }
}
