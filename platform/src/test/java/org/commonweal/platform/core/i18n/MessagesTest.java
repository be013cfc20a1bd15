package org.commonweal.platform.core.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {
    private static final Pattern KEY_LITERAL = Pattern.compile("(?:page\\.t|messages\\(\\)\\.get|messages\\.get)\\(\"([a-zA-Z0-9_.]+)\"");
    private static final Pattern SOURCE_KEY = Pattern.compile("\"((?:error|admin|register|signIn|confirm|profile|password|delete|forgot|reset|mail|places|home|signOut)\\.[a-zA-Z0-9_.]+)\"");

    @Test
    void everyMessageKeyUsedInTemplatesAndCodeExistsInTheEnglishBundle() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/jte")), Files.walk(Path.of("src/main/java")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                for (Pattern p : List.of(KEY_LITERAL, SOURCE_KEY)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        String key = m.group(1);
                        if (!Messages.ENGLISH.has(key) && !key.endsWith(".") && !key.endsWith(".jte") && !key.startsWith("mail.smtp.")) missing.add(f.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void datesAreWrittenInWordsOnTheDayTheyWereInTheUk() {
        assertThat(Messages.ENGLISH.date(java.time.LocalDate.of(2026, 12, 7))).isEqualTo("7 December 2026");
        // 23:30 UTC in summer is already the next day in London; in winter it is not.
        assertThat(Messages.ENGLISH.date(java.time.OffsetDateTime.parse("2026-07-31T23:30:00Z"))).isEqualTo("1 August 2026");
        assertThat(Messages.ENGLISH.date(java.time.OffsetDateTime.parse("2026-12-31T23:30:00Z"))).isEqualTo("31 December 2026");
        assertThat(Messages.ENGLISH.dateTime(java.time.OffsetDateTime.parse("2026-07-31T23:30:00Z"))).isEqualTo("1 August 2026, 00:30");
        assertThat(Messages.ENGLISH.date(null)).isEmpty();
        // A date handed to a message as an argument is written the same way, never as 2026-12-07.
        assertThat(Messages.ENGLISH.get("budgets.home.closes", java.time.LocalDate.of(2027, 1, 4))).isEqualTo("Voting closes on 4 January 2027");
        assertThat(Messages.ENGLISH.get("budgets.home.closes", "2027-01-04")).as("a stored argument").isEqualTo("Voting closes on 4 January 2027");
        assertThat(Messages.ENGLISH.get("budgets.home.closes", "2027-13-44")).as("not a day").isEqualTo("Voting closes on 2027-13-44");
    }

    @Test
    void everyMessageFormatsWithoutLosingApostrophesOrBraces() {
        for (String key : Messages.ENGLISH.keys()) {
            String text = Messages.ENGLISH.get(key, 2, 3, 4, 5, 6, 7, 8);
            assertThat(text).as(key).doesNotContain("{0").doesNotContain("{1").isNotBlank();
        }
        assertThat(Messages.ENGLISH.get("service.tagline")).contains("area's");
    }

    /** "1 comments", "1 sheets": a count is written with its plural forms wherever a message counts something. */
    @Test
    void aCountOfOneIsNeverFollowedByAPluralNoun() {
        Pattern onePlural = Pattern.compile("\\b1 (?:(?:valid|voting|open|paper) )?(comments|sheets|walk-ins|votes|ballots|replies|members|people|places|"
                + "supporters|proposals|problems|projects|days|minutes|codes|identifiers|answers|responses|registrations|events|reports|seats|"
                + "candidates|voters|entries|questions|documents|characters|constituencies|cards|rounds|hours)\\b");
        List<String> wrong = new ArrayList<>();
        for (String key : Messages.ENGLISH.keys()) {
            String text = Messages.ENGLISH.get(key, 1, 1, 1, 1, 1, 1, 1);
            if (onePlural.matcher(text).find()) wrong.add(key + ": " + text);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void pluralFormsFollowTheCountEvenWhenItArrivesAsText() {
        assertThat(Messages.ENGLISH.get("budgets.paper.awaiting", 1)).startsWith("1 sheet waiting");
        assertThat(Messages.ENGLISH.get("budgets.paper.awaiting", "3")).startsWith("3 sheets waiting");
        assertThat(Messages.ENGLISH.get("events.attendance.counts", 5, 4, 4, 1, 0)).contains("1 walk-in (");
    }

    /** MessageFormat reads a lone ' as the start of a quoted run: the apostrophe vanishes and so do the {0} after it. */
    @Test
    void everyApostropheInEveryBundleIsWrittenTwice() throws IOException {
        List<String> lone = new ArrayList<>();
        for (Path bundle : bundles()) {
            List<String> lines = Files.readAllLines(bundle);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int eq = line.indexOf('=');
                if (line.isBlank() || line.stripLeading().startsWith("#") || eq < 0) continue;
                if (line.substring(eq + 1).replace("''", "").indexOf('\'') >= 0) lone.add(bundle + " line " + (i + 1) + ": " + line.substring(0, eq).strip());
            }
        }
        assertThat(lone).isEmpty();
    }

    @Test
    void eachFeatureHasItsOwnBundleBesideItsPackageAndTheyAreAllRead() throws IOException {
        List<Path> bundles = bundles();
        assertThat(bundles).extracting(p -> p.getParent().getFileName().toString())
                .contains("budgets", "consultations", "deliberation", "elections", "events", "problems");
        for (Path bundle : bundles) {
            String feature = bundle.getParent().getFileName().toString();
            if (feature.equals("resources")) continue;
            assertThat(Path.of("src/main/java/org/commonweal/platform", feature)).as("a bundle beside a feature package").isDirectory();
        }
        assertThat(Messages.bundleNames()).hasSize(bundles.size()).first().isEqualTo("messages");
        assertThat(Messages.ENGLISH.get("budgets.receipt.check.title")).isNotBlank();
    }

    private static List<Path> bundles() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("src/main/resources/messages.properties")));
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/org/commonweal/platform"))) {
            files.filter(p -> p.getFileName().toString().equals("messages.properties")).sorted().forEach(out::add);
        }
        return out;
    }
}
