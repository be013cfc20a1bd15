package org.commonweal.platform.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.core.http.Photo;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.elections.Multipart;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Photos as evidence (checked by their first bytes, alt text required, served with nosniff) and documents as titled links. */
class StoryEvidenceTest extends PlatformTestCase {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void theAuthorAddsCheckedPhotosAndLinksThatReadersSee() throws Exception {
        TestClient author = LibraryTest.person("evidence-author@example.org", Set.of());
        TestClient other = LibraryTest.person("evidence-other@example.org", Set.of());
        TestClient officer = LibraryTest.person("evidence-officer@example.org", Set.of(Role.OFFICER));
        long id = LibraryTest.draft(author, LibraryTest.story("Planting the verges", "Quayside", "green", "deliver_services"));
        author.get("/library/" + id);

        TestClient.Response added = Multipart.post(app, author, "/library/" + id + "/photos", Map.of("photoAlt", "Bulbs in the verge"), "photo", "v.png", PNG);
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        long photo = app.count("SELECT max(id) FROM library_story_photos WHERE story_id = " + id);
        long photos = app.count("SELECT count(*) FROM library_story_photos");
        TestClient.Response html = Multipart.post(app, author, "/library/" + id + "/photos", Map.of("photoAlt", "x"), "photo", "v.png",
                "<html><script>alert(1)</script>".getBytes());
        assertThat(html.status()).isEqualTo(422);
        assertThat(html.body()).contains("The photo must be a JPEG, PNG or WebP image");
        TestClient.Response noAlt = Multipart.post(app, author, "/library/" + id + "/photos", Map.of("photoAlt", " "), "photo", "v.png", PNG);
        assertThat(noAlt.body()).contains("Describe the photo for people who cannot see it").contains("href=\"#photoAlt\"");
        TestClient.Response big = Multipart.post(app, author, "/library/" + id + "/photos", Map.of("photoAlt", "Huge"), "photo", "big.png", new byte[Photo.MAX_BYTES + 1]);
        assertThat(big.status()).isEqualTo(422);
        assertThat(big.body()).contains("The photo must be 5 MB or smaller");
        assertThat(app.count("SELECT count(*) FROM library_story_photos")).as("nothing stored").isEqualTo(photos);
        other.get("/library");
        assertThat(Multipart.post(app, other, "/library/" + id + "/photos", Map.of("photoAlt", "Mine"), "photo", "v.png", PNG).status())
                .as("not their story").isEqualTo(403);

        assertThat(author.post("/library/" + id + "/links", Map.of("linkTitle", "Parish minutes", "linkUrl", "javascript:alert(1)")).body())
                .contains("Enter a web address starting with http:// or https://");
        assertThat(author.post("/library/" + id + "/links", Map.of("linkTitle", "", "linkUrl", "https://example.org/minutes.pdf")).body())
                .contains("Enter the document").contains("href=\"#linkTitle\"");
        assertThat(author.post("/library/" + id + "/links", Map.of("linkTitle", "Parish minutes", "linkUrl", "https://example.org/minutes.pdf")).status())
                .isEqualTo(302);
        assertThat(other.post("/library/" + id + "/links", Map.of("linkTitle", "Spam", "linkUrl", "https://spam.example")).status()).isEqualTo(403);
        assertThat(app.count("SELECT count(*) FROM library_story_links WHERE story_id = " + id)).isEqualTo(1);

        assertThat(app.client().get("/library/" + id + "/photos/" + photo).status()).as("a draft's photo is hidden like the draft").isEqualTo(404);
        LibraryTest.publish(author, officer, id);
        String page = app.client().get("/library/" + id).body();
        assertThat(page).contains("src=\"/library/" + id + "/photos/" + photo + "\" alt=\"Bulbs in the verge\"")
                .contains("href=\"https://example.org/minutes.pdf\"").contains("Parish minutes");
        TestClient.Response served = app.client().get("/library/" + id + "/photos/" + photo);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(author.post("/library/" + id + "/photos/" + photo + "/remove", Map.of()).status()).as("published: the library's").isEqualTo(409);
        JsonNode mine = new ObjectMapper().readTree(author.get("/account/export").body()).get("data").get("library-stories").get(0);
        assertThat(mine.get("documents").get(0).asText()).isEqualTo("Parish minutes <https://example.org/minutes.pdf>");
        assertThat(mine.get("photos").asInt()).isEqualTo(1);
    }

    @Test
    void theAuthorRemovesEvidenceWhileTheStoryIsTheirs() {
        TestClient author = LibraryTest.person("evidence-remove@example.org", Set.of());
        long id = LibraryTest.draft(author, LibraryTest.story("Removing things", "Quayside", "green", "research"));
        author.get("/library/" + id);
        Multipart.post(app, author, "/library/" + id + "/photos", Map.of("photoAlt", "A photo"), "photo", "v.png", PNG);
        author.post("/library/" + id + "/links", Map.of("linkTitle", "Report", "linkUrl", "https://example.org/r"));
        long photo = app.count("SELECT max(id) FROM library_story_photos WHERE story_id = " + id);
        long link = app.count("SELECT max(id) FROM library_story_links WHERE story_id = " + id);
        assertThat(author.post("/library/" + id + "/photos/" + photo + "/remove", Map.of()).status()).isEqualTo(302);
        assertThat(author.post("/library/" + id + "/links/" + link + "/remove", Map.of()).status()).isEqualTo(302);
        assertThat(author.post("/library/" + id + "/links/" + link + "/remove", Map.of()).status()).as("already gone").isEqualTo(404);
        assertThat(app.count("SELECT count(*) FROM library_story_photos WHERE story_id = " + id)).isZero();
        assertThat(app.count("SELECT count(*) FROM library_story_links WHERE story_id = " + id)).isZero();
    }
}
