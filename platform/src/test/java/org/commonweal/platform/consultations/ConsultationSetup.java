package org.commonweal.platform.consultations;

import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds consultations over HTTP as their owners would, and reads back the ids the pages do not print. */
final class ConsultationSetup {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private final TestApp app;

    ConsultationSetup(TestApp app) {
        this.app = app;
    }

    /** A draft run by {@code owner} ("council" or an organisation id), open from {@code opens} to {@code closes}. */
    long create(TestClient client, String owner, String title, LocalDate opens, LocalDate closes) {
        client.get("/consultations/new");
        TestClient.Response r = client.post("/consultations", Map.of("owner", owner, "title", title, "body", "First paragraph.\n\nSecond paragraph.",
                "opens", opens.toString(), "closes", closes.toString(), "place", "", "answersPublic", "yes"));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().replaceAll("^/consultations/(\\d+)/manage$", "$1"));
    }

    long workstream(TestClient client, long id, String title) {
        client.get("/consultations/" + id + "/manage");
        assertThat(client.post("/consultations/" + id + "/workstreams", Map.of("workstream", title)).status()).isEqualTo(302);
        return app.database.jdbi().withHandle(h -> h.createQuery("SELECT max(id) FROM consultation_workstreams WHERE consultation_id = :c")
                .bind("c", id).mapTo(Long.class).one());
    }

    long question(TestClient client, long id, long workstream, Map<String, String> fields) {
        client.get("/consultations/" + id + "/manage");
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put("workstream", String.valueOf(workstream));
        TestClient.Response r = client.post("/consultations/" + id + "/questions", all);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return app.database.jdbi().withHandle(h -> h.createQuery("SELECT max(id) FROM consultation_questions WHERE workstream_id = :w")
                .bind("w", workstream).mapTo(Long.class).one());
    }

    void publish(TestClient client, long id) {
        client.get("/consultations/" + id + "/manage");
        assertThat(client.post("/consultations/" + id + "/publish", Map.of()).status()).isEqualTo(302);
    }

    /** The question's option ids in order. */
    List<Long> options(long question) {
        return app.database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM consultation_options WHERE question_id = :q ORDER BY position")
                .bind("q", question).mapTo(Long.class).list());
    }

    /** Answers through the form, after fetching it (for its CSRF token). */
    TestClient.Response answer(TestClient client, long id, Map<String, String> fields) {
        client.get("/consultations/" + id + "/respond");
        return client.post("/consultations/" + id + "/respond", fields);
    }
}
