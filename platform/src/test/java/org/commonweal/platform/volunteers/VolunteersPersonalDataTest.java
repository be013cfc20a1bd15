package org.commonweal.platform.volunteers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Everything the volunteers feature keeps about a person is in their download, and goes when they delete their account. */
class VolunteersPersonalDataTest extends PlatformTestCase {
    @Test
    void aVolunteersProfileAndItsListsAreDownloadedAndErased() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        long food = Volunteers.group(app, "Riverford Food Bank");
        long pia = Volunteers.withRole(app, "Pia Personal", food, "member");
        Volunteers.withRole(app, "Lou Lead", food, "safeguarding_lead");
        TestClient client = Volunteers.client(app, "Pia Personal");
        long volunteer = Volunteers.profile(app, client, pia, food);
        client.post(ProfileRoutes.PATH + "/away", Map.of("awayFrom", today.plusDays(1).toString(), "awayTo", today.plusDays(2).toString(), "awayNote", "Away"));
        client.post(ProfileRoutes.PATH + "/training", Map.of("trainingKind", "training", "trainingName", "First aid", "trainingCompletedOn", today.toString(),
                "trainingExpiresOn", ""));
        client.post(ProfileRoutes.PATH + "/references", Map.of("referenceName", "Ray Ref", "referenceRelationship", "Teacher", "referenceContact", "ray@example.org"));
        TestClient lead = Volunteers.client(app, "Lou Lead");
        lead.get("/groups/" + food + "/volunteers/" + volunteer + "/dbs");
        assertThat(lead.post("/groups/" + food + "/volunteers/" + volunteer + "/dbs", DbsCheckTest.certificate("enhanced", "123412341234", today.minusDays(3)))
                .status()).isEqualTo(302);

        JsonNode data = new ObjectMapper().readTree(client.get("/account/export").body()).get("data");
        assertThat(data.get("volunteer-profile").get(0).get("displayName").asText()).isEqualTo("Pia Personal");
        assertThat(data.get("volunteer-groups").get(0).get("groupId").asLong()).isEqualTo(food);
        assertThat(data.get("volunteer-away").get(0).get("note").asText()).isEqualTo("Away");
        assertThat(data.get("volunteer-training").get(0).get("name").asText()).isEqualTo("First aid");
        assertThat(data.get("volunteer-references").get(0).get("contact").asText()).isEqualTo("ray@example.org");
        assertThat(data.get("volunteer-dbs-certificates").get(0).get("certificateNumber").asText()).isEqualTo("123412341234");
        JsonNode leads = new ObjectMapper().readTree(lead.get("/account/export").body()).get("data");
        assertThat(leads.get("volunteer-dbs-verified")).hasSize(1);
        assertThat(leads.toString()).as("never the other person's number").doesNotContain("123412341234");

        client.get("/account/delete");
        assertThat(client.post("/account/delete", Map.of("password", Volunteers.PASSWORD)).status()).isEqualTo(302);
        for (String table : new String[]{"volunteer_groups", "volunteer_away", "volunteer_training", "volunteer_references", "volunteer_dbs_checks"}) {
            assertThat(app.count("SELECT count(*) FROM " + table + " WHERE volunteer_id = " + volunteer)).as(table).isZero();
        }
        assertThat(app.count("SELECT count(*) FROM volunteers WHERE id = " + volunteer)).isZero();
    }
}
