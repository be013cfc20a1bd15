package org.commonweal.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class EventsJourneyTest extends PlatformTestCase {
    static final List<SubjectChange> announced = new CopyOnWriteArrayList<>();
    static EventTestSupport support;

    @BeforeAll
    static void listen() {
        support = new EventTestSupport(app);
        app.platform.subjects.listen(announced::add);
    }

    private static TestClient resident(String name) {
        return support.resident(name);
    }

    private static long accountId(String name) {
        return app.platform.accounts.findByEmail(name + "@demo.commonweal.org").orElseThrow().id();
    }

    private static List<SubjectChange> announcedFor(long event, String key) {
        return announced.stream().filter(c -> c.subject().key().equals("event:" + event) && c.messageKey().equals(key)).toList();
    }

    @Test
    void anOrganisersEventIsListedShownFoundInSearchAndPublishedAsOpenData() throws Exception {
        TestClient organiser = support.organiser();
        long id = support.create(organiser, "Harbour wall seminar", 5, Map.of("kind", "seminar", "description", "Tides, walls and money."));
        TestClient visitor = app.client();
        assertThat(visitor.get("/events").body()).contains("Harbour wall seminar");
        assertThat(visitor.get("/events?place=" + support.place("Riverside") + "&kind=seminar").body()).contains("Harbour wall seminar");
        assertThat(visitor.get("/events?place=" + support.place("Riverside") + "&kind=surgery").body()).doesNotContain("Harbour wall seminar");
        assertThat(visitor.get("/events?place=" + support.place("Northgate")).body()).doesNotContain("Harbour wall seminar");
        assertThat(visitor.get("/events?place=" + support.place("Riverford City Council")).body()).as("a council includes its wards")
                .contains("Harbour wall seminar");
        assertThat(visitor.get("/events?when=past").body()).doesNotContain("Harbour wall seminar");
        String page = visitor.get("/events/" + id).body();
        assertThat(page).contains("Harbour wall seminar").contains("Tides, walls and money.").contains("Quayside Community Centre")
                .contains("18:30").contains("Sign in to register");
        assertThat(app.platform.subjects.find(EventIndex.subject(id)).orElseThrow().url()).isEqualTo("/events/" + id);
        assertThat(visitor.get("/search?q=harbour+tides").body()).contains("/events/" + id);

        JsonNode rows = new ObjectMapper().readTree(visitor.get("/open-data/events.json").body());
        JsonNode row = null;
        for (JsonNode r : rows) if (r.get("id").asLong() == id) row = r;
        assertThat(row).isNotNull();
        assertThat(row.get("kind").asText()).isEqualTo("seminar");
        assertThat(row.get("registered").asInt()).isZero();
        assertThat(visitor.get("/open-data/events.csv").body()).startsWith("id,kind,title").contains("Harbour wall seminar")
                .doesNotContain("demo.commonweal.org");
    }

    @Test
    void aFullEventPutsPeopleOnAWaitingListInOrderAndAFreedPlaceGoesToTheFirstWaiting() {
        long id = support.create(support.organiser(), "Two-seat surgery", 6, Map.of("capacity", "1"));
        TestClient amira = resident("amira");
        TestClient ben = resident("ben");
        TestClient chidi = resident("chidi");
        amira.get("/events/" + id);
        assertThat(amira.post("/events/" + id + "/register", Map.of()).status()).isEqualTo(302);
        ben.get("/events/" + id);
        ben.post("/events/" + id + "/register", Map.of());
        chidi.get("/events/" + id);
        chidi.post("/events/" + id + "/register", Map.of());
        assertThat(amira.get("/events/" + id).body()).contains("You are registered.");
        assertThat(ben.get("/events/" + id).body()).contains("You are number 1 on the waiting list.");
        assertThat(chidi.get("/events/" + id).body()).contains("You are number 2 on the waiting list.");
        assertThat(chidi.post("/events/" + id + "/register", Map.of()).status()).as("a second registration changes nothing").isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM event_registrations WHERE event_id = " + id)).isEqualTo(3);
        assertThat(app.client().get("/events/" + id).body()).contains("1 registered of 1 place, 2 waiting");

        amira.get("/events/" + id);
        assertThat(amira.post("/events/" + id + "/leave", Map.of()).status()).isEqualTo(302);
        assertThat(ben.get("/events/" + id).body()).contains("You are registered.");
        assertThat(chidi.get("/events/" + id).body()).contains("You are number 1 on the waiting list.");
        assertThat(announcedFor(id, "events.notify.promoted")).singleElement()
                .satisfies(c -> assertThat(c.recipientId()).isEqualTo(accountId("ben")));
        assertThat(ben.get("/events/mine").body()).contains("Two-seat surgery").contains("You are registered.");
        assertThat(chidi.get("/events/mine").body()).contains("Two-seat surgery").contains("number 1 on the waiting list");

        // Raising the capacity promotes the next in line.
        TestClient organiser = support.organiser();
        organiser.get("/events/" + id + "/edit");
        assertThat(organiser.post("/events/" + id, support.form("Two-seat surgery", 6, Map.of("capacity", "2"))).status()).isEqualTo(302);
        assertThat(chidi.get("/events/" + id).body()).contains("You are registered.");
    }

    @Test
    void aHundredSimultaneousRegistrationsForTenPlacesGiveExactlyTenPlacesAndNinetyWaiting() throws Exception {
        long id = support.create(support.organiser(), "Popular decision day", 8, Map.of("capacity", "10", "kind", "decision_day"));
        List<Long> accounts = app.database.jdbi().withHandle(h -> h.createQuery("""
                INSERT INTO accounts (email, name, password_hash) SELECT 'crowd' || g || '@example.org', 'Crowd ' || g, 'x'
                FROM generate_series(1, 100) g RETURNING id""").mapTo(Long.class).list());
        Registrations registrations = app.platform.feature(org.commonweal.platform.events.EventsFeature.class).registrations();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Registrations.Outcome>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(100)) {
            for (long account : accounts) results.add(pool.submit(() -> {
                start.await();
                return registrations.register(id, account);
            }));
            start.countDown();
        }
        List<Registrations.Outcome> outcomes = new ArrayList<>();
        for (Future<Registrations.Outcome> f : results) outcomes.add(f.get());
        assertThat(outcomes).filteredOn(o -> o == Registrations.Outcome.REGISTERED).hasSize(10);
        assertThat(outcomes).filteredOn(o -> o == Registrations.Outcome.WAITING).hasSize(90);
        assertThat(app.count("SELECT count(*) FROM event_registrations WHERE status = 'registered' AND event_id = " + id)).isEqualTo(10);
        assertThat(app.count("SELECT count(*) FROM event_registrations WHERE status = 'waiting' AND event_id = " + id)).isEqualTo(90);
        // The waiting list's order is the order the registrations were counted in: each later one waits behind the earlier.
        long firstWaiting = app.count("SELECT account_id FROM event_registrations WHERE status = 'waiting' AND event_id = " + id + " ORDER BY id LIMIT 1");
        long leaver = app.count("SELECT account_id FROM event_registrations WHERE status = 'registered' AND event_id = " + id + " ORDER BY id LIMIT 1");
        assertThat(registrations.leave(id, leaver)).isTrue();
        assertThat(registrations.standing(id, firstWaiting).orElseThrow().registered()).isTrue();
        assertThat(app.count("SELECT count(*) FROM event_registrations WHERE status = 'registered' AND event_id = " + id)).isEqualTo(10);
    }

    @Test
    void aPlaceFreedByADeletedAccountGoesToTheFirstWaitingNotToANewcomer() {
        long id = support.create(support.organiser(), "One-seat talk", 8, Map.of("capacity", "1"));
        List<Long> people = app.database.jdbi().withHandle(h -> h.createQuery("""
                INSERT INTO accounts (email, name, password_hash) SELECT 'seat' || g || '@example.org', 'Seat ' || g, 'x'
                FROM generate_series(1, 3) g RETURNING id""").mapTo(Long.class).list());
        Registrations registrations = app.platform.feature(org.commonweal.platform.events.EventsFeature.class).registrations();
        assertThat(registrations.register(id, people.get(0))).isEqualTo(Registrations.Outcome.REGISTERED);
        assertThat(registrations.register(id, people.get(1))).isEqualTo(Registrations.Outcome.WAITING);
        app.database.jdbi().useHandle(h -> h.execute("DELETE FROM accounts WHERE id = ?", people.get(0)));
        assertThat(registrations.register(id, people.get(2))).isEqualTo(Registrations.Outcome.WAITING);
        assertThat(registrations.standing(id, people.get(1)).orElseThrow().registered()).isTrue();
        assertThat(announcedFor(id, "events.notify.promoted")).singleElement().satisfies(c -> assertThat(c.recipientId()).isEqualTo(people.get(1)));
    }

    @Test
    void theDoorListChecksPeopleInFindsThemByNameAndCountsWalkIns() {
        long id = support.create(support.organiser(), "Door list meeting", 9, Map.of());
        for (String name : List.of("amira", "ben")) {
            TestClient r = resident(name);
            r.get("/events/" + id);
            r.post("/events/" + id + "/register", Map.of());
        }
        TestClient organiser = support.organiser();
        String list = organiser.get("/events/" + id + "/attendance").body();
        assertThat(list).contains("Amira Hassan").contains("Ben Carter").contains("0 present: 0 of 2 registered checked in, 0 walk-ins");
        assertThat(organiser.get("/events/" + id + "/attendance?q=ami").body()).contains("Amira Hassan").doesNotContain("Ben Carter");
        assertThat(organiser.get("/events/" + id + "/attendance?q=%25").body()).doesNotContain("Amira Hassan");
        long amira = app.count("SELECT id FROM event_registrations WHERE event_id = " + id + " AND account_id = " + accountId("amira"));
        organiser.get("/events/" + id + "/attendance?q=ami");
        TestClient.Response checkIn = organiser.post("/events/" + id + "/attendance/" + amira, Map.of("present", "yes", "q", "ami"));
        assertThat(checkIn.status()).isEqualTo(302);
        assertThat(checkIn.location()).isEqualTo("/events/" + id + "/attendance?q=ami");
        organiser.get("/events/" + id + "/attendance");
        assertThat(organiser.post("/events/" + id + "/walk-ins", Map.of("name", "Dora from the allotments")).status()).isEqualTo(302);
        assertThat(organiser.get("/events/" + id + "/attendance").body()).contains("Dora from the allotments")
                .contains("2 present: 1 of 2 registered checked in, 1 walk-in").contains("Undo check-in of Amira Hassan");
        organiser.post("/events/" + id + "/attendance/" + amira, Map.of("present", "no"));
        assertThat(organiser.get("/events/" + id + "/attendance").body()).contains("1 present: 0 of 2 registered checked in, 1 walk-in");
        assertThat(organiser.post("/events/" + id + "/walk-ins", Map.of("name", " ")).status()).isEqualTo(422);
        assertThat(organiser.post("/events/" + id + "/attendance/999999", Map.of("present", "yes")).status()).isEqualTo(404);
    }

    @Test
    void cancellingTellsEveryoneRegisteredAndWaitingAndTheFeedsMarkItCancelled() {
        long id = support.create(support.organiser(), "Cancelled quay walk", 10, Map.of("capacity", "1"));
        for (String name : List.of("amira", "ben")) {
            TestClient r = resident(name);
            r.get("/events/" + id);
            r.post("/events/" + id + "/register", Map.of());
        }
        String before = app.client().get("/events/" + id + ".ics").body();
        assertThat(before).contains("SEQUENCE:0\r\n").contains("STATUS:CONFIRMED\r\n");
        TestClient organiser = support.organiser();
        organiser.get("/events/" + id);
        assertThat(organiser.post("/events/" + id + "/cancel", Map.of("reason", "")).status()).isEqualTo(422);
        assertThat(organiser.post("/events/" + id + "/cancel", Map.of("reason", "The hall flooded, sorry.")).status()).isEqualTo(302);
        assertThat(announcedFor(id, "events.notify.cancelled").stream().filter(c -> c.recipientId() != null).map(SubjectChange::recipientId))
                .containsExactlyInAnyOrder(accountId("amira"), accountId("ben"));
        assertThat(announcedFor(id, "events.notify.cancelled").getFirst().args()).containsExactly("Cancelled quay walk", "The hall flooded, sorry.");
        String page = app.client().get("/events/" + id).body();
        assertThat(page).contains("This event has been cancelled.").contains("The hall flooded, sorry.").contains("Registration is closed.");
        String ics = app.client().get("/events/" + id + ".ics").body();
        assertThat(ics).contains("STATUS:CANCELLED\r\n").contains("SEQUENCE:1\r\n");
        assertThat(uid(ics)).isEqualTo(uid(before));
        assertThat(app.client().get("/search?q=quay+walk").body()).contains("Cancelled: Cancelled quay walk");
        TestClient chidi = resident("chidi");
        chidi.get("/events/" + id);
        chidi.post("/events/" + id + "/register", Map.of());
        assertThat(app.count("SELECT count(*) FROM event_registrations WHERE event_id = " + id + " AND account_id = " + accountId("chidi"))).isZero();
        assertThat(app.platform.subjects.find(EventIndex.subject(id)).orElseThrow().open()).isFalse();
    }

    private static String uid(String ics) {
        Matcher m = Pattern.compile("UID:([^\r]+)\r\n").matcher(ics);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void editsRaiseTheSequenceKeepTheUidAndTellFollowers() {
        long id = support.create(support.organiser(), "Movable feast", 11, Map.of());
        String before = app.client().get("/events/" + id + ".ics").body();
        TestClient organiser = support.organiser();
        assertThat(organiser.get("/events/" + id + "/edit").body()).contains("value=\"Movable feast\"").contains("value=\"18:30\"");
        organiser.post("/events/" + id, support.form("Movable feast, moved", 12, Map.of()));
        organiser.get("/events/" + id + "/edit");
        organiser.post("/events/" + id, support.form("Movable feast, moved again", 12, Map.of()));
        String after = app.client().get("/events/" + id + ".ics").body();
        assertThat(after).contains("SEQUENCE:2\r\n").contains("SUMMARY:Movable feast\\, moved again\r\n");
        assertThat(uid(after)).isEqualTo(uid(before));
        assertThat(announcedFor(id, "events.notify.changed")).hasSize(2);
        assertThat(app.count("SELECT count(*) FROM audit_log WHERE action = 'event.edited' AND subject = 'event:" + id + "'")).isEqualTo(2);
    }

    @Test
    void calendarFeedsPerPlaceIncludePlacesInsideAndAreServedAsTextCalendar() {
        long inQuayside = support.create(support.organiser(), "Quayside litter pick", 13, Map.of("place", String.valueOf(support.place("Quayside"))));
        long inNorthgate = support.create(support.organiser(), "Northgate coffee morning", 13, Map.of("place", String.valueOf(support.place("Northgate"))));
        TestClient.Response riverside = app.client().get("/places/" + support.place("Riverside") + "/events.ics");
        assertThat(riverside.status()).isEqualTo(200);
        assertThat(riverside.header("Content-Type")).startsWith("text/calendar");
        assertThat(riverside.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:event-" + inQuayside + "@localhost\r\n")
                .doesNotContain("UID:event-" + inNorthgate + "@");
        assertThat(app.client().get("/places/" + support.place("Riverford City Council") + "/events.ics").body())
                .contains("UID:event-" + inQuayside + "@").contains("UID:event-" + inNorthgate + "@");
        for (String line : riverside.body().split("\r\n")) assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        assertThat(app.client().get("/places/999999/events.ics").status()).isEqualTo(404);
        assertThat(app.client().get("/events/999999.ics").status()).isEqualTo(404);
        assertThat(app.client().get("/events/abc.ics").status()).isEqualTo(404);
    }

    @Test
    void localTimesAreUkTimeInSummerAndWinterAndTheFeedGivesThemInUtc() {
        TestClient organiser = support.organiser();
        long summer = support.create(organiser, "Midsummer meeting", 0, Map.of("startDate", "2027-07-01", "endDate", "2027-07-01"));
        long winter = support.create(organiser, "Midwinter meeting", 0, Map.of("startDate", "2027-12-21", "endDate", "2027-12-21"));
        assertThat(app.client().get("/events/" + summer + ".ics").body()).contains("DTSTART:20270701T173000Z\r\n").contains("DTEND:20270701T190000Z\r\n");
        assertThat(app.client().get("/events/" + winter + ".ics").body()).contains("DTSTART:20271221T183000Z\r\n").contains("DTEND:20271221T200000Z\r\n");
        assertThat(app.client().get("/events/" + summer).body()).contains("Thursday 1 July 2027, 18:30 – 20:00");
    }

    @Test
    void aResidentsPrivateFeedListsTheirRegistrationsUntilTheyRevokeIt() {
        long id = support.create(support.organiser(), "Feed test meeting", 14, Map.of());
        TestClient amira = resident("amira");
        amira.get("/events/" + id);
        amira.post("/events/" + id + "/register", Map.of());
        amira.get("/events/mine");
        assertThat(amira.post("/events/mine/feed", Map.of()).status()).isEqualTo(302);
        String url = feedUrl(amira.get("/events/mine").body());
        String path = url.substring(url.indexOf("/events/feed/"));
        TestClient.Response feed = app.client().get(path);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        assertThat(feed.header("Cache-Control")).contains("no-store");
        assertThat(feed.body()).contains("SUMMARY:Feed test meeting\r\n");
        assertThat(app.client().get("/events/feed/" + "x".repeat(43) + ".ics").status()).isEqualTo(404);

        amira.post("/events/mine/feed", Map.of());
        String renewed = feedUrl(amira.get("/events/mine").body());
        assertThat(renewed).isNotEqualTo(url);
        assertThat(app.client().get(path).status()).as("the old address stops working").isEqualTo(404);
        amira.post("/events/mine/feed/revoke", Map.of());
        assertThat(app.client().get(renewed.substring(renewed.indexOf("/events/feed/"))).status()).isEqualTo(404);
        assertThat(amira.get("/events/mine").body()).doesNotContain("/events/feed/");
    }

    private static String feedUrl(String page) {
        Matcher m = Pattern.compile("<code id=\"feed-url\">([^<]+)</code>").matcher(page);
        assertThat(m.find()).as("feed address shown").isTrue();
        return m.group(1);
    }

    @Test
    void afterTheEventTheOrganiserPublishesMinutesAndOutcomesLinkedToOtherSubjects() {
        long past = support.create(support.organiser(), "Last month's meeting", -30, Map.of());
        long upcoming = support.create(support.organiser(), "Next month's meeting", 30, Map.of());
        TestClient organiser = support.organiser();
        organiser.get("/events/" + upcoming);
        assertThat(organiser.post("/events/" + upcoming + "/outcome", Map.of("minutes", "Too early", "outcomes", "", "links", "")).status())
                .as("no minutes before the event").isEqualTo(422);
        organiser.get("/events/" + past);
        assertThat(organiser.post("/events/" + past + "/outcome", Map.of("minutes", "We met.", "outcomes", "", "links", "problem:999999")).status())
                .as("links must name existing subjects").isEqualTo(422);
        assertThat(organiser.post("/events/" + past + "/outcome", Map.of("minutes", "We met.\nWe agreed.", "outcomes", "A bench.",
                "links", "event:" + upcoming)).status()).as("an event cannot be its own kind of outcome").isEqualTo(422);
        assertThat(organiser.post("/events/" + past + "/outcome", Map.of("minutes", "We met.\nWe agreed.", "outcomes", "A bench.", "links", ""))
                .status()).isEqualTo(302);
        String page = app.client().get("/events/" + past).body();
        assertThat(page).contains("Minutes and outcomes").contains("We met.\nWe agreed.").contains("A bench.");
        assertThat(app.client().get("/events?when=past").body()).contains("Last month's meeting");
        assertThat(announcedFor(past, "events.notify.outcome")).hasSize(1);
    }

    @Test
    void theDemoHasUpcomingEventsOneFullWithAWaitingListOneOnlineAndAPastOneWithMinutes() {
        String upcoming = app.client().get("/events").body();
        assertThat(upcoming).contains("Riverside ward surgery").contains("Rebuilding the economy: online seminar").contains("Northgate decision day");
        long surgery = app.count("SELECT id FROM events WHERE title = 'Riverside ward surgery'");
        assertThat(app.client().get("/events/" + surgery).body()).contains("2 registered of 2 places, 1 waiting");
        assertThat(upcoming).contains("Full: waiting list open");
        assertThat(app.count("SELECT count(*) FROM events WHERE online_url LIKE 'https://%'")).isEqualTo(1);
        long past = app.count("SELECT id FROM events WHERE title = 'Station Road car park: public meeting'");
        assertThat(app.client().get("/events?when=past").body()).contains("Station Road car park");
        assertThat(app.client().get("/events/" + past).body()).contains("pocket park").contains("This event has ended.");
    }
}
