package org.commonweal.platform.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the groups keep about a person is in their download, and goes when they delete their account. */
class GroupsPersonalDataTest extends PlatformTestCase {
    @Test
    void aPersonsGroupsAreInTheirDownloadAndGoWithTheirAccount() throws Exception {
        long dana = app.platform.accounts.createConfirmed("dana@example.org", "Dana Dee", "dana-password-123", Set.of(), null);
        TestClient client = app.client();
        client.signIn("dana@example.org", "dana-password-123");
        client.get("/groups/new");
        TestClient.Response created = client.post("/groups", Map.of("name", "Dana's Darts", "kind", "community_group", "description", "Darts on Fridays."));
        long own = Long.parseLong(created.location().substring("/groups/".length()));
        long energy = app.count("SELECT id FROM groups WHERE name = 'Quayside Community Energy'");
        client.get("/groups/" + energy);
        assertThat(client.post("/groups/" + energy + "/join", Map.of("message", "Count me in")).status()).isEqualTo(302);
        client.get("/account/skills");
        assertThat(client.post("/account/skills", Map.of("skills", "finance", "interests", "green", "findable", "yes")).status()).isEqualTo(302);
        Groups groups = app.platform.feature(GroupsFeature.class).groups();
        long food = app.count("SELECT id FROM groups WHERE name = 'Riverford Food Bank'");
        Group foodBank = groups.find(food).orElseThrow();
        app.database.jdbi().useHandle(h -> h.execute(
                "INSERT INTO group_invites (group_id, email, role, token_hash, expires_at) VALUES (?, 'DANA@example.org', 'trustee', 'h-dana', now() + interval '1 day')",
                foodBank.id()));

        JsonNode data = new ObjectMapper().readTree(client.get("/account/export").body()).get("data");
        assertThat(data.get("group-memberships")).hasSize(1);
        assertThat(data.get("group-memberships").get(0).get("groupId").asLong()).isEqualTo(own);
        assertThat(data.get("group-memberships").get(0).get("admin").asBoolean()).isTrue();
        assertThat(data.get("groups-created").get(0).get("id").asLong()).isEqualTo(own);
        assertThat(data.get("group-join-requests").get(0).get("message").asText()).isEqualTo("Count me in");
        assertThat(data.get("group-invitations").get(0).get("groupName").asText()).isEqualTo("Riverford Food Bank");
        assertThat(data.get("skills-profile").get(0).get("skills").get(0).asText()).isEqualTo("finance");
        assertThat(data.toString()).as("never another person's address").doesNotContain("ben@demo").doesNotContain("amira@demo");

        client.get("/account/delete");
        assertThat(client.post("/account/delete", Map.of("password", "dana-password-123")).status()).isEqualTo(302);
        for (String table : new String[]{"group_members", "group_join_requests", "resident_skills"}) {
            assertThat(app.count("SELECT count(*) FROM " + table + " WHERE account_id = " + dana)).as(table).isZero();
        }
        assertThat(app.count("SELECT count(*) FROM group_invites WHERE lower(email) = 'dana@example.org'")).as("invitations to her address").isZero();
        assertThat(app.count("SELECT count(*) FROM groups WHERE id = " + own + " AND created_by IS NULL")).as("her group stays, nobody's").isEqualTo(1);
        assertThat(groups.name(own)).contains("Dana's Darts");
    }
}
