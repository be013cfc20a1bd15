package org.commonweal.platform.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Stories from draft to published, who sees what when, the prefill from a delivered project, similar stories, group pages and personal data. */
class LibraryTest extends PlatformTestCase {
    static long place(String name) {
        return app.platform.places.tree().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }

    static TestClient person(String email, Set<Role> roles) {
        app.platform.accounts.createConfirmed(email, "Person " + email, "a long test password", roles, place("Quayside"));
        TestClient c = app.client();
        c.signIn(email, "a long test password");
        return c;
    }

    static Map<String, String> story(String title, String place, String theme, String purpose) {
        Map<String, String> f = new HashMap<>(Map.of("title", title, "summary", "What we did about " + title, "problem", "It was broken.",
                "approach", "We met and fixed it.", "place", String.valueOf(place(place)), "theme", theme, "purpose", purpose,
                "outcomes", "It works now.", "cost", "1,250.50"));
        f.put("participants", "12");
        return f;
    }

    static long draft(TestClient c, Map<String, String> form) {
        c.get("/library/new");
        TestClient.Response r = c.post("/library", form);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring("/library/".length()));
    }

    static void publish(TestClient author, TestClient officer, long id) {
        author.get("/library/" + id);
        assertThat(author.post("/library/" + id + "/submit", Map.of()).status()).isEqualTo(302);
        officer.get("/library/" + id);
        assertThat(officer.post("/library/" + id + "/publish", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void aDraftIsTheAuthorsUntilAnOfficerPublishesItThenEveryoneFindsIt() {
        TestClient author = person("lib-author@example.org", Set.of());
        TestClient other = person("lib-other@example.org", Set.of());
        TestClient officer = person("lib-officer@example.org", Set.of(Role.OFFICER));
        Map<String, String> zebra = story("Zebra crossing by the quiet school", "Quayside", "safety", "influence_decisions");
        zebra.put("startedOn", "2025-03-01");
        zebra.put("endedOn", "2025-09-30");
        long id = draft(author, zebra);
        assertThat(author.get("/library/" + id).body()).contains("Zebra crossing by the quiet school").contains("£1,250.50").contains("12 people")
                .as("days as people write them").contains("1 March 2025 to 30 September 2025");
        assertThat(app.client().get("/library/" + id).status()).as("a visitor never sees a draft").isEqualTo(404);
        assertThat(other.get("/library/" + id).status()).isEqualTo(404);
        other.get("/library");
        assertThat(other.post("/library/" + id + "/submit", Map.of()).status()).as("not theirs").isEqualTo(403);
        assertThat(author.post("/library/" + id + "/publish", Map.of()).status()).as("authors do not publish").isEqualTo(403);
        officer.get("/library/" + id);
        assertThat(officer.post("/library/" + id + "/publish", Map.of()).status()).as("only a story sent for review is published").isEqualTo(409);
        assertThat(app.platform.search.search(new org.commonweal.platform.core.search.SearchIndex.Query("Zebra crossing", Set.of("story"), null, 0)).hits()).isEmpty();

        publish(author, officer, id);
        assertThat(app.client().get("/library/" + id).status()).isEqualTo(200);
        assertThat(app.client().get("/library?q=zebra").body()).contains("Zebra crossing by the quiet school");
        assertThat(app.client().get("/library?theme=green").body()).doesNotContain("Zebra crossing by the quiet school");
        assertThat(app.client().get("/search?q=zebra+crossing").body()).contains("/library/" + id);
        assertThat(author.post("/library/" + id, story("Changed after publishing", "Quayside", "safety", "influence_organisations")).status())
                .as("a published story is the library's").isEqualTo(409);
        assertThat(app.client().get("/open-data/library-stories.csv").body()).contains("Zebra crossing by the quiet school")
                .doesNotContain("lib-author");

        officer.get("/library/" + id);
        assertThat(officer.post("/library/" + id + "/takedown", Map.of()).status()).isEqualTo(302);
        assertThat(app.client().get("/library/" + id).status()).isEqualTo(404);
        assertThat(app.platform.search.search(new org.commonweal.platform.core.search.SearchIndex.Query("Zebra crossing", Set.of("story"), null, 0)).hits()).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        TestClient c = person("lib-bad@example.org", Set.of());
        c.get("/library/new");
        Map<String, String> bad = story("x".repeat(201), "Quayside", "<script>", "nonsense");
        bad.put("participants", "twelve");
        bad.put("cost", "-5");
        bad.put("startedOn", "2025-05-01");
        bad.put("endedOn", "2025-04-01");
        bad.put("group", "99999999");
        bad.put("sourceKind", "proposal");
        bad.put("sourceId", "99999999");
        bad.put("summary", " ");
        TestClient.Response r = c.post("/library", bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("The title must be 200 characters or fewer").contains("Enter a summary").contains("Choose a theme from the list")
                .contains("Choose a purpose from the list").contains("Enter the number of people as a whole number")
                .contains("Enter the cost in pounds").contains("The end date must be on or after the start date")
                .contains("Choose one of your groups from the list").contains("What this story came from no longer exists")
                .contains("href=\"#title\"").contains("href=\"#cost\"");
        assertThat(app.count("SELECT count(*) FROM library_stories WHERE author_id = (SELECT id FROM accounts WHERE email = 'lib-bad@example.org')")).isZero();
    }

    @Test
    void aDeliveredBudgetProjectPrefillsAStoryThatLinksBackToIt() {
        long proposal = app.count("SELECT id FROM budget_proposals WHERE status = 'feasible' ORDER BY id LIMIT 1");
        String title = app.database.jdbi().withHandle(h -> h.createQuery("SELECT title FROM budget_proposals WHERE id = " + proposal).mapTo(String.class).one());
        TestClient c = person("lib-prefill@example.org", Set.of());
        assertThat(c.get("/library/new?project=" + proposal).body()).as("not delivered yet: an empty form").doesNotContain(title);
        app.database.jdbi().useHandle(h -> {
            long pot = h.createQuery("SELECT pot_id FROM budget_proposals WHERE id = " + proposal).mapTo(Long.class).one();
            h.execute("INSERT INTO budget_results (pot_id, rule, tie_break, tie_seed, software_version, ballots_counted, total_cost) "
                    + "VALUES (?, 'greedy', 'seeded', 1, 'test', 1, 1) ON CONFLICT DO NOTHING", pot);
            h.execute("INSERT INTO budget_result_projects (pot_id, proposal_id, cost, support, points, funded, round, reason, reason_key, reason_args, greedy_funded) "
                    + "VALUES (?, ?, 1, 1, 1, true, 1, 'funded', 'k', '{}', true)", pot, proposal);
            h.execute("INSERT INTO budget_delivery_updates (proposal_id, status, note) VALUES (?, 'done', 'Finished')", proposal);
            // Results are published once a process reaches them; only then does its page show a funded project's delivery.
            h.execute("UPDATE budget_processes SET phase = 'delivery' WHERE id = (SELECT process_id FROM budget_pots WHERE id = ?)", pot);
        });
        long process = app.count("SELECT t.process_id FROM budget_proposals r JOIN budget_pots t ON t.id = r.pot_id WHERE r.id = " + proposal);
        assertThat(c.get("/budgets/" + process + "/proposals/" + proposal).body()).as("one step from the project")
                .contains("href=\"/library/new?project=" + proposal + "\"");
        String form = c.get("/library/new?project=" + proposal).body();
        assertThat(form).contains(title).contains("name=\"sourceId\" value=\"" + proposal + "\"");
        Map<String, String> filled = story(title, "Quayside", "green", "deliver_services");
        filled.put("sourceKind", "proposal");
        filled.put("sourceId", String.valueOf(proposal));
        long id = draft(c, filled);
        assertThat(c.get("/library/" + id).body()).contains("Budget project: " + title).contains("id=\"source\"");
    }

    @Test
    void similarStoriesRankTheMostSharedFirst() {
        TestClient author = person("lib-similar@example.org", Set.of());
        TestClient officer = person("lib-similar-officer@example.org", Set.of(Role.OFFICER));
        long base = draft(author, story("Base story of bees", "Mill Lane", "culture", "research"));
        long three = draft(author, story("Shares all three", "Mill Lane", "culture", "research"));
        long one = draft(author, story("Shares only the theme", "Quayside", "culture", "influence_organisations"));
        long none = draft(author, story("Shares nothing at all", "Quayside", "health", "influence_organisations"));
        for (long id : List.of(base, three, one, none)) publish(author, officer, id);
        Story s = app.platform.feature(LibraryFeature.class).stories().find(base).orElseThrow();
        List<StoryService.Similar> similar = app.platform.feature(LibraryFeature.class).stories().similar(s, 50);
        List<Long> ids = similar.stream().map(StoryService.Similar::id).toList();
        assertThat(ids).contains(three, one).doesNotContain(none, base);
        assertThat(ids.indexOf(three)).isLessThan(ids.indexOf(one));
        assertThat(similar.get(ids.indexOf(three)).shared()).isEqualTo(3);
        assertThat(app.client().get("/library/" + base).body()).contains("Similar stories").contains("Shares all three");
    }

    @Test
    void aGroupsPublishedStoriesShowOnItsPage() {
        TestClient author = person("lib-group@example.org", Set.of());
        TestClient officer = person("lib-group-officer@example.org", Set.of(Role.OFFICER));
        author.get("/groups/new");
        TestClient.Response created = author.post("/groups", Map.of("name", "Library Lovers", "kind", "community_group", "description", "We read."));
        long group = Long.parseLong(created.location().substring("/groups/".length()));
        Map<String, String> form = story("Reading circle in the park", "Quayside", "culture", "build_capacity");
        form.put("group", String.valueOf(group));
        long id = draft(author, form);
        assertThat(app.client().get("/groups/" + group).body()).doesNotContain("Reading circle in the park");
        publish(author, officer, id);
        assertThat(app.client().get("/groups/" + group).body()).contains("Its stories in the library").contains("/library/" + id);
    }

    @Test
    void storiesAreInTheAuthorsDownloadAndDraftsGoWithTheirAccount() throws Exception {
        TestClient author = person("lib-data@example.org", Set.of());
        TestClient officer = person("lib-data-officer@example.org", Set.of(Role.OFFICER));
        long kept = draft(author, story("Published and kept", "Quayside", "play", "influence_organisations"));
        publish(author, officer, kept);
        long gone = draft(author, story("Draft that goes", "Quayside", "play", "influence_organisations"));
        JsonNode data = new ObjectMapper().readTree(author.get("/account/export").body()).get("data");
        assertThat(data.get("library-stories")).hasSize(2);
        assertThat(data.get("library-stories").get(0).get("title").asText()).isEqualTo("Published and kept");
        author.get("/account/delete");
        assertThat(author.post("/account/delete", Map.of("password", "a long test password")).status()).isEqualTo(302);
        assertThat(app.count("SELECT count(*) FROM library_stories WHERE id = " + gone)).isZero();
        assertThat(app.count("SELECT count(*) FROM library_stories WHERE id = " + kept + " AND author_id IS NULL")).isEqualTo(1);
        assertThat(app.client().get("/library/" + kept).body()).contains("A former resident");
    }

    @Test
    void theDemoHasPublishedStories() {
        assertThat(app.count("SELECT count(*) FROM library_stories WHERE status = 'published'")).isGreaterThanOrEqualTo(5);
        assertThat(app.client().get("/library").body()).contains("Lighting the Ferry Row alley together");
    }
}
