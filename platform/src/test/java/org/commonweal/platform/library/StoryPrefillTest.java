package org.commonweal.platform.library;

import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One step to a story from a solved problem and from a finished consultation's "you said, we did", linking back to them. */
class StoryPrefillTest extends PlatformTestCase {
    @Test
    void aSolvedProblemPrefillsAStoryThatLinksBackToIt() {
        TestClient resident = LibraryTest.person("prefill-problem@example.org", Set.of());
        TestClient officer = LibraryTest.person("prefill-problem-officer@example.org", Set.of(Role.OFFICER));
        resident.get("/problems/new");
        TestClient.Response posted = resident.post("/problems", Map.of("title", "Broken bench by the canal lock", "description",
                "The bench by the lock has lost its slats.", "place", String.valueOf(LibraryTest.place("Quayside")), "theme", "green"));
        long problem = Long.parseLong(posted.location().substring("/problems/".length()));
        assertThat(resident.get("/problems/" + problem).body()).as("not solved yet").doesNotContain("/library/new?problem=");
        assertThat(resident.get("/library/new?problem=" + problem).body()).doesNotContain("Broken bench by the canal lock");

        officer.get("/problems/" + problem);
        assertThat(officer.post("/problems/" + problem + "/status", Map.of("status", "solved", "reason", "New slats fitted by the canal trust.")).status())
                .isEqualTo(302);
        assertThat(resident.get("/problems/" + problem).body()).contains("href=\"/library/new?problem=" + problem + "\"");
        String form = resident.get("/library/new?problem=" + problem).body();
        assertThat(form).contains("Broken bench by the canal lock").contains("The bench by the lock has lost its slats.")
                .contains("New slats fitted by the canal trust.").contains("name=\"sourceKind\" value=\"problem\"")
                .contains("name=\"sourceId\" value=\"" + problem + "\"");

        Map<String, String> filled = LibraryTest.story("How we fixed the canal bench", "Quayside", "green", "deliver_services");
        filled.put("sourceKind", "problem");
        filled.put("sourceId", String.valueOf(problem));
        long id = LibraryTest.draft(resident, filled);
        assertThat(resident.get("/library/" + id).body()).contains("Problem: Broken bench by the canal lock").contains("href=\"/problems/" + problem + "\"");
    }

    @Test
    void aFinishedConsultationWithItsOutcomePrefillsAStoryWithWhatWasDone() {
        long closed = app.count("SELECT id FROM consultations WHERE title = 'The future of Quayside car park'");
        long open = app.count("SELECT id FROM consultations WHERE outcome_published_at IS NULL AND status = 'published' ORDER BY id LIMIT 1");
        TestClient resident = LibraryTest.person("prefill-consultation@example.org", Set.of());
        assertThat(resident.get("/consultations/" + closed + "/outcome").body()).contains("href=\"/library/new?consultation=" + closed + "\"");
        String form = resident.get("/library/new?consultation=" + closed).body();
        assertThat(form).contains("The future of Quayside car park").contains("Using the site: You said: two in three of you wanted a park")
                .contains("name=\"sourceKind\" value=\"consultation\"").contains("name=\"sourceId\" value=\"" + closed + "\"");
        String openTitle = app.database.jdbi().withHandle(h -> h.createQuery("SELECT title FROM consultations WHERE id = " + open).mapTo(String.class).one());
        assertThat(resident.get("/library/new?consultation=" + open).body()).as("no outcome yet: an empty form").doesNotContain(openTitle);

        Map<String, String> filled = LibraryTest.story("A park where the car park was", "Quayside", "play", "influence_decisions");
        filled.put("sourceKind", "consultation");
        filled.put("sourceId", String.valueOf(closed));
        long id = LibraryTest.draft(resident, filled);
        assertThat(resident.get("/library/" + id).body()).contains("Consultation: The future of Quayside car park");
    }
}
