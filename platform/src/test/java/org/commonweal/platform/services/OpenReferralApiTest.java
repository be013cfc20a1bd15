package org.commonweal.platform.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open Referral UK read API over the demo directory: every endpoint's answer validates against the schema the ORUK
 * OpenAPI description gives it (read from the shared data, with a JSON Schema library), pages add up, filters filter,
 * only published services show, and a wrong parameter is a 400 naming it.
 */
class OpenReferralApiTest extends PlatformTestCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OrukSchemas schemas;
    private static long published;

    @BeforeAll
    static void load() {
        schemas = new OrukSchemas();
        published = app.count("SELECT count(*) FROM services WHERE state = 'published'");
    }

    private static JsonNode get(String path) {
        TestClient.Response r = app.client().get(path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).as("any web page may read the API").isEqualTo("*");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(path + " is not JSON: " + r.body(), e);
        }
    }

    private static JsonNode valid(String path, String openapiPath) {
        JsonNode body = get(path);
        assertThat(OrukSchemas.errors(schemas.response(openapiPath), body.toString())).as(path).isEmpty();
        return body;
    }

    /** The names of a page's contents (each service's own, not its organization's). */
    private static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("contents").forEach(s -> out.add(s.get("name").asText()));
        return out;
    }

    @Test
    void servicesArePagedAsTheOpenApiDescriptionSaysAndEachPageValidates() {
        assertThat(published).as("the demo publishes services").isGreaterThanOrEqualTo(9);
        JsonNode first = valid("/api/openreferral/services?per_page=4", "/services");
        assertThat(first.get("total_items").asLong()).isEqualTo(published);
        assertThat(first.get("total_pages").asLong()).isEqualTo((published + 3) / 4);
        assertThat(first.get("page_number").asInt()).isEqualTo(1);
        assertThat(first.get("first_page").asBoolean()).isTrue();
        assertThat(first.get("contents")).hasSize(4);
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= first.get("total_pages").asInt(); page++) {
            JsonNode p = valid("/api/openreferral/services?per_page=4&page=" + page, "/services");
            assertThat(p.get("last_page").asBoolean()).isEqualTo(page == first.get("total_pages").asInt());
            for (JsonNode s : p.get("contents")) {
                seen.add(s.get("id").asText());
                assertThat(s.get("organization").get("name").asText()).isNotBlank();
                assertThat(s.has("schedules")).as("a list has one-to-one fields only").isFalse();
            }
        }
        assertThat(seen).hasSize((int) published).doesNotHaveDuplicates();
        JsonNode beyond = valid("/api/openreferral/services?per_page=4&page=999", "/services");
        assertThat(beyond.get("empty").asBoolean()).isTrue();
        assertThat(beyond.get("contents")).isEmpty();
    }

    @Test
    void aServiceIsFullyNestedAndValid() {
        String id = app.database.jdbi().withHandle(h -> h.createQuery("SELECT oruk_id::text FROM services WHERE name = 'Food bank'")
                .mapTo(String.class).one());
        JsonNode s = valid("/api/openreferral/services/" + id, "/services/{id}");
        assertThat(s.get("name").asText()).isEqualTo("Food bank");
        assertThat(s.get("schedules").findValuesAsText("byday")).contains("MO,TU,WE,TH,FR", "SA");
        assertThat(s.get("service_at_locations").get(0).get("location").get("addresses").get(0).get("postal_code").asText()).isEqualTo("RV1 2FB");
        assertThat(s.get("languages").findValuesAsText("code")).containsExactly("en", "pl", "ur");
        assertThat(s.get("cost_options").get(0).get("amount").asInt()).isZero();
        assertThat(s.get("attributes").get(0).get("taxonomy_term").get("name").asText()).isEqualTo("Food");
        assertThat(s.get("organization").get("name").asText()).isEqualTo("Riverford Food Bank");
        assertThat(s.get("assured_date").asText()).matches("\\d{4}-\\d\\d-\\d\\d");
    }

    @Test
    void theValidationWouldCatchABrokenService() {
        String id = app.database.jdbi().withHandle(h -> h.createQuery("SELECT oruk_id::text FROM services WHERE name = 'Food bank'")
                .mapTo(String.class).one());
        ObjectNode s = (ObjectNode) get("/api/openreferral/services/" + id);
        s.remove("name");
        ((ObjectNode) s.get("schedules").get(0)).put("id", "not-a-uuid");
        assertThat(OrukSchemas.errors(schemas.response("/services/{id}"), s.toString())).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void serviceAtLocationsTaxonomiesAndTermsValidate() {
        JsonNode sal = valid("/api/openreferral/service_at_locations?per_page=5", "/service_at_locations");
        assertThat(sal.get("total_items").asLong()).isGreaterThanOrEqualTo(published);
        JsonNode first = sal.get("contents").get(0);
        assertThat(first.get("service").get("organization").get("name").asText()).isNotBlank();
        JsonNode full = valid("/api/openreferral/service_at_locations/" + first.get("id").asText(), "/service_at_locations/{id}");
        assertThat(full.get("id").asText()).isEqualTo(first.get("service_id").asText());

        JsonNode taxonomies = valid("/api/openreferral/taxonomies", "/taxonomies");
        assertThat(names(taxonomies)).contains("Riverford services");
        JsonNode taxonomy = valid("/api/openreferral/taxonomies/" + DemoServices.TAXONOMY, "/taxonomies/{id}");
        assertThat(taxonomy.get("taxonomy_terms")).hasSize(DemoServices.TERMS.size());
        JsonNode terms = valid("/api/openreferral/taxonomy_terms?per_page=3&page=2", "/taxonomy_terms");
        assertThat(terms.get("contents")).hasSize(3);
        valid("/api/openreferral/taxonomy_terms/" + DemoServices.uuid("food"), "/taxonomy_terms/{id}");
    }

    @Test
    void organizationsValidateAgainstTheProfileSchemas() {
        JsonNode orgs = get("/api/openreferral/organizations");
        assertThat(orgs.get("contents").size()).isGreaterThanOrEqualTo(2);
        for (JsonNode o : orgs.get("contents")) {
            assertThat(OrukSchemas.errors(schemas.profile("compiled/organization_list.json"), o.toString())).isEmpty();
        }
        String id = orgs.get("contents").get(0).get("id").asText();
        JsonNode org = get("/api/openreferral/organizations/" + id);
        assertThat(OrukSchemas.errors(schemas.profile("compiled/organization.json"), org.toString())).isEmpty();
        assertThat(org.get("services")).isNotEmpty();
    }

    @Test
    void filtersNarrowTheServices() {
        JsonNode food = valid("/api/openreferral/services?taxonomy_term_id=" + DemoServices.uuid("food"), "/services");
        assertThat(names(food)).containsExactlyInAnyOrder("Food bank", "Community lunch", "Pantry");
        JsonNode words = valid("/api/openreferral/services?search=debts", "/services");
        assertThat(names(words)).contains("Benefits and debt advice").doesNotContain("Youth club");
        JsonNode saturday = valid("/api/openreferral/services?day=SA&start_time=09:00&end_time=13:00", "/services");
        // The first Saturday's repair workshop counts; Saturday's late-night listening closes the next morning, after 13:00.
        assertThat(names(saturday)).containsExactlyInAnyOrder("Food bank", "Pantry", "Wellbeing walks", "Repair workshop");
        JsonNode young = valid("/api/openreferral/services?minimum_age=11", "/services");
        assertThat(names(young)).containsExactly("Youth club");
        JsonNode byTaxonomy = valid("/api/openreferral/services?taxonomy_id=" + DemoServices.TAXONOMY + "&per_page=200", "/services");
        assertThat(byTaxonomy.get("total_items").asLong()).isEqualTo(published);
    }

    @Test
    void onlyPublishedServicesAreInTheApi() {
        String pending = app.database.jdbi().withHandle(h -> h.createQuery("SELECT oruk_id::text FROM services WHERE state = 'pending' LIMIT 1")
                .mapTo(String.class).one());
        TestClient.Response r = app.client().get("/api/openreferral/services/" + pending);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("\"error\"");
        assertThat(get("/api/openreferral/services?per_page=200").get("contents").findValuesAsText("id")).doesNotContain(pending);
    }

    @Test
    void aWrongParameterIsA400NamingIt() {
        for (String[] c : new String[][]{{"page=0", "page"}, {"per_page=lots", "per_page"}, {"taxonomy_term_id=food", "taxonomy_term_id"},
                {"day=Funday", "day"}, {"start_time=9am", "start_time"}, {"minimum_age=-3", "minimum_age"}, {"format=xml", "format"}}) {
            TestClient.Response r = app.client().get("/api/openreferral/services?" + c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(r.body()).as(c[0]).contains("\"parameter\":\"" + c[1] + "\"");
        }
        assertThat(app.client().get("/api/openreferral/services/not-a-uuid").status()).isEqualTo(404);
        assertThat(app.client().get("/api/openreferral/taxonomies/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void theNdjsonExportHasEveryPublishedServiceWholeAndValid() throws Exception {
        TestClient.Response r = app.client().get("/api/openreferral/services?format=ndjson");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/x-ndjson");
        List<String> lines = r.body().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize((int) published);
        for (String line : lines) {
            assertThat(OrukSchemas.errors(schemas.response("/services/{id}"), line)).isEmpty();
            assertThat(JSON.readTree(line).has("schedules")).isTrue();
        }
    }

    @Test
    void theApiRootSaysWhatItIs() {
        JsonNode about = valid("/api/openreferral", "/");
        assertThat(about.get("version").asText()).isEqualTo("3.0");
    }
}
