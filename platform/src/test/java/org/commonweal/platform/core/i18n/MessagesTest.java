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
    void everyMessageFormatsWithoutLosingApostrophesOrBraces() {
        for (String key : Messages.ENGLISH.keys()) {
            String text = Messages.ENGLISH.get(key, "X", "Y");
            assertThat(text).as(key).doesNotContain("{0}").isNotBlank();
        }
        assertThat(Messages.ENGLISH.get("service.tagline")).contains("area's");
    }

    /** MessageFormat reads a lone ' as the start of a quoted run: the apostrophe vanishes and so do the {0} after it. */
    @Test
    void everyApostropheInTheBundleIsWrittenTwice() throws IOException {
        List<String> lone = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("src/main/resources/messages.properties"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int eq = line.indexOf('=');
            if (line.isBlank() || line.stripLeading().startsWith("#") || eq < 0) continue;
            if (line.substring(eq + 1).replace("''", "").indexOf('\'') >= 0) lone.add("messages.properties line " + (i + 1) + ": " + line.substring(0, eq).strip());
        }
        assertThat(lone).isEmpty();
    }
}
