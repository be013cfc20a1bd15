package org.commonweal.platform.grants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the grants keep about a person is in their download; their scores, declarations and panel seats go with their account. */
class GrantsPersonalDataTest extends PlatformTestCase {
    @Test
    void aPanelMembersScoresAreInTheirDownloadAndGoWithTheirAccountWhileTheApplicationStays() throws Exception {
        long amira = app.count("SELECT id FROM accounts WHERE email = 'amira@demo.commonweal.org'");
        long advice = app.count("SELECT id FROM grant_applications WHERE title = 'Benefits advice at the pantry'");
        TestClient client = app.client();
        client.signIn("amira@demo.commonweal.org", "demo-resident-pass");
        client.get("/grants/applications/" + advice);
        assertThat(client.post("/grants/applications/" + advice + "/conflict", Map.of("reason", "I volunteer at the pantry")).status()).isEqualTo(302);

        JsonNode data = new ObjectMapper().readTree(client.get("/account/export").body()).get("data");
        assertThat(data.get("grant-panels").get(0).get("programme").asText()).isEqualTo("Riverford Small Grants");
        assertThat(data.get("grant-scores")).hasSize(3);
        assertThat(data.get("grant-scores").get(0).get("application").asText()).isEqualTo("A second fridge for the community pantry");
        assertThat(data.get("grant-conflicts").get(0).get("reason").asText()).isEqualTo("I volunteer at the pantry");
        assertThat(data.get("grant-applications")).isEmpty();

        client.get("/account/delete");
        assertThat(client.post("/account/delete", Map.of("password", "demo-resident-pass")).status()).isEqualTo(302);
        for (String sql : new String[]{"SELECT count(*) FROM grant_panel WHERE account_id = ", "SELECT count(*) FROM grant_scores WHERE scorer_id = ",
                "SELECT count(*) FROM grant_conflicts WHERE account_id = "}) {
            assertThat(app.count(sql + amira)).as(sql).isZero();
        }

        // The applicant's own download holds the applications they wrote; deleting them keeps the group's applications, unnamed.
        long ben = app.count("SELECT id FROM accounts WHERE email = 'ben@demo.commonweal.org'");
        TestClient benClient = app.client();
        benClient.signIn("ben@demo.commonweal.org", "demo-resident-pass");
        JsonNode bens = new ObjectMapper().readTree(benClient.get("/account/export").body()).get("data");
        assertThat(bens.get("grant-applications")).hasSize(4);
        benClient.get("/account/delete");
        assertThat(benClient.post("/account/delete", Map.of("password", "demo-resident-pass")).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM grant_applications WHERE applicant_id = " + ben)).isZero();
        assertThat(app.count("SELECT count(*) FROM grant_applications WHERE applicant_id IS NULL")).isEqualTo(4);
    }
}
