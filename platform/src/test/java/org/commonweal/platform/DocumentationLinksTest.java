package org.commonweal.platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every link and every file or class the documentation names exists: README.md and docs/**&#47;*.md are read,
 * and each relative link (with its #anchor), each repository path in backticks (`platform/src/...`,
 * `core/accounts/PersonalData`, `../shared/data/...`), each source file name (`V2__budgets.sql`) and each class
 * name in backticks (`BallotBox`, `PermissionTest`) must resolve. Code blocks are left alone: they hold commands
 * and examples, not references. The code's own references to docs/*.md are checked too.
 */
class DocumentationLinksTest {
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```[^\\n]*$");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *#*$");
    private static final Pattern REPO_PATH = Pattern.compile("(?:engines|platform|cli|docs|\\.\\./shared/data)/[^\\s]*");
    private static final Pattern CORE_PATH = Pattern.compile("core/[a-z]+(?:/[A-Za-z]+)?/?");
    private static final Pattern SOURCE_FILE = Pattern.compile("[\\w.-]+\\.(?:java|jte|sql|properties|md|xml|css)");
    private static final Pattern CLASS_NAME = Pattern.compile("([A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)(?:[.(].*)?");
    private static final Pattern DECLARATION = Pattern.compile("\\b(?:class|record|enum|interface) ([A-Z][A-Za-z0-9]*)");
    private static final Pattern PLACEHOLDER = Pattern.compile("[<{*]");
    /** Words in camel case that name no class: cookie attributes and the like. */
    private static final Set<String> NOT_CLASSES = Set.of("HttpOnly");
    private static final Pattern DOC_REFERENCE = Pattern.compile("\\bdocs/[\\w/.-]+\\.md");
    private static final Path PACKAGE_ROOT = Path.of("platform/src/main/java/org/commonweal/platform");

    static Path root;
    static final Set<String> fileNames = new HashSet<>();
    static final Set<String> typeNames = new HashSet<>();

    @BeforeAll
    static void indexTheRepository() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("commonweal"))) root = root.getParent();
        for (Path file : sources()) {
            fileNames.add(file.getFileName().toString());
            if (file.toString().endsWith(".java")) {
                Matcher m = DECLARATION.matcher(Files.readString(file));
                while (m.find()) typeNames.add(m.group(1));
            }
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String relative = root.relativize(p).toString();
                        return !relative.startsWith(".") && !relative.startsWith("data/") && !relative.contains("/target/") && !relative.startsWith("target/");
                    }).toList();
        }
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> files = Files.walk(root.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @Test
    void everyLinkAndAnchorInTheDocumentationLeadsSomewhere() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher m = LINK.matcher(prose(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) continue; // http, https, mailto: outside the repository
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(where(doc) + ": link to " + target + ": no such file");
                } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(where(doc) + ": link to " + target + ": no heading with that anchor in " + root.relativize(resolved));
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyFileAndClassTheDocumentationNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher m = CODE.matcher(prose(doc));
            while (m.find()) {
                String named = m.group(1).trim();
                String problem = check(named);
                if (problem != null) missing.add(where(doc) + ": `" + named + "` " + problem);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyDocumentTheCodeNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : sources()) {
            String name = file.getFileName().toString();
            if (!(name.endsWith(".java") || name.endsWith(".jte") || name.endsWith(".xml") || name.equals("commonweal"))) continue;
            Matcher m = DOC_REFERENCE.matcher(Files.readString(file));
            while (m.find()) {
                if (!Files.isRegularFile(root.resolve(m.group()))) missing.add(root.relativize(file) + " names " + m.group());
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Why a backticked name resolves to nothing, or null when it resolves (or is not a reference at all). */
    private static String check(String named) {
        if (REPO_PATH.matcher(named).matches()) {
            if (named.contains("/target/")) return null; // build output, made by running something
            Matcher placeholder = PLACEHOLDER.matcher(named);
            if (placeholder.find()) {
                // A pattern such as platform/src/main/jte/<feature>/: the folder it starts in must exist.
                String fixed = named.substring(0, placeholder.start());
                Path folder = root.resolve(fixed.substring(0, fixed.lastIndexOf('/') + 1));
                return Files.isDirectory(folder) ? null : "starts in " + fixed + ", which is not a folder in the repository";
            }
            return Files.exists(root.resolve(named)) ? null : "is not a path in the repository";
        }
        if (CORE_PATH.matcher(named).matches()) {
            Path p = root.resolve(PACKAGE_ROOT).resolve(named);
            return Files.isDirectory(p) || Files.isRegularFile(Path.of(p + ".java")) ? null : "is not a package or class under " + PACKAGE_ROOT;
        }
        if (SOURCE_FILE.matcher(named).matches()) {
            return fileNames.contains(named) ? null : "is not a file in the repository";
        }
        Matcher c = CLASS_NAME.matcher(named);
        if (c.matches() && !named.contains(" ") && !named.startsWith("Xxx") && !NOT_CLASSES.contains(c.group(1))) {
            String type = c.group(1);
            return typeNames.contains(type) || isJavaPlatformClass(type) ? null : "is not a class, record, enum or interface in the sources";
        }
        return null;
    }

    private static boolean isJavaPlatformClass(String name) {
        for (String pkg : List.of("java.lang.", "java.util.", "java.math.", "java.time.", "java.util.concurrent.")) {
            try {
                Class.forName(pkg + name);
                return true;
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return false;
    }

    /** GitHub's anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    static Set<String> anchors(Path markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = HEADING.matcher(prose(markdown));
        while (m.find()) {
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }

    private static String prose(Path markdown) {
        try {
            return FENCE.matcher(Files.readString(markdown)).replaceAll("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(Path doc) {
        return root.relativize(doc).toString();
    }
}
