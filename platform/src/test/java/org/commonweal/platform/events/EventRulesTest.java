package org.commonweal.platform.events;

import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what with events, and what the organiser's form refuses. */
class EventRulesTest extends PlatformTestCase {
    static EventTestSupport support;
    static long orlasEvent;

    @BeforeAll
    static void prepare() {
        support = new EventTestSupport(app);
        app.platform.accounts.createConfirmed("olive@demo.commonweal.org", "Olive Other", "olive-organiser-pass", EnumSet.of(Role.ORGANISER), null);
        orlasEvent = support.create(support.organiser(), "Orla's own meeting", 4, Map.of("capacity", "5"));
        TestClient amira = support.resident("amira");
        amira.get("/events/" + orlasEvent);
        amira.post("/events/" + orlasEvent + "/register", Map.of());
    }

    private static TestClient olive() {
        return support.as("olive@demo.commonweal.org", "olive-organiser-pass");
    }

    @Test
    void aResidentCannotCreateEditCancelOrSeeTheAttendanceOfEvents() {
        TestClient resident = support.resident("amira");
        assertThat(resident.get("/events/new").status()).isEqualTo(403);
        resident.get("/events");
        assertThat(resident.post("/events", support.form("Resident's event", 3, Map.of())).status()).isEqualTo(403);
        assertThat(resident.get("/events/" + orlasEvent + "/edit").status()).isEqualTo(403);
        assertThat(resident.post("/events/" + orlasEvent, support.form("Taken over", 3, Map.of())).status()).isEqualTo(403);
        assertThat(resident.post("/events/" + orlasEvent + "/cancel", Map.of("reason", "because")).status()).isEqualTo(403);
        TestClient.Response attendance = resident.get("/events/" + orlasEvent + "/attendance");
        assertThat(attendance.status()).isEqualTo(403);
        assertThat(attendance.body()).doesNotContain("Amira Hassan");
        assertThat(resident.post("/events/" + orlasEvent + "/walk-ins", Map.of("name", "Sneaky")).status()).isEqualTo(403);
        assertThat(resident.post("/events/" + orlasEvent + "/outcome", Map.of("minutes", "x")).status()).isEqualTo(403);
        assertThat(resident.get("/events/" + orlasEvent).body()).doesNotContain("/events/" + orlasEvent + "/attendance");
        assertThat(app.count("SELECT count(*) FROM events WHERE title IN ('Resident''s event', 'Taken over') OR cancelled_at IS NOT NULL")).isZero();
        assertThat(app.count("SELECT count(*) FROM event_walk_ins")).isZero();
    }

    @Test
    void aVisitorIsSentToSignInAndCannotRegister() {
        TestClient visitor = app.client();
        assertThat(visitor.get("/events/mine").status()).isEqualTo(302);
        assertThat(visitor.get("/events/" + orlasEvent + "/attendance").status()).isEqualTo(302);
        assertThat(visitor.postRaw("/events/" + orlasEvent + "/register", Map.of("_csrf", "none")).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM event_registrations WHERE event_id = " + orlasEvent)).isEqualTo(1);
    }

    @Test
    void oneOrganiserCannotEditCancelOrTakeAttendanceForAnothersEvent() {
        TestClient olive = olive();
        assertThat(olive.get("/events/new").status()).isEqualTo(200);
        assertThat(olive.get("/events/" + orlasEvent + "/edit").status()).isEqualTo(403);
        olive.get("/events/" + orlasEvent);
        assertThat(olive.post("/events/" + orlasEvent, support.form("Olive's now", 4, Map.of())).status()).isEqualTo(403);
        assertThat(olive.post("/events/" + orlasEvent + "/cancel", Map.of("reason", "mine now")).status()).isEqualTo(403);
        assertThat(olive.get("/events/" + orlasEvent + "/attendance").status()).isEqualTo(403);
        long registration = app.count("SELECT id FROM event_registrations WHERE event_id = " + orlasEvent);
        assertThat(olive.post("/events/" + orlasEvent + "/attendance/" + registration, Map.of("present", "yes")).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM events WHERE id = " + orlasEvent + " AND title = 'Orla''s own meeting' AND cancelled_at IS NULL")).isEqualTo(1);
        assertThat(app.count("SELECT count(*) FROM event_registrations WHERE attended_at IS NOT NULL")).isZero();
    }

    @Test
    void anyOfficerMayManageAnOrganisersEvent() {
        long id = support.create(olive(), "Olive's surgery", 6, Map.of());
        TestClient officer = app.signedInAs("officer");
        assertThat(officer.get("/events/" + id + "/attendance").status()).isEqualTo(200);
        officer.get("/events/" + id + "/edit");
        assertThat(officer.post("/events/" + id, support.form("Olive's surgery, with the officer", 6, Map.of())).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'event.edited' AND subject = 'event:" + id + "'")).isEqualTo(1);
    }

    private static TestClient.Response submit(TestClient organiser, Map<String, String> overrides) {
        organiser.get("/events/new");
        return organiser.post("/events", support.form("Checked event", 5, overrides));
    }

    @Test
    void theFormRefusesAnEndBeforeTheStartAndMalformedDates() {
        TestClient organiser = support.organiser();
        String day = java.time.LocalDate.now(Event.ZONE).plusDays(5).toString();
        TestClient.Response r = submit(organiser, Map.of("startDate", day, "startTime", "20:00", "endDate", day, "endTime", "19:00"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("The end must be after the start");
        assertThat(submit(organiser, Map.of("endTime", "18:30")).body()).as("equal times").contains("The end must be after the start");
        assertThat(submit(organiser, Map.of("startDate", "2026-02-30")).body()).contains("Enter a real start date and time");
        assertThat(submit(organiser, Map.of("startTime", "25:00")).body()).contains("Enter a real start date and time");
        assertThat(submit(organiser, Map.of("endDate", "tomorrow")).body()).contains("Enter a real end date and time");
        assertThat(app.count("SELECT count(*) FROM events WHERE title = 'Checked event'")).isZero();
    }

    @Test
    void theFormRefusesLinksThatAreNotHttpsAndEventsWithBothOrNeitherVenueAndLink() {
        TestClient organiser = support.organiser();
        for (String bad : new String[]{"http://meet.example.org/x", "javascript:alert(1)", "https://", "meet.example.org", "https://exa mple.org",
                "https://user:pw@example.org/", "HTTPS://EXAMPLE.ORG/\"onmouseover=alert(1)"}) {
            TestClient.Response r = submit(organiser, Map.of("venue", "", "onlineUrl", bad));
            assertThat(r.status()).as(bad).isEqualTo(422);
            assertThat(r.body()).as(bad).contains("Enter an online link starting with https://");
        }
        assertThat(submit(organiser, Map.of("venue", "", "onlineUrl", "")).body()).contains("Give either a venue address or an online link");
        assertThat(submit(organiser, Map.of("onlineUrl", "https://meet.example.org/x")).body()).contains("Give either a venue address or an online link");
        assertThat(submit(organiser, Map.of("title", "Valid online event", "venue", "", "onlineUrl", "https://meet.example.org/ok?room=1")).status()).isEqualTo(302);
    }

    @Test
    void theFormRefusesAZeroNegativeOrNonNumericCapacity() {
        TestClient organiser = support.organiser();
        for (String bad : new String[]{"0", "-5", "ten", "2.5", "100001", "99999999999"}) {
            TestClient.Response r = submit(organiser, Map.of("capacity", bad));
            assertThat(r.status()).as(bad).isEqualTo(422);
            assertThat(r.body()).as(bad).contains("Enter the number of places as a whole number from 1 to 100,000");
        }
        assertThat(app.count("SELECT count(*) FROM events WHERE title = 'Checked event'")).isZero();
    }

    @Test
    void theFormRefusesOverLongTextAMissingTitleAndAnUnknownKindOrPlace() {
        TestClient organiser = support.organiser();
        assertThat(submit(organiser, Map.of("title", "x".repeat(201))).body()).contains("The title must be 200 characters or fewer");
        assertThat(submit(organiser, Map.of("title", "  ")).body()).contains("Enter a title");
        assertThat(submit(organiser, Map.of("description", "x".repeat(5001))).body()).contains("The description must be 5,000 characters or fewer");
        assertThat(submit(organiser, Map.of("venue", "x".repeat(501))).body()).contains("The venue address must be 500 characters or fewer");
        assertThat(submit(organiser, Map.of("kind", "rave")).body()).contains("Choose the kind of event");
        assertThat(submit(organiser, Map.of("place", "999999")).body()).contains("Choose a place");
        assertThat(submit(organiser, Map.of("place", "abc")).status()).isEqualTo(422);
        TestClient.Response bell = submit(organiser, Map.of("title", "Bell\u0007"));
        assertThat(bell.status()).isEqualTo(400);
        assertThat(bell.body()).contains("The field “title” contains a control character");
        organiser.get("/events/" + orlasEvent);
        assertThat(organiser.post("/events/" + orlasEvent + "/cancel", Map.of("reason", "r".repeat(1001))).body())
                .contains("The reason must be 1,000 characters or fewer");
        assertThat(app.count("SELECT count(*) FROM events WHERE title = 'Checked event'")).isZero();
    }

    @Test
    void scriptInAnEventIsShownAsTextOnItsPagesAndEscapedInItsCalendar() {
        TestClient organiser = support.organiser();
        organiser.get("/events/new");
        TestClient.Response r = organiser.post("/events", support.form("<script>alert('x')</script>", 5,
                Map.of("description", "<img src=x onerror=alert(1)>", "venue", "Hall; \"back\" door, \\ side")));
        assertThat(r.status()).isEqualTo(302);
        long id = Long.parseLong(r.location().substring("/events/".length()));
        String page = app.client().get("/events/" + id).body();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;");
        assertThat(app.client().get("/events").body()).doesNotContain("<script>alert");
        assertThat(app.client().get("/events/" + id + ".ics").body()).contains("LOCATION:Hall\\; \"back\" door\\, \\\\ side\\, Riverside\r\n");
    }

    @Test
    void calendarFeedsAnswerHeadWithTheirOwnHeadersAndNoBody() {
        TestClient organiser = support.organiser();
        organiser.get("/events/new");
        TestClient.Response created = organiser.post("/events", support.form("Feed check", 5, Map.of()));
        long id = Long.parseLong(created.location().substring("/events/".length()));
        for (String path : new String[]{"/events/" + id + ".ics", "/places/" + support.place("Riverside") + "/events.ics"}) {
            TestClient.Response head = app.client().head(path);
            assertThat(head.status()).as(path).isEqualTo(200);
            assertThat(head.header("Content-Type")).as(path).startsWith("text/calendar");
            assertThat(head.body()).as(path).isEmpty();
        }
        assertThat(app.client().head("/events/999999.ics").status()).isEqualTo(404);
        assertThat(app.client().head("/events/feed/not-a-token.ics").status()).isEqualTo(404);
    }

    @Test
    void malformedIdsAndUnknownEventsAreNotFound() {
        TestClient organiser = support.organiser();
        assertThat(app.client().get("/events/abc").status()).isEqualTo(404);
        assertThat(app.client().get("/events/999999").status()).isEqualTo(404);
        assertThat(organiser.get("/events/999999/edit").status()).isEqualTo(404);
        assertThat(organiser.get("/events/999999/attendance").status()).isEqualTo(404);
        TestClient resident = support.resident("amira");
        resident.get("/events");
        assertThat(resident.post("/events/999999/register", Map.of()).status()).isEqualTo(404);
        assertThat(resident.post("/events/abc/register", Map.of()).status()).isEqualTo(404);
        assertThat(app.client().get("/events?place=abc&kind=rave&page=-3&when=x").status()).isEqualTo(200);
    }

    @Test
    void capacityCannotDropBelowThoseAlreadyRegistered() {
        long id = support.create(support.organiser(), "Shrinking meeting", 7, Map.of("capacity", "3"));
        for (String who : new String[]{"amira", "ben"}) {
            TestClient c = support.resident(who);
            c.get("/events/" + id);
            c.post("/events/" + id + "/register", Map.of());
        }
        TestClient organiser = support.organiser();
        organiser.get("/events/" + id + "/edit");
        TestClient.Response r = organiser.post("/events/" + id, support.form("Shrinking meeting", 7, Map.of("capacity", "1")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("cannot go below those registered");
    }
}
