package org.commonweal.platform.services;

import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents' directory over the demo's services: words, place, kind of help, and "open now" at fixed clocks (in London
 * time, summer and winter); and the life of a service: a group admin adds it, it waits for an officer, is approved,
 * changed, withdrawn; only the group's admins edit it and only officers moderate.
 */
class ServicesDirectoryTest extends PlatformTestCase {
    private static List<String> openAt(String instant) {
        Directory d = new Directory(app.database.jdbi(), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
        return d.list(d.openNow(DirectoryQuery.all()), 0).entries().stream().map(Directory.Entry::name).toList();
    }

    /** Ben runs the demo's food bank. */
    private static TestClient ben() {
        TestClient c = app.client();
        c.signIn("ben@demo.commonweal.org", "demo-resident-pass");
        return c;
    }

    @Test
    void openNowFollowsLondonsClockInWinterAndSummer() {
        // Tuesday 8 December 2026, 10:30 in London (GMT).
        assertThat(openAt("2026-12-08T10:30:00Z")).contains("Food bank", "Benefits and debt advice", "Parent and toddler group")
                .doesNotContain("Housing advice", "Youth club", "Evening advice clinic", "Energy bill help");
        // The same Tuesday at 19:00: the evening clinic, nothing of the day's.
        assertThat(openAt("2026-12-08T19:00:00Z")).contains("Evening advice clinic").doesNotContain("Food bank", "Benefits and debt advice");
        // Sunday 13 December at 10:45: only the walk.
        assertThat(openAt("2026-12-13T10:45:00Z")).containsExactly("Wellbeing walks");
        // Tuesday 7 July 2026 at 09:15 UTC is 10:15 in London (BST): the food bank has opened.
        assertThat(openAt("2026-07-07T09:15:00Z")).contains("Food bank");
        assertThat(openAt("2026-12-08T09:15:00Z")).as("the same UTC time in winter is before it opens").doesNotContain("Food bank");
        // Closing time is not open: the food bank shuts at 16:00.
        assertThat(openAt("2026-12-08T16:00:00Z")).doesNotContain("Food bank");
    }

    private static ServiceRecord.Schedule schedule(String freq, int interval, String byday, String opens, String closes, String dtstart) {
        return OpenAtTest.schedule(freq, interval, byday, null, opens, closes, null, null, dtstart);
    }

    /** A published service of the food bank with these schedules only, stored as an import stores it. */
    private static long publishedWith(String name, ServiceRecord.Schedule... schedules) {
        long group = app.count("SELECT id FROM groups WHERE name = 'Riverford Food Bank'");
        ServiceRecord r = new ServiceRecord(null, group, name, "Opening times test.", "active", null, null, null, "", null, null, "", "", "", "",
                List.of(), List.of(schedules), List.of(), List.of(), List.of(), List.of());
        return app.database.jdbi().inTransaction(h -> ServiceStore.save(h, null, r, Service.PUBLISHED, false));
    }

    @Test
    void openNowCountsFortnightlyMonthlyAndOvernightSchedules() {
        long fortnightly = publishedWith("Fortnightly form-filling", schedule("WEEKLY", 2, "TU", "10:00", "12:00", "2026-12-01"));
        long monthly = publishedWith("First Monday meeting", schedule("MONTHLY", 1, "1MO", "19:00", "21:00", null));
        long overnight = publishedWith("Night café", schedule("WEEKLY", 1, "FR", "22:00", "02:00", null));
        assertThat(openAt("2026-12-15T10:30:00Z")).contains("Fortnightly form-filling");
        assertThat(openAt("2026-12-08T10:30:00Z")).as("the week between").doesNotContain("Fortnightly form-filling");
        assertThat(openAt("2027-01-04T19:30:00Z")).contains("First Monday meeting");
        assertThat(openAt("2027-01-11T19:30:00Z")).doesNotContain("First Monday meeting");
        assertThat(openAt("2026-12-12T01:00:00Z")).as("Saturday 01:00, Friday night").contains("Night café");
        assertThat(openAt("2026-12-12T02:00:00Z")).doesNotContain("Night café");
        assertThat(openAt("2027-03-28T00:59:00Z")).doesNotContain("Night café");

        // "Open on a day, at a time": the coming such day (weekly schedules answer the same whatever today is).
        TestClient visitor = app.client();
        TestClient.Response fridayNight = visitor.get("/services?day=FR&at=23:00");
        assertThat(fridayNight.body()).contains("Night café").doesNotContain("Food bank<").contains("id=\"open-at\"").contains("Open at 11pm on Friday");
        assertThat(visitor.get("/services?day=SA&at=1.30").body()).as("past midnight, from Friday").contains("Night café");
        assertThat(visitor.get("/services?day=SA&at=02:00").body()).doesNotContain("Night café");
        assertThat(visitor.get("/services?day=FR").body()).as("any time that Friday").contains("Night café", "Food bank").contains("Open at some time on Friday");
        TestClient.Response odd = visitor.get("/services?day=XX&at=25:99");
        assertThat(odd.status()).isEqualTo(200);
        assertThat(odd.body()).as("odd input is ignored").doesNotContain("id=\"open-at\"");

        assertThat(visitor.get("/services/" + fortnightly).body()).contains("Every other Tuesday: 10am to midday").contains("Next: Tuesday");
        assertThat(visitor.get("/services/" + monthly).body()).contains("The first Monday of the month: 7pm to 9pm");
        assertThat(visitor.get("/services/" + overnight).body()).contains("Friday: 10pm to 2am the next morning");
        // The group's form shows plain weekly hours only: a night's closing time would be refused as before its opening.
        Service night = app.database.jdbi().withHandle(h -> ServiceStore.find(h, overnight)).orElseThrow();
        assertThat(ServiceForm.of(night.record()).value("closesFR")).isEmpty();
    }

    @Test
    void residentsFindServicesByWordsPlaceAndKindOfHelp() {
        TestClient visitor = app.client();
        TestClient.Response words = visitor.get("/services?q=debts");
        assertThat(words.status()).isEqualTo(200);
        assertThat(words.body()).contains("Benefits and debt advice").doesNotContain("Youth club");
        long northgate = app.count("SELECT id FROM places WHERE name = 'Northgate'");
        String inNorthgate = visitor.get("/services?place=" + northgate).body();
        assertThat(inNorthgate).contains("Community lunch", "Digital skills drop-in", "Youth club").doesNotContain("Food bank<");
        String food = visitor.get("/services?term=" + DemoServices.uuid("food")).body();
        assertThat(food).contains("Food bank", "Community lunch", "Pantry").doesNotContain("Youth club");
        assertThat(visitor.get("/services?open=yes").status()).isEqualTo(200);
        assertThat(visitor.get("/services?q=%22unbalanced&place=abc&term=nonsense&page=-4").status()).as("odd input is searched, never an error")
                .isEqualTo(200);
        assertThat(visitor.get("/search?q=pantry").body()).as("in the one site search").contains("/services/");
        assertThat(visitor.get("/services").body()).as("a pending service is not listed").doesNotContain("Energy bill help");
        long foodBank = app.count("SELECT id FROM groups WHERE name = 'Riverford Food Bank'");
        assertThat(visitor.get("/groups/" + foodBank).body()).as("the group's page lists its services").contains("Pantry", "Benefits and debt advice");
    }

    @Test
    void aServiceGoesFromTheGroupThroughReviewIntoTheDirectory() {
        long foodBank = app.count("SELECT id FROM groups WHERE name = 'Riverford Food Bank'");
        TestClient ben = ben();
        ben.get("/groups/" + foodBank + "/services/new");
        TestClient.Response created = ben.post("/groups/" + foodBank + "/services", Map.of("name", "Baby bank", "description",
                "Clothes, cots and buggies for families who need them.", "status", "active", "opensWE", "10:00", "closesWE", "12:00",
                "costAmount", "", "postcode", "rv1 2fb", "address1", "14 Ferry Row", "city", "Riverford"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = Long.parseLong(created.location().substring("/services/".length()));
        String oruk = app.database.jdbi().withHandle(h -> h.createQuery("SELECT oruk_id::text FROM services WHERE id = " + id).mapTo(String.class).one());

        assertThat(app.client().get("/services/" + id).status()).as("pending: not public").isEqualTo(404);
        assertThat(app.client().get("/api/openreferral/services/" + oruk).status()).isEqualTo(404);
        assertThat(ben.get("/services/" + id).body()).contains("Awaiting an officer");
        TestClient officer = app.signedInAs("officer");
        assertThat(officer.get("/services/review").body()).contains("Baby bank");

        officer.get("/services/" + id);
        assertThat(officer.post("/services/" + id + "/approve", Map.of()).status()).isEqualTo(302);
        assertThat(app.client().get("/services/" + id).body()).contains("Baby bank").contains("Wednesday: 10am to midday").contains("Free")
                .contains("RV1 2FB");
        assertThat(app.client().get("/api/openreferral/services/" + oruk).status()).isEqualTo(200);
        assertThat(officer.post("/services/" + id + "/approve", Map.of()).status()).as("approving twice").isEqualTo(409);

        ben.get("/services/" + id + "/edit");
        TestClient.Response edited = ben.post("/services/" + id, Map.of("name", "Baby bank", "description", "Now with toys.",
                "status", "active", "opensWE", "10:00", "closesWE", "13:00"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(302);
        assertThat(app.client().get("/services/" + id).body()).as("a change shows at once").contains("Now with toys.");
        assertThat(officer.get("/services/review").body()).as("and waits to be checked").contains("Baby bank");

        officer.get("/services/" + id);
        assertThat(officer.post("/services/" + id + "/withdraw", Map.of("reason", "")).status()).as("a reason is needed").isEqualTo(422);
        assertThat(officer.post("/services/" + id + "/withdraw", Map.of("reason", "Duplicate of the food bank's listing")).status()).isEqualTo(302);
        assertThat(app.client().get("/services/" + id).status()).isEqualTo(404);
        assertThat(ben.get("/services/" + id).body()).contains("Duplicate of the food bank");
    }

    @Test
    void onlyTheGroupsAdminsEditItsServicesAndOnlyOfficersModerate() {
        long foodBankService = app.count("SELECT id FROM services WHERE name = 'Pantry'");
        long foodBank = app.count("SELECT group_id FROM services WHERE name = 'Pantry'");
        Map<String, String> form = Map.of("name", "Hijacked", "description", "x", "status", "active");
        for (String role : List.of("resident", "organiser", "officer", "moderator", "admin")) {
            TestClient c = app.signedInAs(role);
            c.get("/services");
            assertThat(c.post("/services/" + foodBankService, form).status()).as(role + " edits another group's service").isEqualTo(403);
            assertThat(c.post("/groups/" + foodBank + "/services", form).status()).as(role + " adds to another group").isEqualTo(403);
        }
        for (String role : List.of("resident", "organiser", "moderator", "admin")) {
            TestClient c = app.signedInAs(role);
            c.get("/services");
            assertThat(c.post("/services/" + foodBankService + "/withdraw", Map.of("reason", "no")).status()).as(role + " moderates").isEqualTo(403);
            assertThat(c.post("/services/" + foodBankService + "/approve", Map.of()).status()).as(role + " approves").isEqualTo(403);
        }
        assertThat(app.count("SELECT count(*) FROM services WHERE name = 'Hijacked'")).isZero();
        assertThat(app.count("SELECT count(*) FROM services WHERE id = " + foodBankService + " AND state = 'published'")).isEqualTo(1);
    }

    @Test
    void badInputIsNamedFieldByFieldAndNothingStored() {
        long foodBank = app.count("SELECT id FROM groups WHERE name = 'Riverford Food Bank'");
        long before = app.count("SELECT count(*) FROM services");
        TestClient ben = ben();
        ben.get("/groups/" + foodBank + "/services/new");
        TestClient.Response r = ben.post("/groups/" + foodBank + "/services", Map.ofEntries(Map.entry("name", ""),
                Map.entry("description", "x"), Map.entry("status", "open"), Map.entry("email", "nope"), Map.entry("minimumAge", "12"),
                Map.entry("maximumAge", "5"), Map.entry("opensMO", "10:00"), Map.entry("closesMO", "09:00"), Map.entry("opensTU", "10:00"),
                Map.entry("costAmount", "-3"), Map.entry("postcode", "NOT A CODE")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("Enter the name of the service", "Choose whether the service is running", "Enter an email address",
                "The oldest age must not be below the youngest", "The closing time must be after the opening time",
                "Enter both the opening and the closing time", "Enter the cost in pounds", "Enter a UK postcode");
        assertThat(r.body()).contains("href=\"#name\"", "href=\"#closesMO\"", "href=\"#closesTU\"");
        assertThat(app.count("SELECT count(*) FROM services")).isEqualTo(before);
    }
}
