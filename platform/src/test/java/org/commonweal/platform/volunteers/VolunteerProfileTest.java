package org.commonweal.platform.volunteers;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.groups.GroupsFeature;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A resident's own volunteer profile over HTTP, and what the published service gives other features. */
class VolunteerProfileTest extends PlatformTestCase {
    static Map<String, String> profileForm() {
        Map<String, String> form = new HashMap<>();
        form.put("skills", "finance,governance");
        form.put("languages", "en,pl");
        form.put("otherLanguages", "Somali");
        form.put("slots", "mon-am,sat-eve");
        form.put("homePlace", "");
        form.put("homePoint", "51.4545, -2.5879");
        form.put("radiusKm", "8");
        form.put("transport", "cycle,public_transport");
        form.put("interests", "green");
        form.put("maxHoursWeek", "6");
        form.put("capacity", "2");
        form.put("gender", "woman");
        form.put("groups", "");
        return form;
    }

    @Test
    void aResidentMakesAndChangesTheirProfileAndTheServiceGivesItForMatching() {
        long eve = app.platform.accounts.createConfirmed("eve.volunteer@example.org", "Eve Volunteer", "eve-password-123", Set.of(), null);
        long food = app.count("SELECT id FROM groups WHERE name = 'Riverford Food Bank'");
        app.platform.feature(GroupsFeature.class).groups().addMember(food, eve, "member", false, Actor.SYSTEM);
        TestClient client = app.client();
        client.signIn("eve.volunteer@example.org", "eve-password-123");
        assertThat(client.get("/volunteer/profile").body()).contains("You have not made a volunteer profile yet").contains("Riverford Food Bank");

        Map<String, String> form = profileForm();
        form.put("groups", String.valueOf(food));
        TestClient.Response saved = client.post("/volunteer/profile", form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        VolunteerService service = app.platform.feature(VolunteersFeature.class).volunteers();
        VolunteerProfile p = service.ofAccount(eve).orElseThrow();
        assertThat(p.displayName()).isEqualTo("Eve Volunteer");
        assertThat(p.skills()).containsExactly("finance", "governance");
        assertThat(p.languages()).containsExactly("en", "pl", "so");
        assertThat(p.slots()).containsExactly("mon-am", "sat-eve");
        assertThat(p.lat()).isEqualTo(51.4545);
        assertThat(p.lon()).isEqualTo(-2.5879);
        assertThat(p.radiusKm()).isEqualTo(8);
        assertThat(p.capacity()).isEqualTo(2);
        assertThat(p.gender()).isEqualTo("woman");
        assertThat(p.dbs()).isEqualTo(DbsLevel.NONE);
        assertThat(p.groupIds()).containsExactly(food);
        assertThat(service.available(food, LocalDate.now())).extracting(VolunteerProfile::accountId).contains(eve);
        assertThat(service.byIds(List.of(p.id(), -1L))).extracting(VolunteerProfile::id).containsExactly(p.id());
        assertThat(client.get("/volunteer/profile").body()).contains("value=\"51.4545, -2.5879\"").contains("Somali");

        form.put("groups", "");
        form.put("capacity", "0");
        assertThat(client.post("/volunteer/profile", form).status()).isEqualTo(302);
        assertThat(service.ofAccount(eve).orElseThrow().groupIds()).as("opted out of the group").isEmpty();
        assertThat(service.available(food, LocalDate.now())).extracting(VolunteerProfile::accountId).doesNotContain(eve);
    }

    @Test
    void aWrongProfileNamesEachFieldAndStoresNothing() {
        long finn = app.platform.accounts.createConfirmed("finn.volunteer@example.org", "Finn Volunteer", "finn-password-123", Set.of(), null);
        TestClient client = app.client();
        client.signIn("finn.volunteer@example.org", "finn-password-123");
        client.get("/volunteer/profile");
        Map<String, String> form = profileForm();
        form.put("otherLanguages", "Klingon");
        form.put("homePoint", "95, 10");
        form.put("radiusKm", "-3");
        form.put("slots", "mon-night");
        form.put("skills", "juggling");
        long someoneElsesGroup = app.count("SELECT id FROM groups WHERE name = 'Quayside Community Energy'");
        form.put("groups", String.valueOf(someoneElsesGroup));
        TestClient.Response r = client.post("/volunteer/profile", form);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("“Klingon” is not a language we know").contains("href=\"#homePoint\"").contains("href=\"#radiusKm\"")
                .contains("href=\"#slots\"").contains("href=\"#skills\"").contains("Choose groups you belong to");
        assertThat(app.count("SELECT count(*) FROM volunteers WHERE account_id = " + finn)).isZero();
    }

    @Test
    void visitorsAreSentToSignIn() {
        assertThat(app.client().get("/volunteer/profile").status()).isIn(302, 303);
    }
}
