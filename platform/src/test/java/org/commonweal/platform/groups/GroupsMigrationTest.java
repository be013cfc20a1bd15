package org.commonweal.platform.groups;

import org.commonweal.platform.core.db.EmbeddedDatabase;
import org.commonweal.platform.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consultations' organisations become groups: a database at V19 with old-style organisations, members, consultations
 * and responses is migrated, and every organisation is a group with the same id, its members with their roles (an
 * organiser now runs the group), the consultations still pointing at it, and the old tables gone.
 */
class GroupsMigrationTest {
    @Test
    void organisationsBecomeGroupsKeepingIdsMembersAndRoles() throws Exception {
        EmbeddedDatabase pg = TestDatabases.server();
        String name = "migration_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection c = pg.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = pg.jdbcUrl(name);
        // The last migration before the groups' (V20), whichever the branch has: others' may have been merged in.
        String before = java.util.Arrays.stream(Flyway.configure().locations("classpath:db/migration").dataSource(url, EmbeddedDatabase.USER, pg.password())
                        .load().info().all()).map(m -> m.getVersion()).filter(v -> v.isNewerThan("0") && !v.isAtLeast("20"))
                .max(java.util.Comparator.naturalOrder()).orElseThrow().getVersion();
        Flyway.configure().dataSource(url, EmbeddedDatabase.USER, pg.password()).locations("classpath:db/migration").target(before).load().migrate();
        Jdbi jdbi = Jdbi.create(url, EmbeddedDatabase.USER, pg.password());
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO accounts (id, email, name, password_hash) VALUES (1, 'olga@example.org', 'Olga', 'x'), (2, 'max@example.org', 'Max', 'x')");
            h.execute("""
                    INSERT INTO organisations (id, name, kind) VALUES (7, 'Eastfield Tenants', 'group'), (12, 'Town Council of Eastfield', 'council'),
                        (13, 'Greens', 'party_branch'), (14, 'Food Aid', 'charity'), (15, 'Bakery Co-op', 'cooperative')""");
            h.execute("INSERT INTO organisation_members (organisation_id, account_id, role) VALUES (7, 1, 'organiser'), (7, 2, 'member'), (15, 2, 'organiser')");
            h.execute("""
                    INSERT INTO consultations (id, organisation_id, title, body, opens_on, closes_on, status)
                    VALUES (100, 7, 'Bins', 'Where?', current_date, current_date + 7, 'published')""");
            h.execute("INSERT INTO consultation_responses (consultation_id, respondent_key, organisation_id) VALUES (100, 'k', 12)");
        });

        Flyway.configure().dataSource(url, EmbeddedDatabase.USER, pg.password()).locations("classpath:db/migration").load().migrate();

        jdbi.useHandle(h -> {
            assertThat(h.createQuery("SELECT id, kind FROM groups ORDER BY id").map((rs, x) -> Map.entry(rs.getLong("id"), rs.getString("kind"))).list())
                    .containsExactly(Map.entry(7L, "community_group"), Map.entry(12L, "parish_council"), Map.entry(13L, "party_branch"),
                            Map.entry(14L, "charity"), Map.entry(15L, "cooperative_society"));
            assertThat(h.createQuery("SELECT name FROM groups WHERE id = 7").mapTo(String.class).one()).isEqualTo("Eastfield Tenants");
            List<String> members = h.createQuery("SELECT group_id || ':' || account_id || ':' || role || ':' || admin FROM group_members ORDER BY 1")
                    .mapTo(String.class).list();
            assertThat(members).containsExactly("15:2:member:true", "7:1:member:true", "7:2:member:false");
            assertThat(h.createQuery("SELECT to_regclass('organisations') IS NULL AND to_regclass('organisation_members') IS NULL").mapTo(Boolean.class).one())
                    .as("the old tables are gone").isTrue();
            assertThat(h.createQuery("SELECT organisation_id FROM consultations WHERE id = 100").mapTo(Long.class).one()).isEqualTo(7L);
            // The consultations now point at groups: a group in use cannot be deleted from under them.
            assertThat(h.createQuery("""
                    SELECT confrelid::regclass::text FROM pg_constraint WHERE conname IN ('consultations_organisation_id_fkey', 'consultation_responses_organisation_id_fkey')""")
                    .mapTo(String.class).list()).containsOnly("groups");
            long next = h.createUpdate("INSERT INTO groups (name, kind) VALUES ('New', 'faith_group')").executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            assertThat(next).as("new groups get ids after the migrated ones").isGreaterThan(15L);
        });
    }
}
