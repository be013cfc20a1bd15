package org.commonweal.platform.care;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.core.opendata.OpenDataset;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Special category data stays where it belongs: a marker written as care needs, asked for someone with their consent,
 * matched and read by the coordinator, is never in the database in clear, search, open data, the outbox, the audit log
 * or the logs, and appears only on the request's page to those allowed and in the person's own data download (not the
 * asker's). Deleting the person's account deletes the request.
 */
class CarePrivacyTest extends PlatformTestCase {
    private static final String MARKER = "Zq7MARKERcareneeds";

    @Test
    void theNeedsAppearOnlyOnTheRequestPageAndInThePersonsOwnDownload() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        logs.start();
        root.addAppender(logs);
        try {
            CareFixtures fx = new CareFixtures(app);
            long ward = fx.ward("Care Privacy Ward");
            long coordinator = fx.account("kit@care.example", "Kit Coordinator");
            long group = fx.group("Privacy Helpers", ward, coordinator);
            fx.volunteer(group, CareFixtures.Volunteer.of("Val Volunteer", 0.2));
            long person = fx.account("rosa@care.example", "Rosa Person");
            fx.account("sam@care.example", "Sam Social-Prescriber");

            // Sam asks for Rosa, who confirms in her account; she is mailed, without the needs.
            TestClient sam = fx.signIn("sam@care.example");
            long request = CareFixtures.ask(sam, CareFixtures.request(ward, Map.of("forWhom", "someone", "personName", "Rosa Person",
                    "personEmail", "rosa@care.example", "relationship", "social_prescriber", "consent", "in_account", "needs", MARKER + " early dementia")));
            assertThat(app.latestMailBody("rosa@care.example")).contains("Sam Social-Prescriber").contains("/care/requests/" + request);
            assertThat(sam.get("/care/requests/" + request).body()).as("the asker does not read them back").doesNotContain(MARKER)
                    .contains("Waiting for their consent");
            TestClient kit = fx.signIn("kit@care.example");
            assertThat(kit.get("/care/groups/" + group).body()).as("listed, not matched before consent").contains("Waiting for their consent");
            kit.post("/care/groups/" + group + "/match", Map.of());
            assertThat(app.count("SELECT count(*) FROM care_matches WHERE request_id = " + request)).isZero();
            assertThat(fx.signIn("sam@care.example").post("/care/requests/" + request + "/consent", Map.of()).status()).as("only Rosa confirms").isEqualTo(403);
            TestClient rosa = fx.signIn("rosa@care.example");
            rosa.get("/care/requests/" + request);
            assertThat(rosa.post("/care/requests/" + request + "/consent", Map.of()).status()).isEqualTo(302);
            assertThat(rosa.get("/care/requests/" + request).body()).contains(MARKER);

            kit.get("/care/groups/" + group);
            kit.post("/care/groups/" + group + "/match", Map.of());
            kit.get("/care/groups/" + group);
            kit.post("/care/groups/" + group + "/send", Map.of());
            kit.get("/care/requests/" + request);
            assertThat(kit.post("/care/requests/" + request + "/needs", Map.of()).body()).contains(MARKER);
            assertThat(sam.get("/care/requests/" + request).body()).as("the asker sees who looked").contains("Kit Coordinator, ");

            assertThat(app.count("SELECT count(*) FROM care_requests WHERE position(convert_to('" + MARKER + "', 'UTF8') IN needs_sealed) > 0"))
                    .as("sealed in the database").isZero();
            assertThat(app.count("SELECT count(*) FROM care_requests r WHERE r::text LIKE '%" + MARKER + "%'")).isZero();
            assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE body LIKE '%" + MARKER + "%' OR subject LIKE '%" + MARKER + "%'")).isZero();
            assertThat(app.count("SELECT count(*) FROM audit_log l WHERE l::text LIKE '%" + MARKER + "%'")).isZero();
            assertThat(app.count("SELECT count(*) FROM search_documents d WHERE d::text LIKE '%" + MARKER + "%'")).isZero();
            assertThat(kit.get("/search?q=" + MARKER).body()).as("the box echoes the words; no result is found").doesNotContain("/care/requests/");
            assertThat(kit.get("/search?q=dementia").body()).doesNotContain("/care/requests/");
            for (OpenDataset d : app.platform.openData.all()) {
                assertThat(app.client().get("/open-data/" + d.name() + ".csv").body()).as(d.name()).doesNotContain(MARKER);
            }
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m != null && m.contains(MARKER));

            ObjectMapper json = new ObjectMapper();
            JsonNode rosas = json.readTree(rosa.get("/account/export").body()).get("data");
            assertThat(rosas.get("care-requests-for-me").get(0).get("careNeeds").asText()).isEqualTo(MARKER + " early dementia");
            assertThat(rosas.get("care-requests-for-me").get(0).has("needsSealed")).isFalse();
            String sams = sam.get("/account/export").body();
            assertThat(sams).doesNotContain(MARKER);
            assertThat(json.readTree(sams).get("data").get("care-requests-asked").get(0).get("personName").asText()).isEqualTo("Rosa Person");
            assertThat(kit.get("/account/export").body()).doesNotContain(MARKER);

            // Erasure: Rosa's request, its matches and visits go with her account.
            rosa.get("/account/delete");
            assertThat(rosa.post("/account/delete", Map.of("password", CareFixtures.PASSWORD)).status()).isEqualTo(302);
            assertThat(app.count("SELECT count(*) FROM care_requests WHERE id = " + request)).isZero();
            assertThat(app.count("SELECT count(*) FROM care_matches WHERE request_id = " + request)).isZero();
            assertThat(app.count("SELECT count(*) FROM accounts WHERE id = " + person)).isZero();
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void consentRecordedByPhoneOpensTheRequestAndTellsThePersonWithoutTheNeeds() {
        CareFixtures fx = new CareFixtures(app);
        long ward = fx.ward("Care Phone Ward");
        fx.account("tom@care.example", "Tom Person");
        fx.account("una@care.example", "Una Daughter");
        TestClient una = fx.signIn("una@care.example");
        long request = CareFixtures.ask(una, CareFixtures.request(ward, Map.of("forWhom", "someone", "personName", "Tom Person",
                "personEmail", "tom@care.example", "relationship", "family", "consent", "by_phone", "consentDate", CareFeature.today().toString(),
                "needs", MARKER)));
        assertThat(app.count("SELECT count(*) FROM care_requests WHERE status = 'open' AND id = " + request)).isEqualTo(1);
        String mail = app.latestMailBody("tom@care.example");
        assertThat(mail).contains("Una Daughter").contains("by phone").doesNotContain(MARKER);
        assertThat(new String(app.database.jdbi().withHandle(h -> h.createQuery("SELECT needs_sealed FROM care_requests WHERE id = " + request)
                .mapTo(byte[].class).one()), StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);
        // Asking the person to confirm in an account nobody has is refused on the address field.
        una.get("/care/requests/new");
        TestClient.Response r = una.post("/care/requests", CareFixtures.request(ward, Map.of("forWhom", "someone", "personName", "Nobody",
                "personEmail", "nobody@care.example", "relationship", "family", "consent", "in_account")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("No account has this email address");
    }

    @Test
    void aVolunteerWhoDeletesTheirAccountLeavesTheRequestLookingForSomeoneAgain() {
        CareFixtures fx = new CareFixtures(app);
        long ward = fx.ward("Care Erasure Ward");
        fx.account("ida@care.example", "Ida Coordinator");
        long group = fx.group("Erasure Helpers", ward, app.count("SELECT id FROM accounts WHERE email = 'ida@care.example'"));
        long wes = fx.volunteer(group, CareFixtures.Volunteer.of("Wes Went", 0.4));
        fx.account("pia@care.example", "Pia Person");
        long request = CareFixtures.ask(fx.signIn("pia@care.example"), CareFixtures.request(ward, Map.of()));
        TestClient ida = fx.signIn("ida@care.example");
        ida.get("/care/groups/" + group);
        ida.post("/care/groups/" + group + "/match", Map.of());
        ida.get("/care/groups/" + group);
        ida.post("/care/groups/" + group + "/send", Map.of());
        TestClient w = fx.signIn("wes.went@care.example");
        w.get("/care/volunteering");
        long match = app.count("SELECT id FROM care_matches WHERE request_id = " + request + " AND volunteer_id = " + wes);
        assertThat(w.post("/care/matches/" + match + "/accept", Map.of()).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM care_requests WHERE status = 'matched' AND id = " + request)).isEqualTo(1);
        w.get("/account/delete");
        assertThat(w.post("/account/delete", Map.of("password", CareFixtures.PASSWORD)).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM care_matches WHERE volunteer_id = " + wes)).isZero();
        assertThat(app.count("SELECT count(*) FROM care_requests WHERE status = 'open' AND id = " + request)).isEqualTo(1);
    }
}
