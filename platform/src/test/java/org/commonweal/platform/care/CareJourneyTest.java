package org.commonweal.platform.care;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A help request from asking to an ongoing match with visits: the coordinator runs the exact match and sees why (and
 * how it beats the greedy baseline), sends it, the volunteer declines (the request is matched again without them), the
 * next volunteer accepts, reads the care needs (recorded, and shown to the person), logs a visit the coordinator
 * approves. Refusals for every other role on the way.
 */
class CareJourneyTest extends PlatformTestCase {
    private static CareFixtures fx;
    private static long ward, otherWard, group, coordinator, nearest, next, far;

    @BeforeAll
    static void area() {
        fx = new CareFixtures(app);
        ward = fx.ward("Care Journey Ward");
        otherWard = fx.ward("Care Elsewhere Ward");
        coordinator = fx.account("cora@care.example", "Cora Coordinator");
        group = fx.group("Journey Helpers", ward, coordinator);
        fx.account("olga@care.example", "Olga Elsewhere");
        fx.group("Elsewhere Helpers", otherWard, app.count("SELECT id FROM accounts WHERE email = 'olga@care.example'"));
        fx.account("pat@care.example", "Pat Person");
        fx.account("nosy@care.example", "Nosy Neighbour");
        nearest = fx.volunteer(group, CareFixtures.Volunteer.of("Nadia Near", 0.3));
        next = fx.volunteer(group, CareFixtures.Volunteer.of("Nico Next", 1.5));
        far = fx.volunteer(group, CareFixtures.Volunteer.of("Fay Far", 30));
    }

    @Test
    void askMatchDeclineRematchAcceptReadAndVisit() throws Exception {
        TestClient pat = fx.signIn("pat@care.example");
        long request = CareFixtures.ask(pat, CareFixtures.request(ward, Map.of("needs", "Uses a wheelchair", "continuity", "yes")));
        assertThat(pat.get("/care/requests/" + request).body()).contains("Uses a wheelchair").contains("Looking for a volunteer");

        TestClient cora = fx.signIn("cora@care.example");
        assertThat(cora.get("/care").body()).contains("/care/groups/" + group);
        String open = cora.get("/care/groups/" + group).body();
        assertThat(open).contains("Shopping for Pat Person");
        assertThat(cora.post("/care/groups/" + group + "/match", Map.of()).status()).isEqualTo(302);
        String review = cora.get("/care/groups/" + group).body();
        assertThat(review).contains("Nadia Near for Shopping for Pat Person").contains("Why this volunteer")
                .contains("is free Monday morning").contains("speaks English").contains("km away, within the 10 km they will travel")
                .doesNotContain("mon-am").contains("Taking the nearest volunteer first would do just as well here.");
        assertThat(cora.post("/care/groups/" + group + "/send", Map.of()).status()).isEqualTo(302);
        assertThat(app.latestMailBody("nadia.near@care.example")).contains("Shopping").doesNotContain("wheelchair");

        // Nadia declines: the request is matched again at once, to Nico, and never to Nadia.
        TestClient nadia = fx.signIn("nadia.near@care.example");
        String proposals = nadia.get("/care/volunteering").body();
        assertThat(proposals).contains("Shopping in Care Journey Ward").doesNotContain("Pat Person").doesNotContain("wheelchair");
        long proposal = app.count("SELECT id FROM care_matches WHERE request_id = " + request + " AND status = 'proposed'");
        assertThat(nadia.post("/care/matches/" + proposal + "/decline", Map.of()).status()).isEqualTo(302);
        assertThat(app.count("SELECT volunteer_id FROM care_matches WHERE request_id = " + request + " AND status = 'draft'")).isEqualTo(next);
        assertThat(nadia.post("/care/matches/" + proposal + "/accept", Map.of()).status()).as("a declined proposal stays declined").isEqualTo(409);
        assertThat(nadia.get("/care/requests/" + request).status()).as("a volunteer who declined sees nothing more").isEqualTo(403);
        cora.get("/care/groups/" + group);
        assertThat(cora.post("/care/groups/" + group + "/send", Map.of()).status()).isEqualTo(302);

        // Nico accepts: ongoing, counted against his capacity; he may read the needs, which is recorded for Pat to see.
        TestClient nico = fx.signIn("nico.next@care.example");
        long nicos = app.count("SELECT id FROM care_matches WHERE request_id = " + request + " AND status = 'proposed'");
        assertThat(app.count("SELECT volunteer_id FROM care_matches WHERE id = " + nicos)).isEqualTo(next);
        nadia.get("/care/volunteering");
        assertThat(nadia.post("/care/matches/" + nicos + "/accept", Map.of()).status()).as("a volunteer answers only their own proposals").isEqualTo(403);
        assertThat(nadia.get("/care/volunteering").body()).doesNotContain("/care/matches/" + nicos + "/");
        nico.get("/care/volunteering");
        assertThat(nico.post("/care/matches/" + nicos + "/accept", Map.of()).status()).isEqualTo(302);
        String page = nico.get("/care/requests/" + request).body();
        assertThat(page).contains("Nico Next has taken this on").contains("Show the care needs").doesNotContain("wheelchair");
        assertThat(nico.post("/care/requests/" + request + "/needs", Map.of()).body()).contains("Uses a wheelchair");
        assertThat(pat.get("/care/requests/" + request).body()).contains("Who has read the care needs").contains("Nico Next, ");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'care.needs_viewed' AND subject = 'care_request:" + request + "' AND actor_id = " + next))
                .isEqualTo(1);
        assertThat(page).contains("Next visits");

        // A visit logged by Nico, approved by Cora, seen by Pat; a wrong one is refused naming the field.
        TestClient.Response bad = nico.post("/care/matches/" + nicos + "/visits", Map.of("visitedOn", "yesterday", "minutes", "0", "note", ""));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter the day of the visit").contains("Enter how long the visit was");
        String today = CareFeature.today().toString();
        assertThat(nico.post("/care/matches/" + nicos + "/visits", Map.of("visitedOn", today, "minutes", "60", "note", "Weekly shop done")).status())
                .isEqualTo(302);
        long visit = app.count("SELECT id FROM care_visits WHERE match_id = " + nicos);
        assertThat(nico.post("/care/visits/" + visit + "/approve", Map.of()).status()).as("a volunteer does not approve their own visit").isEqualTo(403);
        cora.get("/care/groups/" + group);
        assertThat(cora.post("/care/visits/" + visit + "/approve", Map.of()).status()).isEqualTo(302);
        assertThat(pat.get("/care/requests/" + request).body()).contains("Weekly shop done").contains("Approved").contains("60 minutes");
        assertThat(new ObjectMapper().readTree(nico.get("/account/export").body()).get("data").get("care-visits-as-volunteer").get(0).get("note").asText())
                .isEqualTo("Weekly shop done");
    }

    @Test
    void onlyThePersonTheAskerTheAreasCoordinatorAndTheMatchedVolunteerSeeARequest() {
        TestClient pat = fx.signIn("pat@care.example");
        long request = CareFixtures.ask(pat, CareFixtures.request(ward, Map.of("kind", "gardening", "needs", "Hard of hearing")));
        assertThat(fx.signIn("nosy@care.example").get("/care/requests/" + request).status()).as("another resident").isEqualTo(403);
        assertThat(fx.signIn("olga@care.example").get("/care/requests/" + request).status()).as("a coordinator of another area").isEqualTo(403);
        assertThat(fx.signIn("olga@care.example").get("/care/groups/" + group).status()).as("another group's coordinator").isEqualTo(403);
        for (String role : new String[]{"officer", "admin", "moderator", "organiser"}) {
            TestClient c = app.signedInAs(role);
            assertThat(c.get("/care/requests/" + request).status()).as(role).isEqualTo(403);
            assertThat(c.post("/care/requests/" + request + "/needs", Map.of()).status()).as(role).isEqualTo(403);
            assertThat(c.get("/care/groups/" + group).status()).as(role).isEqualTo(403);
        }
        assertThat(fx.signIn("nadia.near@care.example").get("/care/requests/" + request).status()).as("a volunteer not asked").isEqualTo(403);
        TestClient cora = fx.signIn("cora@care.example");
        String page = cora.get("/care/requests/" + request).body();
        assertThat(page).as("the coordinator asks to read, and is recorded").doesNotContain("Hard of hearing").contains("Show the care needs");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'care.needs_viewed' AND subject = 'care_request:" + request + "'")).isZero();
        assertThat(cora.post("/care/requests/" + request + "/needs", Map.of()).body()).contains("Hard of hearing");
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'care.needs_viewed' AND subject = 'care_request:" + request + "'")).isEqualTo(1);
        assertThat(pat.get("/care/requests/" + request).body()).contains("Cora Coordinator, ");
        assertThat(app.client().get("/care/requests/" + request).status()).as("a visitor is sent to sign in").isEqualTo(302);
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndStoresNothing() {
        TestClient pat = fx.signIn("pat@care.example");
        long before = app.count("SELECT count(*) FROM care_requests");
        pat.get("/care/requests/new");
        TestClient.Response r = pat.post("/care/requests", CareFixtures.request(ward, Map.of("kind", "juggling", "schedule", "weekly", "slots", "mon-noon",
                "lat", "north", "lon", "200", "languages", "", "safeguarding", "", "place", "999999")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("Choose the kind of help").contains("Tick at least one time of the week").contains("Enter a latitude")
                .contains("Enter a longitude").contains("Tick at least one language").contains("Choose whether the help involves").contains("Choose the area")
                .contains("href=\"#kind\"");
        TestClient.Response someone = pat.post("/care/requests", CareFixtures.request(ward, Map.of("forWhom", "someone", "personName", "",
                "consent", "by_phone", "consentDate", "2999-01-01", "relationship", "family")));
        assertThat(someone.status()).isEqualTo(422);
        assertThat(someone.body()).contains("Enter the name of the person").contains("must be today or in the past");
        assertThat(app.count("SELECT count(*) FROM care_requests")).isEqualTo(before);
    }
}
