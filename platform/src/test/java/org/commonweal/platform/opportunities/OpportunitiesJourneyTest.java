package org.commonweal.platform.opportunities;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group's coordinator posts an opportunity and its sessions; residents sign up until it is full, then wait; a
 * cancellation promotes the first waiting, who is mailed; the day before, those signed up are reminded once.
 */
class OpportunitiesJourneyTest extends PlatformTestCase {
    static final String PASS = "demo-resident-pass";

    static TestClient as(String name) {
        TestClient c = app.client();
        c.signIn(name + "@demo.commonweal.org", PASS);
        return c;
    }

    static long group(String name) {
        return app.count("SELECT id FROM groups WHERE name = '" + name.replace("'", "''") + "'");
    }

    static long place(String name) {
        return app.count("SELECT id FROM places WHERE name = '" + name + "'");
    }

    /** Amira posts an opportunity for the society she runs, with one session of {@code capacity} places on {@code day}. */
    static long[] postWithSession(String title, LocalDate day, int capacity, Map<String, String> extra) {
        TestClient amira = as("amira");
        long energy = group("Quayside Community Energy");
        amira.get("/groups/" + energy + "/opportunities/new");
        Map<String, String> form = new HashMap<>(Map.of("title", title, "description", "Help on the day.", "places", String.valueOf(place("Quayside")),
                "themes", "green", "roles", "Steward\nGreeter", "schedule", "one_off", "minDbs", "none", "minAge", ""));
        form.putAll(extra);
        TestClient.Response created = amira.post("/groups/" + energy + "/opportunities", form);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = Long.parseLong(created.location().substring("/volunteering/".length()));
        amira.get("/volunteering/" + id + "/sessions/new");
        TestClient.Response added = amira.post("/volunteering/" + id + "/sessions", Map.of("role", "Steward", "date", day.toString(), "startTime", "10:00",
                "endTime", "12:30", "place", String.valueOf(place("Quayside")), "venue", "The quay", "capacity", String.valueOf(capacity)));
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        long session = app.count("SELECT max(id) FROM opportunity_sessions WHERE opportunity_id = " + id);
        return new long[]{id, session};
    }

    @Test
    void aCoordinatorPostsAndTheOpportunityIsListedFilteredAndOnTheGroupsPage() {
        long[] posted = postWithSession("Harbour clean-up stewards", LocalDate.now(Opportunity.ZONE).plusDays(20), 3, Map.of("skills", "events"));
        TestClient visitor = app.client();
        assertThat(visitor.get("/volunteering").body()).contains("Harbour clean-up stewards").contains("Solar open days");
        assertThat(visitor.get("/volunteering?theme=green&skill=events").body()).contains("Harbour clean-up stewards").doesNotContain("Solar open days");
        assertThat(visitor.get("/volunteering?theme=health").body()).doesNotContain("Harbour clean-up stewards").contains("Lunch club helpers");
        assertThat(visitor.get("/volunteering?place=" + place("Northgate")).body()).doesNotContain("Harbour clean-up stewards");
        String day = LocalDate.now(Opportunity.ZONE).plusDays(20).toString();
        assertThat(visitor.get("/volunteering?date=" + day).body()).contains("Harbour clean-up stewards").doesNotContain("Lunch club helpers");
        TestClient.Response badDay = visitor.get("/volunteering?date=not-a-day");
        assertThat(badDay.status()).isEqualTo(200);
        assertThat(badDay.body()).contains("Enter a real day");
        String page = visitor.get("/volunteering/" + posted[0]).body();
        assertThat(page).contains("Harbour clean-up stewards").contains("Steward, Greeter").contains("Running events").contains("3 of 3 places left")
                .contains("Sign in to sign up");
        assertThat(visitor.get("/groups/" + group("Quayside Community Energy")).body()).contains("Volunteering opportunities").contains("Harbour clean-up stewards");
    }

    @Test
    void onlyTheGroupsAdminsAndVolunteerCoordinatorsPostAndRunIt() {
        long energy = group("Quayside Community Energy");
        TestClient ben = as("ben"); // the society's treasurer, not an admin
        assertThat(ben.get("/groups/" + energy + "/opportunities/new").status()).isEqualTo(403);
        long before = app.count("SELECT count(*) FROM opportunities");
        assertThat(ben.post("/groups/" + energy + "/opportunities", Map.of("title", "Mine now", "description", "x", "roles", "x", "schedule", "regular",
                "places", String.valueOf(place("Quayside")))).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM opportunities")).isEqualTo(before);
        long openDays = app.count("SELECT id FROM opportunities WHERE title LIKE 'Solar open days%'");
        for (String path : new String[]{"/close", "/sessions", "/hours/1/approve"}) {
            assertThat(ben.post("/volunteering/" + openDays + path, Map.of()).status()).as(path).isEqualTo(403);
        }
        assertThat(ben.get("/volunteering/" + openDays + "/hours").status()).isEqualTo(403);
        // Ben coordinates St Mark's volunteering (volunteer coordinator, not its only admin role): he may post there.
        long church = group("St Mark's Church, Riverford");
        assertThat(ben.get("/groups/" + church + "/opportunities/new").status()).isEqualTo(200);
        TestClient.Response bad = ben.post("/groups/" + church + "/opportunities", Map.of("title", "", "description", "", "roles", "", "schedule", "weekly",
                "places", "999999", "minDbs", "platinum", "minAge", "12"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter a title").contains("Enter at least one role").contains("Choose at least one place")
                .contains("Choose a DBS level").contains("Choose 16, 18 or no minimum").contains("Choose regular or one-off");
        assertThat(app.count("SELECT count(*) FROM opportunities")).isEqualTo(before);
    }

    @Test
    void aFullSessionHasAWaitingListAndACancellationPromotesTheFirstWaitingWhoIsMailed() {
        long[] posted = postWithSession("Regatta marshals", LocalDate.now(Opportunity.ZONE).plusDays(9), 1, Map.of());
        String signUp = "/volunteering/" + posted[0] + "/sessions/" + posted[1] + "/sign-up";
        TestClient ben = as("ben"), chidi = as("chidi");
        ben.get("/volunteering/" + posted[0]);
        assertThat(ben.post(signUp, Map.of()).status()).isEqualTo(302);
        assertThat(ben.get("/volunteering/" + posted[0]).body()).contains("You are signed up").contains("Full (1 place): nobody waiting yet");
        chidi.get("/volunteering/" + posted[0]);
        assertThat(chidi.post(signUp, Map.of()).status()).isEqualTo(302);
        assertThat(chidi.get("/volunteering/" + posted[0]).body()).contains("You are number 1 on the waiting list");
        assertThat(chidi.post(signUp, Map.of()).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM opportunity_signups WHERE session_id = " + posted[1])).isEqualTo(2);

        // Chidi cancelling touches only her own row: Ben keeps his place.
        chidi.get("/volunteering/" + posted[0]);
        assertThat(chidi.post("/volunteering/" + posted[0] + "/sessions/" + posted[1] + "/cancel", Map.of()).status()).isEqualTo(302);
        assertThat(chidi.post("/volunteering/" + posted[0] + "/sessions/" + posted[1] + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(app.count("SELECT count(*) FROM opportunity_signups WHERE status = 'signed_up' AND session_id = " + posted[1])).isEqualTo(1);
        assertThat(chidi.post(signUp, Map.of()).status()).isEqualTo(302);

        ben.get("/volunteering/" + posted[0]);
        assertThat(ben.post("/volunteering/" + posted[0] + "/sessions/" + posted[1] + "/cancel", Map.of()).status()).isEqualTo(302);
        assertThat(chidi.get("/volunteering/" + posted[0]).body()).contains("You are signed up");
        String mail = app.latestMailBody("chidi@demo.commonweal.org");
        assertThat(mail).contains("A place has freed up").contains("Regatta marshals").contains("Steward").contains("/volunteering/" + posted[0]);
    }

    @Test
    void theDayBeforeEachVolunteerSignedUpIsRemindedOnceAndThoseWaitingAreNot() {
        LocalDate today = LocalDate.now(Opportunity.ZONE);
        long[] posted = postWithSession("Beach survey", today.plusDays(1), 1, Map.of());
        TestClient ben = as("ben"), chidi = as("chidi");
        ben.get("/volunteering/" + posted[0]);
        ben.post("/volunteering/" + posted[0] + "/sessions/" + posted[1] + "/sign-up", Map.of());
        chidi.get("/volunteering/" + posted[0]);
        chidi.post("/volunteering/" + posted[0] + "/sessions/" + posted[1] + "/sign-up", Map.of());
        OpportunitiesFeature feature = app.platform.feature(OpportunitiesFeature.class);
        long mailsBefore = app.count("SELECT count(*) FROM mail_outbox WHERE subject = 'Tomorrow: Beach survey'");
        assertThat(feature.sendReminders(today.minusDays(1))).as("two days ahead is too early").isZero();
        assertThat(feature.sendReminders(today)).isGreaterThanOrEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE subject = 'Tomorrow: Beach survey'")).isEqualTo(mailsBefore + 1);
        assertThat(app.latestMailBody("ben@demo.commonweal.org")).contains("volunteering tomorrow as Steward for Beach survey").contains("The quay, Quayside");
        assertThat(feature.sendReminders(today)).as("once only").isZero();
        assertThat(app.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'chidi@demo.commonweal.org' AND subject = 'Tomorrow: Beach survey'")).isZero();
    }

    @Test
    void aSessionNeedingAnEnhancedDbsCheckRefusesAVolunteerWithoutOneSayingWhy() {
        long lunch = app.count("SELECT id FROM opportunities WHERE title = 'Lunch club helpers for older neighbours'");
        long session = app.count("SELECT min(id) FROM opportunity_sessions WHERE opportunity_id = " + lunch);
        // A newcomer with no volunteer profile yet (the demo's residents already volunteer, Amira with a children's check).
        app.platform.accounts.createConfirmed("nia@example.org", "Nia Newcomer", "a long test password", java.util.Set.of(), null);
        TestClient amira = app.client();
        amira.signIn("nia@example.org", "a long test password");
        amira.get("/volunteering/" + lunch);
        TestClient.Response noAge = amira.post("/volunteering/" + lunch + "/sessions/" + session + "/sign-up", Map.of());
        assertThat(noAge.status()).isEqualTo(409);
        assertThat(noAge.body()).contains("aged 18 or over");
        TestClient.Response refused = amira.post("/volunteering/" + lunch + "/sessions/" + session + "/sign-up", Map.of("ageConfirmed", "yes"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("You cannot sign up for this session yet").contains("Create your volunteer profile first");
        // With a profile but no verified check, the reason names the level needed and the level she has.
        amira.get("/volunteer/profile");
        TestClient.Response profile = amira.post("/volunteer/profile", Map.of("skills", "care", "languages", "en", "radiusKm", "5", "capacity", "1"));
        assertThat(profile.status()).as(profile.body()).isEqualTo(302);
        amira.get("/volunteering/" + lunch);
        TestClient.Response noDbs = amira.post("/volunteering/" + lunch + "/sessions/" + session + "/sign-up", Map.of("ageConfirmed", "yes"));
        assertThat(noDbs.status()).isEqualTo(409);
        assertThat(noDbs.body()).contains("This opportunity needs An enhanced DBS check; your volunteer profile has No DBS check");
        assertThat(app.count("SELECT count(*) FROM opportunity_signups WHERE session_id = " + session)).isZero();
    }

    @Test
    void aSessionNeedingSkillsRefusesAVolunteerWhoseProfileLacksThemAndTakesOneWhoHasThem() {
        long[] posted = postWithSession("Repair café fixers", LocalDate.now(Opportunity.ZONE).plusDays(12), 2, Map.of("skills", "digital"));
        TestClient chidi = as("chidi");
        chidi.get("/volunteer/profile");
        assertThat(chidi.post("/volunteer/profile", Map.of("skills", "mentoring", "languages", "en", "radiusKm", "5", "capacity", "1")).status()).isEqualTo(302);
        chidi.get("/volunteering/" + posted[0]);
        TestClient.Response refused = chidi.post("/volunteering/" + posted[0] + "/sessions/" + posted[1] + "/sign-up", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("needs skills your volunteer profile does not list: Digital and IT");
        chidi.get("/volunteer/profile");
        assertThat(chidi.post("/volunteer/profile", Map.of("skills", "mentoring,digital", "languages", "en", "radiusKm", "5", "capacity", "1")).status())
                .isEqualTo(302);
        chidi.get("/volunteering/" + posted[0]);
        assertThat(chidi.post("/volunteering/" + posted[0] + "/sessions/" + posted[1] + "/sign-up", Map.of()).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM opportunity_signups WHERE status = 'signed_up' AND session_id = " + posted[1])).isEqualTo(1);
    }

    @Test
    void checkInOpensWhenTheSessionStartsAndOnlyForThoseSignedUp() {
        long[] posted = postWithSession("Future fair", LocalDate.now(Opportunity.ZONE).plusDays(5), 2, Map.of());
        TestClient ben = as("ben");
        ben.get("/volunteering/" + posted[0]);
        ben.post("/volunteering/" + posted[0] + "/sessions/" + posted[1] + "/sign-up", Map.of());
        long signUp = app.count("SELECT id FROM opportunity_signups WHERE session_id = " + posted[1]);
        TestClient amira = as("amira");
        String roster = "/volunteering/" + posted[0] + "/sessions/" + posted[1] + "/roster";
        assertThat(amira.get(roster).body()).contains("Ben").contains("Check-in opens when the session starts");
        TestClient.Response early = amira.post("/volunteering/" + posted[0] + "/sessions/" + posted[1] + "/check-in",
                Map.of("signup", String.valueOf(signUp), "attended", "yes"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(app.count("SELECT count(*) FROM opportunity_signups WHERE attended IS NOT NULL AND id = " + signUp)).isZero();
        assertThat(ben.get(roster).status()).isEqualTo(403);
    }
}
