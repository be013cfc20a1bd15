package org.commonweal.platform.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.elections.Multipart;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer imports the ORUK examples (the JSON and the CSV tables, read in place from the shared data): the service
 * comes out of the API as it went in, valid, and its organization becomes a group. A broken feed is refused with each
 * problem named by table, row and field, and nothing of it is stored, not even its organization.
 */
class OrukImportTest extends PlatformTestCase {
    private static final String EXAMPLE_SERVICE = "ac148810-d857-441c-9679-408f346de14b";
    private static final Path EXAMPLES = OrukSchemas.DIR.resolve("examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestClient.Response upload(Map<String, byte[]> files) {
        TestClient officer = app.signedInAs("officer");
        officer.get("/services/import");
        return Multipart.post(app, officer, "/services/import", Map.of(), "files", files);
    }

    private static Map<String, byte[]> examplesCsv() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var list = Files.list(EXAMPLES.resolve("csv"))) {
            for (Path p : list.sorted().toList()) files.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return files;
    }

    private static long stored() {
        return app.count("SELECT (SELECT count(*) FROM services) + (SELECT count(*) FROM service_schedules) + (SELECT count(*) FROM groups)"
                + " + (SELECT count(*) FROM service_taxonomy_terms) + (SELECT count(*) FROM service_locations)");
    }

    private static void deleteExample() {
        app.database.jdbi().useHandle(h -> {
            h.execute("DELETE FROM services WHERE oruk_id = '" + EXAMPLE_SERVICE + "'");
            h.execute("DELETE FROM search_documents WHERE kind = 'service' AND id NOT IN (SELECT id FROM services)");
        });
    }

    @Test
    void theJsonExampleImportsAndComesBackOutOfTheApiValid() throws Exception {
        deleteExample();
        TestClient.Response r = upload(Map.of("service_full.json", Files.readAllBytes(EXAMPLES.resolve("service_full.json"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"done\"").contains("1 service from 1 organisation");
        assertThat(r.body()).as("the example's placeholder coordinates (100, 101) are left out, and said so").contains("out of range");

        TestClient.Response api = app.client().get("/api/openreferral/services/" + EXAMPLE_SERVICE);
        assertThat(api.status()).isEqualTo(200);
        JsonNode s = JSON.readTree(api.body());
        assertThat(OrukSchemas.errors(new OrukSchemas().response("/services/{id}"), api.body())).isEmpty();
        JsonNode example = JSON.readTree(EXAMPLES.resolve("service_full.json").toFile());
        for (String field : List.of("name", "description", "url", "email", "status", "minimum_age", "maximum_age", "assured_date", "alert")) {
            // Text is kept without the spaces around it (the example's description ends with one).
            assertThat(s.get(field).isTextual() ? s.get(field).asText() : s.get(field).toString()).as(field)
                    .isEqualTo(example.get(field).isTextual() ? example.get(field).asText().strip() : example.get(field).toString());
        }
        assertThat(s.get("schedules").get(0).get("id")).isEqualTo(example.get("schedules").get(0).get("id"));
        assertThat(s.get("schedules").get(0).get("byday").asText()).isEqualTo("TH,FR");
        assertThat(s.get("schedules").get(0).get("opens_at").asText()).isEqualTo("10:00:00");
        assertThat(app.client().get("/services/" + app.count("SELECT id FROM services WHERE oruk_id = '" + EXAMPLE_SERVICE + "'")).body())
                .as("the example's schedule was valid on 1 January 2005 only").contains("Every Thursday and Friday: 10am to 6pm. This ended on Saturday 1 January 2005");
        assertThat(s.get("service_at_locations").get(0).get("id")).isEqualTo(example.get("service_at_locations").get(0).get("id"));
        assertThat(s.get("cost_options").get(0).get("amount").asInt()).isEqualTo(35);
        assertThat(s.get("contacts").get(0).get("name").asText()).isEqualTo("Ann Persona");
        assertThat(s.get("attributes").get(0).get("taxonomy_term").get("id")).isEqualTo(example.get("attributes").get(0).get("taxonomy_term").get("id"));
        assertThat(s.get("organization").get("name").asText()).isEqualTo("Example Organization Inc.");
        assertThat(s.get("organization").get("id").asText()).as("the feed's organization id is kept").isEqualTo("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
        assertThat(app.count("SELECT count(*) FROM groups WHERE name = 'Example Organization Inc.'")).as("the organization became a group").isEqualTo(1);

        long before = stored();
        assertThat(upload(Map.of("service_full.json", Files.readAllBytes(EXAMPLES.resolve("service_full.json")))).status()).isEqualTo(200);
        assertThat(stored()).as("importing the feed again updates it rather than adding to it").isEqualTo(before);
        for (String other : List.of("organization_full.json", "service_list.json")) {
            TestClient.Response again = upload(Map.of(other, Files.readAllBytes(EXAMPLES.resolve(other))));
            assertThat(again.status()).as(other + ": " + again.body()).isEqualTo(200);
        }
        assertThat(app.count("SELECT count(*) FROM services WHERE oruk_id = '" + EXAMPLE_SERVICE + "'")).isEqualTo(1);
    }

    @Test
    void theCsvTablesOfTheExampleImport() throws Exception {
        deleteExample();
        TestClient.Response r = upload(examplesCsv());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"done\"").contains("1 service");
        assertThat(r.body()).as("tables the directory does not read are named").contains("programs.csv");
        JsonNode s = JSON.readTree(app.client().get("/api/openreferral/services/" + EXAMPLE_SERVICE).body());
        assertThat(s.get("name").asText()).isEqualTo("Community Counselling");
        assertThat(s.get("schedules")).as("schedule.csv and schedules.csv hold the same row").hasSize(1);
        assertThat(s.get("contacts").get(0).get("phones").get(0).get("number").asText()).isEqualTo("+44 1234 234567");
        assertThat(s.get("service_at_locations").get(0).get("location").get("accessibility")).hasSize(1);
        assertThat(s.get("organization").get("name").asText()).isEqualTo("Example Organization Inc.");
    }

    @Test
    void aBrokenCsvFeedIsRefusedWithEveryProblemNamedAndNothingStored() {
        long before = stored();
        String services = """
                id,organization_id,name,description,url,email,status,minimum_age
                0b3c1e52-1111-4c3e-9a1b-000000000001,7a1e0c4d-2222-4b5e-8c9d-000000000002,Good service,Fine,https://example.org,a@example.org,active,5
                0b3c1e52-1111-4c3e-9a1b-000000000003,7a1e0c4d-2222-4b5e-8c9d-000000000002,,No name,https://example.org,not-an-email,open,-1
                """;
        String organizations = """
                id,name,description
                7a1e0c4d-2222-4b5e-8c9d-000000000002,Brand New Broken Feed Org,Should never be made
                """;
        String schedules = """
                id,service_id,byday,opens_at,closes_at
                5d0e6f7a-3333-4a4b-9c8d-000000000004,0b3c1e52-1111-4c3e-9a1b-000000000001,"MO,XX",09:00,17:00
                5d0e6f7a-3333-4a4b-9c8d-000000000005,0b3c1e52-1111-4c3e-9a1b-000000000009,MO,25:00,17:00
                """;
        TestClient.Response r = upload(Map.of("services.csv", bytes(services), "organizations.csv", bytes(organizations), "schedules.csv", bytes(schedules)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("services, services.csv row 3, field name: missing")
                .contains("services, services.csv row 3, field email: \"not-an-email\" is not an email address")
                .contains("services, services.csv row 3, field status: \"open\" is not one of")
                .contains("services, services.csv row 3, field minimum_age:")
                .contains("schedules, schedules.csv row 2, field byday: \"XX\" is not a day")
                .contains("schedules, schedules.csv row 3, field service_id: no service 0b3c1e52-1111-4c3e-9a1b-000000000009 in the feed");
        assertThat(stored()).as("nothing of the feed is stored, not even the good row or its organization").isEqualTo(before);
        assertThat(app.count("SELECT count(*) FROM groups WHERE name = 'Brand New Broken Feed Org'")).isZero();
    }

    @Test
    void monthlySchedulesKeepWhichWeekdayOfTheMonthAndBadDaysAreNamed() {
        String services = """
                id,organization_id,name,description,status
                0b3c1e52-1111-4c3e-9a1b-0000000000a1,7a1e0c4d-2222-4b5e-8c9d-0000000000a2,Repair workshop,Bring what is broken,active
                """;
        String organizations = """
                id,name,description
                7a1e0c4d-2222-4b5e-8c9d-0000000000a2,Riverford Repairers,Menders
                """;
        String bad = """
                id,service_id,freq,interval,byday,bymonthday,opens_at,closes_at
                5d0e6f7a-3333-4a4b-9c8d-0000000000a3,0b3c1e52-1111-4c3e-9a1b-0000000000a1,WEEKLY,1,1MO,,10:00,13:00
                5d0e6f7a-3333-4a4b-9c8d-0000000000a4,0b3c1e52-1111-4c3e-9a1b-0000000000a1,MONTHLY,1,6TU,,10:00,13:00
                5d0e6f7a-3333-4a4b-9c8d-0000000000a5,0b3c1e52-1111-4c3e-9a1b-0000000000a1,MONTHLY,1,,"3,40",10:00,13:00
                """;
        long before = stored();
        TestClient.Response refused = upload(Map.of("services.csv", bytes(services), "organizations.csv", bytes(organizations), "schedules.csv", bytes(bad)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("schedules, schedules.csv row 2, field byday: \"1MO\": only a monthly schedule may number its days")
                .contains("schedules, schedules.csv row 3, field byday: \"6TU\": a day of a monthly schedule is numbered from 1 to 5")
                .contains("schedules, schedules.csv row 4, field bymonthday: \"40\" is not a day of the month");
        assertThat(stored()).isEqualTo(before);

        String good = """
                id,service_id,freq,interval,byday,bymonthday,dtstart,opens_at,closes_at
                5d0e6f7a-3333-4a4b-9c8d-0000000000a6,0b3c1e52-1111-4c3e-9a1b-0000000000a1,MONTHLY,1,"+1sa,-1FR",,,10:00,13:00
                5d0e6f7a-3333-4a4b-9c8d-0000000000a7,0b3c1e52-1111-4c3e-9a1b-0000000000a1,MONTHLY,2,," +15, -1",2027-01-01,18:00,20:00
                5d0e6f7a-3333-4a4b-9c8d-0000000000a8,0b3c1e52-1111-4c3e-9a1b-0000000000a1,WEEKLY,2,TH,,2026-12-03,22:00,02:00
                """;
        TestClient.Response imported = upload(Map.of("services.csv", bytes(services), "organizations.csv", bytes(organizations), "schedules.csv", bytes(good)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        List<String> kept = app.database.jdbi().withHandle(h -> h.createQuery("""
                SELECT array_to_string(byday, ',') || '|' || coalesce(bymonthday, '') FROM service_schedules
                WHERE oruk_id::text LIKE '5d0e6f7a-3333-4a4b-9c8d-0000000000a%' ORDER BY oruk_id""").mapTo(String.class).list());
        assertThat(kept).containsExactly("1SA,-1FR|", "|15,-1", "TH|");
        String page = app.client().get("/services/" + app.count("SELECT id FROM services WHERE oruk_id = '0b3c1e52-1111-4c3e-9a1b-0000000000a1'")).body();
        assertThat(page).contains("The first Saturday and the last Friday of the month: 10am to 1pm")
                .contains("The 15th and the last day of every other month: 6pm to 8pm")
                .contains("Every other Thursday: 10pm to 2am the next morning");
    }

    @Test
    void unreadableFilesAreNamedWithTheirLineAndColumn() {
        long before = stored();
        TestClient.Response json = upload(Map.of("feed.json", bytes("{\n  \"id\": \"x\",\n  \"name\": oops\n}")));
        assertThat(json.status()).isEqualTo(422);
        assertThat(json.body()).contains("feed.json, line 3, column");
        TestClient.Response csv = upload(Map.of("services.csv", bytes("id,name\n\"unterminated,quote\n")));
        assertThat(csv.status()).isEqualTo(422);
        assertThat(csv.body()).contains("services.csv, line");
        TestClient.Response none = upload(Map.of("notes.txt", bytes("hello")));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("notes.txt: upload one .json file, or .csv files");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aResidentCannotImport() {
        TestClient resident = app.signedInAs("resident");
        resident.get("/services");
        assertThat(Multipart.post(app, resident, "/services/import", Map.of(), "files",
                Map.of("service_full.json", bytes("{}"))).status()).isEqualTo(403);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
