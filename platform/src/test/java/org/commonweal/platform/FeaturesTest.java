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

/** The feature list is the one place a feature is registered: the menu and the demo come from it. */
class FeaturesTest extends PlatformTestCase {
    private static final Pattern MENU_LINK = Pattern.compile("class=\"govuk-service-navigation__link\" href=\"([^\"]+)\"");

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
    void theMenuFollowsTheListAndShowsEachRoleItsOwnEntries() {
        List<String> visitor = menu(app.client().get("/").body());
        assertThat(visitor).containsExactly("/", "/places", "/budgets", "/problems", "/groups", "/services", "/grants", "/consultations", "/events",
                "/elections", "/conversations", "/library", "/volunteering", "/search", "/sign-in", "/register");
        List<String> organiser = menu(app.signedInAs("organiser").get("/").body());
        assertThat(organiser).containsSubsequence("/elections", "/elections/modeller", "/search", "/account", "/notifications");
        assertThat(organiser).doesNotContain("/moderation", "/admin");
        List<String> admin = menu(app.signedInAs("admin").get("/").body());
        assertThat(admin).containsSubsequence("/account", "/notifications", "/moderation", "/admin");
        assertThat(admin).contains("/elections/modeller");
        assertThat(app.signedInAs("moderator").get("/").body()).contains("href=\"/moderation\"");
        assertThat(menu(app.signedInAs("officer").get("/").body())).containsSubsequence("/services", "/services/review");
    }

    @Test
    void theCurrentEntryIsTheLongestThatMatches() {
        String modeller = app.signedInAs("organiser").get("/elections/modeller").body();
        assertThat(modeller).contains("href=\"/elections/modeller\" aria-current=\"page\"").doesNotContain("href=\"/elections\" aria-current=\"page\"");
    }

    @Test
    void featuresAreReachedByTheirType() {
        assertThat(app.platform.feature(ElectionsFeature.class)).isNotNull();
        assertThat(app.platform.features()).allSatisfy(f -> assertThat(f).isInstanceOf(Feature.class));
    }
}
