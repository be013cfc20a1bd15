package org.commonweal.platform.events;

import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating events through the organiser's form, as the tests need them. */
final class EventTestSupport {
    private final TestApp app;
    private final Map<String, TestClient> clients = new java.util.concurrent.ConcurrentHashMap<>();

    EventTestSupport(TestApp app) {
        this.app = app;
    }

    /** A client signed in once per test class (signing in is slow and rate-limited), by email. */
    TestClient as(String email, String password) {
        return clients.computeIfAbsent(email, e -> {
            TestClient c = app.client();
            c.signIn(e, password);
            return c;
        });
    }

    TestClient organiser() {
        return as("organiser@demo.commonweal.org", "demo-organiser-pass");
    }

    TestClient resident(String name) {
        return as(name + "@demo.commonweal.org", "demo-resident-pass");
    }

    long place(String name) {
        return app.platform.places.tree().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }

    /** A valid form for an event at a venue in Riverside, {@code days} from today, 18:30 to 20:00; change fields with {@code overrides}. */
    Map<String, String> form(String title, int days, Map<String, String> overrides) {
        String day = LocalDate.now(Event.ZONE).plusDays(days).toString();
        Map<String, String> form = new HashMap<>(Map.of("kind", "meeting", "title", title, "description", "About the quay.",
                "startDate", day, "startTime", "18:30", "endDate", day, "endTime", "20:00", "place", String.valueOf(place("Riverside"))));
        form.putAll(Map.of("venue", "Quayside Community Centre", "onlineUrl", "", "capacity", "", "registrationOpen", "yes"));
        form.putAll(overrides);
        return form;
    }

    long create(TestClient organiser, String title, int days, Map<String, String> overrides) {
        organiser.get("/events/new");
        TestClient.Response r = organiser.post("/events", form(title, days, overrides));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring("/events/".length()));
    }
}
