package org.commonweal.platform.core.search;

import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.testing.PlatformTestCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One search across kinds: ranked, accent- and stem-insensitive, filtered by kind and place, paged, escaped. */
class SiteSearchTest extends PlatformTestCase {
    static long ward;
    static long otherWard;

    @BeforeAll
    static void publish() {
        var wards = app.platform.places.tree().stream().filter(p -> p.kind().equals("ward")).toList();
        ward = wards.get(0).id();
        otherWard = wards.get(1).id();
        SearchIndex index = app.platform.search;
        index.publish(new SearchDocument(new Subject("problem", 1), "Potholes on Café Street", "Cyclists fall into the holes every week.", "/problems/1", ward));
        index.publish(new SearchDocument(new Subject("problem", 2), "Street lighting", "The café corner is dark at night.", "/problems/2", otherWard));
        index.publish(new SearchDocument(new Subject("event", 3), "<script>alert(1)</script> meeting", "About potholes <b>now</b>.", "/events/3", null));
        for (int i = 0; i < 25; i++) {
            index.publish(new SearchDocument(new Subject("consultation", 100 + i), "Library hours " + i, "Opening libraries later.", "/consultations/" + (100 + i), ward));
        }
    }

    @Test
    void accentsAndWordFormsMatchAndTitlesRankAboveBodies() {
        var results = app.platform.search.search(new SearchIndex.Query("cafe", Set.of(), null, 1));
        assertThat(results.hits()).extracting(SearchHit::title).containsExactly("Potholes on Café Street", "Street lighting");
        assertThat(app.platform.search.search(new SearchIndex.Query("pothole", Set.of(), null, 1)).hits())
                .extracting(SearchHit::url).containsExactly("/problems/1", "/events/3");
    }

    @Test
    void kindAndPlaceFiltersNarrowTheResults() {
        assertThat(app.platform.search.search(new SearchIndex.Query("pothole", Set.of("event"), null, 1)).hits())
                .extracting(SearchHit::url).containsExactly("/events/3");
        assertThat(app.platform.search.search(new SearchIndex.Query("cafe", Set.of(), otherWard, 1)).hits())
                .extracting(SearchHit::url).containsExactly("/problems/2");
        long council = app.platform.places.tree().stream().filter(p -> p.kind().equals("council")).findFirst().orElseThrow().id();
        assertThat(app.platform.search.search(new SearchIndex.Query("cafe", Set.of(), council, 1)).hits()).hasSize(2);
    }

    @Test
    void withdrawnItemsAreNoLongerFound() {
        app.platform.search.publish(new SearchDocument(new Subject("problem", 9), "Overflowing zeppelins", "Zeppelins overflow.", "/problems/9", ward));
        assertThat(app.platform.search.search(new SearchIndex.Query("zeppelin", Set.of(), null, 1)).hits()).hasSize(1);
        app.platform.search.withdraw(new Subject("problem", 9));
        assertThat(app.platform.search.search(new SearchIndex.Query("zeppelin", Set.of(), null, 1)).hits()).isEmpty();
    }

    @Test
    void theSearchPageEscapesTextMarksMatchesAndPages() {
        String body = app.client().get("/search?q=potholes").body();
        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt; meeting").doesNotContain("<script>alert(1)")
                .contains("<mark>potholes</mark>").doesNotContain("<b>now");
        String first = app.client().get("/search?q=library&kind=consultation").body();
        assertThat(first).contains("Library hours").contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
        String second = app.client().get("/search?q=library&kind=consultation&page=2").body();
        assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(second.split("Library hours", -1)).hasSize(6);
    }

    @Test
    void thePageOffersOnlyKindsThatHaveSomethingToFind() {
        assertThat(app.platform.search.kinds()).contains("problem", "event", "consultation", "proposal").doesNotContain("budget");
        String page = app.client().get("/search?q=potholes").body();
        assertThat(page).contains("id=\"kind-problem\"").doesNotContain("id=\"kind-budget\"");
    }

    @Test
    void oddInputIsHandledNotRefusedWithAnError() {
        assertThat(app.client().get("/search?q=%22unclosed+-&page=abc&place=xyz&kind=nonsense").status()).isEqualTo(200);
        assertThat(app.client().get("/search?q=" + "a".repeat(500)).body()).contains("Only the first 200 characters");
        assertThat(app.client().get("/search?q=%26%7C%21%3A*").status()).isEqualTo(200);
        assertThat(app.client().get("/search").body()).doesNotContain("search-none");
    }
}
