package org.commonweal.platform.problems;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the suite (its name is not a test's): the agenda at the scale, 20,000 problems and 100,000 supports
 * spread over 18 months, timed through the service and through HTTP. Prints p50/p99 per period; run with
 * {@code -Dtest=AgendaBenchmark}.
 */
@Tag("slow")
class AgendaBenchmark extends PlatformTestCase {
    private static final int PROBLEMS = 20_000;
    private static final int SUPPORTS = 100_000;
    private static final int ACCOUNTS = 2_000;
    private static final int RUNS = 300;

    @Test
    void agendaAtTwentyThousandProblemsAndOneHundredThousandSupports() {
        app.database.jdbi().useHandle(h -> {
            h.execute("""
                    INSERT INTO accounts (email, name, password_hash, home_place_id)
                    SELECT 'bench' || g || '@example.org', 'Bench ' || g, 'x', (SELECT id FROM places ORDER BY random() LIMIT 1)
                    FROM generate_series(1, ?) g""", ACCOUNTS);
            h.execute("""
                    INSERT INTO problems (author_id, place_id, title, description, theme, status, status_reason, created_at)
                    SELECT NULL, p.ids[1 + (g % array_length(p.ids, 1))], 'Bench problem ' || g, 'Description of bench problem ' || g,
                           (ARRAY['streets','green','play','community','culture','safety','health'])[1 + g % 7],
                           (ARRAY['open','open','open','under_review','being_solved','solved','closed'])[1 + g % 7], 'bench',
                           now() - (g % 540) * interval '1 day'
                    FROM generate_series(1, ?) g, (SELECT array_agg(id ORDER BY id) AS ids FROM places) p""", PROBLEMS);
            // Support skews to a few popular problems, as it does in life; each (problem, account) once.
            h.execute("""
                    INSERT INTO problem_supports (problem_id, account_id, home_place_id, created_at)
                    SELECT DISTINCT ON (pr, ac) pr, ac, NULL::bigint, now() - (random() * 540) * interval '1 day'
                    FROM (SELECT (SELECT min(id) FROM problems) + floor(power(random(), 2) * ?)::bigint AS pr,
                                 (SELECT min(id) FROM accounts WHERE email LIKE 'bench%') + floor(random() * ?)::bigint AS ac
                          FROM generate_series(1, ?)) s
                    ON CONFLICT DO NOTHING""", PROBLEMS, ACCOUNTS, SUPPORTS + SUPPORTS / 4);
            h.execute("UPDATE problems r SET supporters = s.n FROM (SELECT problem_id, count(*) AS n FROM problem_supports GROUP BY problem_id) s WHERE s.problem_id = r.id");
            h.execute("ANALYZE");
        });
        long supports = app.count("SELECT count(*) FROM problem_supports");
        assertThat(supports).isGreaterThan(95_000);
        long council = app.platform.places.tree().getFirst().id();
        long ward = app.platform.places.tree().stream().filter(p -> p.kind().equals("ward")).findFirst().orElseThrow().id();
        AgendaService agenda = app.platform.feature(org.commonweal.platform.problems.ProblemsFeature.class).agenda();
        System.out.printf("agenda benchmark: %d problems, %d supports%n", app.count("SELECT count(*) FROM problems"), supports);
        for (long place : List.of(council, ward)) {
            for (AgendaService.Period period : AgendaService.Period.values()) {
                long[] nanos = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long t = System.nanoTime();
                    var ranked = agenda.rank(place, period, i % 2 == 0 ? "" : "green", "", 0, OffsetDateTime.now());
                    nanos[i] = System.nanoTime() - t;
                    assertThat(ranked.entries()).isNotEmpty();
                }
                print("service place " + place + " period " + period.code, nanos);
            }
        }
        // The plan of the heaviest case, so a reader sees where the time goes.
        app.database.jdbi().useHandle(h -> h.createQuery(AgendaService.sql(AgendaService.Period.MONTH, true)).bindArray("places", Long.class,
                        app.platform.places.within(council).toArray(Long[]::new)).bind("theme", "").bind("status", "")
                .bind("limit", AgendaService.PAGE_SIZE).bind("offset", 0).bind("since", OffsetDateTime.now().minusDays(30))
                .mapTo(String.class).list().forEach(System.out::println));
        TestClient client = app.client();
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            assertThat(client.get("/places/" + council + "/agenda?period=30d").status()).isEqualTo(200);
            nanos[i] = System.nanoTime() - t;
        }
        print("HTTP /places/" + council + "/agenda?period=30d", nanos);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        // Skip the first tenth: the JIT and the database's caches warming up.
        long[] warm = Arrays.copyOfRange(nanos, nanos.length / 10, nanos.length);
        Arrays.sort(warm);
        System.out.printf("%-45s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, warm[warm.length / 2] / 1e6,
                warm[(int) Math.ceil(warm.length * 0.99) - 1] / 1e6, warm[warm.length - 1] / 1e6);
    }
}
