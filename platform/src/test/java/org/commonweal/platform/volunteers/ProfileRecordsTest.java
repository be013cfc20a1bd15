package org.commonweal.platform.volunteers;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Away dates, training and references on a volunteer's profile: their own to change; contacts only for their groups' coordinators. */
class ProfileRecordsTest extends PlatformTestCase {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void awayDatesTakeAVolunteerOutOfThoseDaysAndTrainingAndReferencesAreKept() {
        long food = Volunteers.group(app, "Riverford Food Bank");
        long ava = Volunteers.withRole(app, "Ava Away", food, "member");
        Volunteers.withRole(app, "Carl Coordinator", food, "volunteer_coordinator");
        long energy = Volunteers.group(app, "Quayside Community Energy");
        Volunteers.withRole(app, "Erik Energy", energy, "volunteer_coordinator");
        TestClient client = Volunteers.client(app, "Ava Away");
        assertThat(client.post(ProfileRoutes.PATH + "/away", Map.of("awayFrom", TODAY.toString(), "awayTo", TODAY.plusDays(3).toString(), "awayNote", "")).status())
                .as("no profile yet").isEqualTo(409);
        long volunteer = Volunteers.profile(app, client, ava, food);
        VolunteerService service = app.platform.feature(VolunteersFeature.class).volunteers();
        assertThat(service.available(food, TODAY.plusDays(5))).extracting(VolunteerProfile::id).contains(volunteer);

        TestClient.Response backwards = client.post(ProfileRoutes.PATH + "/away", Map.of("awayFrom", TODAY.plusDays(9).toString(),
                "awayTo", TODAY.plusDays(2).toString(), "awayNote", ""));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.body()).contains("The last day must be the same as or after the first day").contains("href=\"#awayTo\"");
        assertThat(client.post(ProfileRoutes.PATH + "/away", Map.of("awayFrom", TODAY.plusDays(3).toString(), "awayTo", TODAY.plusDays(17).toString(),
                "awayNote", "Family holiday")).status()).isEqualTo(302);
        assertThat(service.available(food, TODAY.plusDays(5))).extracting(VolunteerProfile::id).doesNotContain(volunteer);
        assertThat(service.available(food, TODAY.plusDays(18))).extracting(VolunteerProfile::id).contains(volunteer);

        assertThat(client.post(ProfileRoutes.PATH + "/training", Map.of("trainingKind", "induction", "trainingName", "Food bank induction",
                "trainingCompletedOn", TODAY.minusDays(10).toString(), "trainingExpiresOn", "")).status()).isEqualTo(302);
        TestClient.Response future = client.post(ProfileRoutes.PATH + "/training", Map.of("trainingKind", "training", "trainingName", "",
                "trainingCompletedOn", TODAY.plusDays(10).toString(), "trainingExpiresOn", "soon"));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("href=\"#trainingName\"").contains("href=\"#trainingCompletedOn\"").contains("href=\"#trainingExpiresOn\"");
        assertThat(client.post(ProfileRoutes.PATH + "/references", Map.of("referenceName", "Rosa Referee", "referenceRelationship", "Former employer",
                "referenceContact", "rosa.referee@example.org")).status()).isEqualTo(302);
        assertThat(client.get(ProfileRoutes.PATH).body()).contains("Family holiday").contains("Food bank induction").contains("rosa.referee@example.org");

        // The group's coordinator sees the contact and marks the reference received; another group's coordinator does not see her.
        TestClient carl = Volunteers.client(app, "Carl Coordinator");
        String page = "/groups/" + food + "/volunteers/" + volunteer;
        assertThat(carl.get(page).body()).contains("rosa.referee@example.org").contains("Food bank induction").contains("not received yet");
        long reference = app.count("SELECT max(id) FROM volunteer_references WHERE volunteer_id = " + volunteer);
        assertThat(carl.post(page + "/references/" + reference, Map.of("received", "yes")).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM volunteer_references WHERE received AND id = " + reference)).isEqualTo(1);
        TestClient erik = Volunteers.client(app, "Erik Energy");
        assertThat(erik.get(page).status()).isEqualTo(403);
        assertThat(erik.get("/groups/" + energy + "/volunteers/" + volunteer).status()).isEqualTo(404);
        assertThat(erik.post(page + "/references/" + reference, Map.of("received", "no")).status()).isEqualTo(403);
        assertThat(erik.get("/groups/" + energy + "/volunteers").body()).doesNotContain("Ava Away");

        // Only her own records: another resident's delete of them is not found.
        long away = app.count("SELECT max(id) FROM volunteer_away WHERE volunteer_id = " + volunteer);
        TestClient otherResident = Volunteers.client(app, "Erik Energy");
        Volunteers.profile(app, otherResident, app.count("SELECT id FROM accounts WHERE email = 'erik.energy@example.org'"), energy);
        assertThat(otherResident.post(ProfileRoutes.PATH + "/away/" + away + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(client.post(ProfileRoutes.PATH + "/away/" + away + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM volunteer_away WHERE id = " + away)).isZero();
    }
}
