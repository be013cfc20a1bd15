package org.commonweal.platform.care;

import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groups, coordinators and volunteers for care tests, made directly in the tables (the volunteers feature's own pages
 * are its tests' business): a group working in one ward with a volunteer coordinator, and volunteers of that group
 * with an account, a home point, slots and a verified DBS check.
 */
final class CareFixtures {
    static final String PASSWORD = "a long care test password";
    /** Riverford's centre, as the demo has it: every fixture sits a few hundred metres from here. */
    static final double LAT = 51.4545, LON = -2.5879;
    private final TestApp app;

    CareFixtures(TestApp app) {
        this.app = app;
    }

    long account(String email, String name) {
        return app.platform.accounts.createConfirmed(email, name, PASSWORD, Set.of(), null);
    }

    TestClient signIn(String email) {
        TestClient c = app.client();
        c.signIn(email, PASSWORD);
        return c;
    }

    /** A new ward under the council, so each test class's area is its own. */
    long ward(String name) {
        long council = app.count("SELECT id FROM places WHERE parent_id IS NULL ORDER BY id LIMIT 1");
        return app.platform.places.create(org.commonweal.platform.core.http.Form.empty().set("name", name).set("gssCode", "")
                .set("parent", String.valueOf(council)), org.commonweal.platform.core.audit.Actor.SYSTEM).orElseThrow();
    }

    /** A community group working in {@code ward}, with {@code coordinator} as its volunteer coordinator. */
    long group(String name, long ward, long coordinator) {
        return app.database.jdbi().inTransaction(h -> {
            long g = h.createQuery("INSERT INTO groups (name, kind, description) VALUES (:n, 'community_group', 'Care test group.') RETURNING id")
                    .bind("n", name).mapTo(Long.class).one();
            h.execute("INSERT INTO group_places (group_id, place_id) VALUES (?, ?)", g, ward);
            h.execute("INSERT INTO group_members (group_id, account_id, role, admin) VALUES (?, ?, 'volunteer_coordinator', false)", g, coordinator);
            return g;
        });
    }

    record Volunteer(String name, double north, List<String> slots, List<String> languages, String dbs, int capacity, String gender) {
        static Volunteer of(String name, double northKm) {
            return new Volunteer(name, northKm, List.of("mon-am", "wed-pm"), List.of("en"), null, 2, null);
        }

        Volunteer dbs(String level) {
            return new Volunteer(name, north, slots, languages, level, capacity, gender);
        }

        Volunteer capacity(int n) {
            return new Volunteer(name, north, slots, languages, dbs, n, gender);
        }
    }

    /** A volunteer of the group living {@code north} km north of the centre, travelling up to 10 km; their account id. */
    long volunteer(long group, Volunteer v) {
        long account = account(v.name().toLowerCase().replace(' ', '.') + "@care.example", v.name());
        app.database.jdbi().useTransaction(h -> {
            long id = h.createQuery("""
                    INSERT INTO volunteers (account_id, display_name, skills, languages, slots, home_lat, home_lon, radius_km, capacity, gender)
                    VALUES (:a, :n, '{care}', :langs, :slots, :lat, :lon, 10, :cap, :g) RETURNING id""")
                    .bind("a", account).bind("n", v.name()).bind("langs", v.languages().toArray(String[]::new)).bind("slots", v.slots().toArray(String[]::new))
                    .bind("lat", LAT + v.north() / 111.2).bind("lon", LON).bind("cap", v.capacity()).bind("g", v.gender()).mapTo(Long.class).one();
            h.execute("INSERT INTO volunteer_groups (volunteer_id, group_id) VALUES (?, ?)", id, group);
            if (v.dbs() != null) {
                h.execute("""
                        INSERT INTO volunteer_dbs_checks (volunteer_id, level, certificate_number, issued_on, recheck_due, verified_at, verified_group_id)
                        VALUES (?, ?, '001234567890', current_date - 30, current_date + 700, now(), ?)""", id, v.dbs(), group);
            }
        });
        return account;
    }

    /** The form of a request for oneself in the ward, a few metres from the centre; {@code changes} replace fields. */
    static Map<String, String> request(long ward, Map<String, String> changes) {
        Map<String, String> form = new LinkedHashMap<>(Map.ofEntries(Map.entry("forWhom", "self"), Map.entry("kind", "shopping"),
                Map.entry("schedule", "weekly"), Map.entry("slots", "mon-am"), Map.entry("place", String.valueOf(ward)),
                Map.entry("lat", String.valueOf(LAT)), Map.entry("lon", String.valueOf(LON)), Map.entry("languages", "en"),
                Map.entry("gender", ""), Map.entry("safeguarding", "none"), Map.entry("needs", "")));
        form.putAll(changes);
        return form;
    }

    /** Posts a request; its id. */
    static long ask(TestClient c, Map<String, String> form) {
        c.get("/care/requests/new");
        TestClient.Response r = c.post("/care/requests", form);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring("/care/requests/".length()));
    }
}
