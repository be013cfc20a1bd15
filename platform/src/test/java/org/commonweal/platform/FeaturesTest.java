package org.commonweal.platform;

import org.commonweal.platform.core.feature.Feature;
import org.commonweal.platform.elections.ElectionsFeature;
import org.commonweal.platform.testing.PlatformTestCase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The feature list is the one place a feature is registered: the menus and the demo come from it. */
class FeaturesTest extends PlatformTestCase {
    private static final Pattern MENU_LINK = Pattern.compile("class=\"govuk-service-navigation__link\" href=\"([^\"]+)\"");

    private static final Pattern HUB_LINK = Pattern.compile("<h2 class=\"govuk-heading-m govuk-!-margin-bottom-0\"><a class=\"govuk-link\" href=\"([^\"]+)\"");

    private static List<String> hub(String html) {
        Matcher m = HUB_LINK.matcher(html);
        List<String> hrefs = new java.util.ArrayList<>();
        while (m.find()) hrefs.add(m.group(1));
        return hrefs;
    }

    private static List<String> menu(String html) {
        Matcher m = MENU_LINK.matcher(html);
        List<String> hrefs = new java.util.ArrayList<>();
        while (m.find()) hrefs.add(m.group(1));
        return hrefs;
    }

    @Test
    void everyClassThatImplementsFeatureIsInTheList() throws IOException {
        Path sources = Path.of("src/main/java/org/commonweal/platform");
        List<String> declared;
        try (Stream<Path> files = Files.walk(sources)) {
            declared = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).matches("(?s).*\\bclass \\w+ implements (\\w+, )*Feature\\b.*");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString().replace(".java", "")).sorted().toList();
        }
        assertThat(declared).isNotEmpty();
        for (String name : declared) {
            assertThat(app.platform.features().stream().map(f -> f.getClass().getSimpleName())).as("listed in Features.ALL").contains(name);
        }
        assertThat(Features.ALL).hasSameSizeAs(declared);
    }

    @Test
    void theMainMenuKeepsToHomePlacesTheHubsAndSearch() {
        assertThat(menu(app.client().get("/").body())).containsExactly("/", "/places", "/take-part", "/community", "/search");
        assertThat(menu(app.signedInAs("resident").get("/").body())).containsExactly("/", "/places", "/take-part", "/community", "/search");
        for (String staff : List.of("officer", "organiser", "moderator", "admin")) {
            assertThat(menu(app.signedInAs(staff).get("/").body())).as(staff).containsExactly("/", "/places", "/take-part", "/community", "/search", "/tools");
        }
    }

    @Test
    void eachHubListsTheFeaturesInTheirOrderAndEachRoleItsOwnTools() {
        assertThat(hub(app.client().get("/take-part").body())).containsExactly("/budgets", "/problems", "/conversations", "/consultations", "/elections");
        assertThat(hub(app.client().get("/community").body())).containsExactly("/groups", "/services", "/grants", "/events", "/library", "/volunteering");
        assertThat(hub(app.signedInAs("resident").get("/community").body())).contains("/volunteering/mine", "/care", "/volunteer/profile");
        assertThat(hub(app.signedInAs("resident").get("/community").body())).contains("/account/skills");
        assertThat(hub(app.signedInAs("officer").get("/tools").body())).containsExactly("/residence/letters", "/services/review");
        assertThat(hub(app.signedInAs("organiser").get("/tools").body())).containsExactly("/elections/modeller");
        assertThat(hub(app.signedInAs("moderator").get("/tools").body())).containsExactly("/moderation");
        assertThat(hub(app.signedInAs("admin").get("/tools").body())).containsSubsequence("/residence/letters", "/moderation", "/services/review",
                "/elections/modeller", "/admin");
        assertThat(app.signedInAs("resident").get("/tools").status()).isEqualTo(403);
        assertThat(app.signedInAs("resident").get("/").body()).contains("href=\"/account\"", "href=\"/notifications\"").doesNotContain("href=\"/tools\"");
    }

    @Test
    void everyHubEntryHasItsLineOfExplanation() {
        String body = app.signedInAs("admin").get("/community").body() + app.signedInAs("admin").get("/take-part").body()
                + app.signedInAs("admin").get("/tools").body();
        assertThat(body).doesNotContain(".hint").doesNotContain("nav.");
    }

    @Test
    void theCurrentHubIsMarkedOnItsFeaturesPages() {
        String modeller = app.signedInAs("organiser").get("/elections/modeller").body();
        assertThat(modeller).contains("href=\"/tools\" aria-current=\"page\"").doesNotContain("href=\"/take-part\" aria-current=\"page\"");
        assertThat(app.client().get("/budgets").body()).contains("href=\"/take-part\" aria-current=\"page\"");
        assertThat(app.client().get("/community").body()).contains("href=\"/community\" aria-current=\"page\"");
    }

    @Test
    void featuresAreReachedByTheirType() {
        assertThat(app.platform.feature(ElectionsFeature.class)).isNotNull();
        assertThat(app.platform.features()).allSatisfy(f -> assertThat(f).isInstanceOf(Feature.class));
    }
}
