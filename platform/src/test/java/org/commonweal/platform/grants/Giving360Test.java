package org.commonweal.platform.grants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The awards as open data: the 360Giving package validates against the standard's package schema (a JSON Schema library,
 * format assertions on; the package schema's $ref to the grant schema's URL is read from the shared data's copy), with
 * the group's org-id as recipient and the council's as funder; a broken grant fails; and the same awards as CSV.
 */
class Giving360Test extends PlatformTestCase {
    private static final Path DIR = TestApp.sharedData().resolve("civil-society/360giving");
    private static final String GRANT_SCHEMA = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String local(String iri) {
        if (!iri.equals(GRANT_SCHEMA)) throw new AssertionError("the 360Giving package schema names " + iri + ", which is not mapped to a local file");
        return read(DIR.resolve("360-giving-schema.json"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Schema PACKAGE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                    .schemas(Giving360Test::local).schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(read(DIR.resolve("360-giving-package-schema.json")), InputFormat.JSON);

    static List<String> errors(String json) {
        return PACKAGE.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    @Test
    void theAwardsAreAValid360GivingPackageNamingTheGroupAndTheCouncilByOrgId() throws Exception {
        TestClient.Response r = app.client().get("/open-data/grants/360giving.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(errors(r.body())).isEmpty();
        JsonNode grant = JSON.readTree(r.body()).get("grants").get(0);
        long fridge = app.count("SELECT id FROM grant_applications WHERE title = 'A second fridge for the community pantry'");
        assertThat(grant.get("id").asText()).isEqualTo("360G-commonweal-" + fridge);
        assertThat(grant.get("amountAwarded").decimalValue()).isEqualByComparingTo("3200");
        assertThat(grant.get("recipientOrganization").get(0).get("id").asText()).isEqualTo("GB-CHC-1180123");
        assertThat(grant.get("recipientOrganization").get(0).get("name").asText()).isEqualTo("Riverford Food Bank");
        assertThat(grant.get("fundingOrganization").get(0).get("id").asText()).isEqualTo("GB-LAE-RVF");
        assertThat(grant.get("awardDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void aBrokenGrantFailsTheSchema() throws Exception {
        ObjectNode pkg = (ObjectNode) JSON.readTree(app.client().get("/open-data/grants/360giving.json").body());
        ObjectNode grant = (ObjectNode) pkg.get("grants").get(0);
        grant.put("awardDate", "7 December 2026");
        assertThat(errors(pkg.toString())).isNotEmpty().anySatisfy(e -> assertThat(e).contains("awardDate"));
        grant.put("awardDate", "2026-12-07");
        grant.put("amountAwarded", "£3,200");
        assertThat(errors(pkg.toString())).anySatisfy(e -> assertThat(e).contains("amountAwarded"));
        grant.put("amountAwarded", 3200);
        grant.putArray("recipientOrganization");
        assertThat(errors(pkg.toString())).anySatisfy(e -> assertThat(e).contains("recipientOrganization"));
        pkg.putArray("grants");
        assertThat(errors(pkg.toString())).as("a package needs a grant").isNotEmpty();
    }

    @Test
    void theAwardsAreCsvOpenDataToo() {
        TestClient.Response csv = app.client().get("/open-data/grants.csv");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("identifier,programme,title,description,currency,amount_applied_for,amount_awarded,award_date,"
                + "recipient_org_id,recipient_org_name,funding_org_id,funding_org_name,decided_by");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("360G-commonweal-").contains(",Riverford Small Grants,A second fridge for the community pantry,")
                .contains(",GBP,3200.00,3200.00,").contains(",GB-CHC-1180123,Riverford Food Bank,GB-LAE-RVF,").endsWith(",officers");
        assertThat(csv.body()).as("only awards are published").doesNotContain("Benefits advice at the pantry");
    }
}
