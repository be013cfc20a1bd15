package org.commonweal.platform.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Residents nominate a group once per round; officers give and publish awards; the group's page counts both. */
class CelebrateTest extends PlatformTestCase {
    @Test
    void oneNominationPerPersonPerRoundAndTheGroupPageCountsAwardsAndNominations() throws Exception {
        TestClient officer = LibraryTest.person("cel-officer@example.org", Set.of(Role.OFFICER));
        TestClient resident = LibraryTest.person("cel-resident@example.org", Set.of());
        resident.get("/groups/new");
        long group = Long.parseLong(resident.post("/groups", Map.of("name", "Celebrated Cyclists", "kind", "community_group",
                "description", "We ride.")).location().substring("/groups/".length()));
        assertThat(app.client().get("/groups/" + group).body()).contains("0 awards, 0 nominations").contains("/celebrate?group=" + group);

        officer.get("/celebrate");
        assertThat(resident.post("/celebrate/rounds", Map.of("title", "Not mine to open")).status()).isEqualTo(403);
        assertThat(officer.post("/celebrate/rounds", Map.of("title", " ")).body()).contains("Enter a title");
        TestClient.Response opened = officer.post("/celebrate/rounds", Map.of("title", "Spring awards"));
        assertThat(opened.status()).isEqualTo(302);
        long round = Long.parseLong(opened.location().substring("/celebrate/rounds/".length()));
        assertThat(app.client().get("/celebrate?group=" + group).body()).contains("Sign in to nominate");

        resident.get("/celebrate?group=" + group);
        TestClient.Response noReason = resident.post("/celebrate/rounds/" + round + "/nominations", Map.of("group", String.valueOf(group), "reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("Enter why the group deserves recognition");
        assertThat(resident.post("/celebrate/rounds/" + round + "/nominations", Map.of("group", "99999999", "reason", "Good")).body())
                .contains("Choose a group from the groups directory");
        assertThat(resident.post("/celebrate/rounds/" + round + "/nominations", Map.of("group", String.valueOf(group), "reason", "They fixed bikes")).status())
                .isEqualTo(302);
        TestClient.Response again = resident.post("/celebrate/rounds/" + round + "/nominations", Map.of("group", String.valueOf(group), "reason", "Again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("one nomination per person per round");
        assertThat(app.count("SELECT count(*) FROM award_nominations WHERE round_id = " + round)).isEqualTo(1);
        assertThat(app.client().get("/groups/" + group).body()).contains("0 awards, 1 nomination");

        assertThat(resident.post("/celebrate/rounds/" + round + "/awards", Map.of("group", String.valueOf(group), "citation", "Me")).status()).isEqualTo(403);
        officer.get("/celebrate/rounds/" + round);
        assertThat(officer.post("/celebrate/rounds/" + round + "/awards", Map.of("group", String.valueOf(group), "citation", "For fixing 500 bikes")).status())
                .isEqualTo(302);
        assertThat(app.client().get("/celebrate").body()).as("not published yet").doesNotContain("For fixing 500 bikes");
        assertThat(officer.post("/celebrate/rounds/" + round + "/publish", Map.of()).status()).isEqualTo(302);
        assertThat(app.client().get("/celebrate").body()).contains("For fixing 500 bikes").contains("Celebrated Cyclists");
        assertThat(app.client().get("/groups/" + group).body()).contains("1 award, 1 nomination");
        assertThat(resident.post("/celebrate/rounds/" + round + "/nominations", Map.of("group", String.valueOf(group), "reason", "Late")).status())
                .as("a published round is closed").isEqualTo(409);

        JsonNode data = new ObjectMapper().readTree(resident.get("/account/export").body()).get("data");
        assertThat(data.get("award-nominations").get(0).get("reason").asText()).isEqualTo("They fixed bikes");
        resident.get("/account/delete");
        assertThat(resident.post("/account/delete", Map.of("password", "a long test password")).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM award_nominations WHERE round_id = " + round)).isZero();
        assertThat(app.count("SELECT count(*) FROM awards WHERE round_id = " + round)).as("the award stays with the group").isEqualTo(1);
    }

    @Test
    void theDemoHasAPublishedRoundAndAnOpenOne() {
        assertThat(app.count("SELECT count(*) FROM award_rounds WHERE status = 'published'")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM award_rounds WHERE status = 'open'")).isEqualTo(1);
        assertThat(app.client().get("/celebrate").body()).contains("For a year of steady, welcoming work.")
                .as("a volunteer who agreed to be named").contains("For fixing what others threw away");
    }
}
