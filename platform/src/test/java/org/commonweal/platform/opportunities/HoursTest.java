package org.commonweal.platform.opportunities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours: a volunteer logs hours for a session they were checked in at, or ad hoc; the group's coordinator approves or
 * rejects them with a reason; only approved hours count in the volunteer's record and its CSV. What the feature keeps
 * about a person is in their download and goes with their account.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HoursTest extends PlatformTestCase {
    static long openDays() {
        return app.count("SELECT id FROM opportunities WHERE title LIKE 'Solar open days%'");
    }

    /** The demo's earlier past session, at which Ben and Chidi were checked in. */
    static long firstPastSession() {
        return app.count("SELECT min(id) FROM opportunity_sessions WHERE starts_at < now() AND opportunity_id = " + openDays());
    }

    @Test
    void theDemoRecordCountsOnlyApprovedHoursAndTheCsvIsForACv() {
        TestClient ben = OpportunitiesJourneyTest.as("ben");
        String page = ben.get("/volunteering/mine").body();
        // Ben's 3 hours and 2.5 hours are both in; the 2.5 wait for approval, so 3 count.
        assertThat(page).contains("Approved hours in all: 3 hours").contains("Quayside Community Energy").contains("Waiting for approval");
        TestClient.Response csv = ben.get("/volunteering/mine/record.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).containsExactly("group,role,from,to,approved_hours",
                "Quayside Community Energy,Welcome host," + LocalDate.now(Opportunity.ZONE).minusDays(14) + "," + LocalDate.now(Opportunity.ZONE).minusDays(14) + ",3");
        assertThat(app.client().get("/volunteering/mine/record.csv").status()).as("a visitor is sent to sign in").isEqualTo(302);
    }

    @Test
    void aVolunteerLogsHoursOnlyForASessionTheyAttendedAndOnlyOnce() {
        long o = openDays();
        TestClient organiser = app.client();
        organiser.signIn("organiser@demo.commonweal.org", "demo-organiser-pass");
        organiser.get("/volunteering/" + o);
        TestClient.Response notThere = organiser.post("/volunteering/" + o + "/hours", Map.of("session", String.valueOf(firstPastSession()), "hours", "2"));
        assertThat(notThere.status()).isEqualTo(422);
        assertThat(notThere.body()).contains("Choose a session you were checked in at");
        TestClient chidi = OpportunitiesJourneyTest.as("chidi");
        chidi.get("/volunteering/" + o);
        TestClient.Response again = chidi.post("/volunteering/" + o + "/hours", Map.of("session", String.valueOf(firstPastSession()), "hours", "1"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("already logged hours for this session");
        TestClient.Response tooMuch = chidi.post("/volunteering/" + o + "/hours", Map.of("role", "Tour guide", "date", LocalDate.now(Opportunity.ZONE).toString(),
                "hours", "1.3"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("Enter hours in quarter hours");
        TestClient.Response future = chidi.post("/volunteering/" + o + "/hours", Map.of("role", "Tour guide",
                "date", LocalDate.now(Opportunity.ZONE).plusDays(1).toString(), "hours", "1"));
        assertThat(future.body()).contains("cannot be in the future");
        long before = app.count("SELECT count(*) FROM volunteer_hours");
        TestClient.Response adHoc = chidi.post("/volunteering/" + o + "/hours", Map.of("role", "Tour guide",
                "date", LocalDate.now(Opportunity.ZONE).minusDays(2).toString(), "hours", "1.75", "note", "Leaflets round the estate"));
        assertThat(adHoc.status()).as(adHoc.body()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM volunteer_hours")).isEqualTo(before + 1);
        assertThat(app.count("SELECT quarters FROM volunteer_hours WHERE note = 'Leaflets round the estate'")).isEqualTo(7);
    }

    @Test
    void theCoordinatorApprovesOrRejectsWithAReasonAndOthersMayNot() {
        long o = openDays();
        long chidis = app.count("SELECT v.id FROM volunteer_hours v JOIN accounts a ON a.id = v.account_id WHERE a.email = 'chidi@demo.commonweal.org'"
                + " AND v.session_id IS NOT NULL");
        TestClient chidi = OpportunitiesJourneyTest.as("chidi");
        chidi.get("/volunteering/mine");
        assertThat(chidi.post("/volunteering/" + o + "/hours/" + chidis + "/approve", Map.of()).status()).as("not her own hours").isEqualTo(403);
        TestClient amira = OpportunitiesJourneyTest.as("amira");
        assertThat(amira.get("/volunteering/" + o + "/hours").body()).contains("Chidi Okafor");
        TestClient.Response noReason = amira.post("/volunteering/" + o + "/hours/" + chidis + "/reject", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("Say why you are rejecting these hours");
        assertThat(amira.post("/volunteering/" + o + "/hours/" + chidis + "/reject", Map.of("reason", "We ran it for two hours, not three")).status())
                .isEqualTo(302);
        assertThat(amira.post("/volunteering/" + o + "/hours/" + chidis + "/approve", Map.of()).status()).as("decided once").isEqualTo(409);
        String page = chidi.get("/volunteering/mine").body();
        assertThat(page).contains("Rejected").contains("We ran it for two hours, not three").contains("Approved hours in all: 0 hours");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aVolunteersSignUpsAndHoursAreInTheirDownloadAndGoWithTheirAccount() throws Exception {
        TestClient ben = OpportunitiesJourneyTest.as("ben");
        long benId = app.count("SELECT id FROM accounts WHERE email = 'ben@demo.commonweal.org'");
        JsonNode data = new ObjectMapper().readTree(ben.get("/account/export").body()).get("data");
        assertThat(data.get("volunteering-sign-ups").size()).isGreaterThanOrEqualTo(3);
        assertThat(data.get("volunteering-hours").get(0).get("opportunity").asText()).startsWith("Solar open days");
        assertThat(data.get("volunteering-opportunities-posted").size()).isEqualTo(1);
        assertThat(data.toString()).doesNotContain("chidi@demo");
        ben.get("/account/delete");
        assertThat(ben.post("/account/delete", Map.of("password", "demo-resident-pass")).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM opportunity_signups WHERE account_id = " + benId)).isZero();
        assertThat(app.count("SELECT count(*) FROM volunteer_hours WHERE account_id = " + benId)).isZero();
        assertThat(app.count("SELECT count(*) FROM opportunities WHERE title = 'Lunch club helpers for older neighbours' AND created_by IS NULL"))
                .as("the group's opportunity stays, no longer naming him").isEqualTo(1);
    }
}
