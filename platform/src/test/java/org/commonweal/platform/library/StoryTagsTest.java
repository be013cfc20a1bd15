package org.commonweal.platform.library;

import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.search.SearchIndex;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Free tags: checked with the field named, kept trimmed and lower-case, a filter in the library and found by the one search. */
class StoryTagsTest extends PlatformTestCase {
    @Test
    void tagsAreNormalisedShownFilteredAndSearched() throws Exception {
        TestClient author = LibraryTest.person("tags-author@example.org", Set.of());
        TestClient officer = LibraryTest.person("tags-officer@example.org", Set.of(Role.OFFICER));
        Map<String, String> form = LibraryTest.story("Seed swap on the towpath", "Quayside", "green", "build_capacity");
        form.put("tags", "  Seed Library , gardening,seed library, ");
        long id = LibraryTest.draft(author, form);
        assertThat(app.platform.feature(LibraryFeature.class).stories().tags(id)).containsExactly("gardening", "seed library");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(author.get("/account/export").body()).get("data")
                .get("library-stories").get(0).get("tags").toString()).as("in the author's download").isEqualTo("[\"gardening\",\"seed library\"]");
        assertThat(author.get("/library/" + id + "/edit").body()).contains("value=\"gardening, seed library\"");
        LibraryTest.publish(author, officer, id);
        long other = LibraryTest.draft(author, LibraryTest.story("Untagged story about seeds", "Quayside", "green", "build_capacity"));
        LibraryTest.publish(author, officer, other);

        assertThat(app.client().get("/library/" + id).body()).contains("href=\"/library?tag=seed+library\"");
        String filtered = app.client().get("/library?tag=Seed+Library").body();
        assertThat(filtered).contains("Seed swap on the towpath").doesNotContain("Untagged story about seeds");
        assertThat(app.platform.search.search(new SearchIndex.Query("gardening", Set.of("story"), null, 0)).hits())
                .as("tags are in the one search").anyMatch(h -> h.url().equals("/library/" + id));
        assertThat(app.client().get("/open-data/library-stories.csv").body()).contains("gardening; seed library");
    }

    @Test
    void badTagsAreRefusedNamingTheFieldAndStoreNothing() {
        TestClient author = LibraryTest.person("tags-bad@example.org", Set.of());
        author.get("/library/new");
        for (var bad : Map.of("a, b, c, d, e, f, g, h, i, j, k", "Give at most 10 tags",
                "x".repeat(31), "Each tag must be 30 characters or fewer",
                "good, <script>", "&lt;script&gt;").entrySet()) {
            Map<String, String> form = LibraryTest.story("Badly tagged " + bad.getKey().length(), "Quayside", "green", "research");
            form.put("tags", bad.getKey());
            TestClient.Response r = author.post("/library", form);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.body()).contains(bad.getValue()).contains("href=\"#tags\"");
        }
        assertThat(app.count("SELECT count(*) FROM library_stories WHERE title LIKE 'Badly tagged%'")).isZero();
    }
}
