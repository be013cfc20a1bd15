package org.commonweal.platform.core.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every user-visible string comes from a message bundle: the platform's own ({@code messages.properties}) and one per
 * feature beside its package ({@code org/commonweal/platform/<feature>/messages.properties}), found on the class path,
 * so a feature adds its bundle (and later its Welsh {@code messages_cy.properties}) without touching another's. A key
 * is in one bundle only; a key in two stops the platform at start-up. Messages are ICU message patterns, so a count
 * is written with its language's plural forms ({@code {0, plural, one {# sheet} other {# sheets}}}: Welsh has six).
 */
public final class Messages {
    private static final String FEATURES = "org/commonweal/platform";
    private final Map<String, String> patterns;
    private final Locale locale;
    private final java.util.concurrent.ConcurrentHashMap<String, com.ibm.icu.text.MessageFormat> compiled = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, int[]> pluralArguments = new java.util.concurrent.ConcurrentHashMap<>();

    public Messages(Locale locale) {
        this.locale = locale;
        Map<String, String> all = new TreeMap<>();
        Map<String, String> origin = new TreeMap<>();
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (String base : bundleNames()) {
            ResourceBundle bundle = ResourceBundle.getBundle(base, locale, noFallback);
            for (String key : Collections.list(bundle.getKeys())) {
                String before = origin.putIfAbsent(key, base);
                if (before != null) throw new IllegalStateException("message key '" + key + "' is in both " + before + " and " + base);
                all.put(key, bundle.getString(key));
            }
        }
        this.patterns = Map.copyOf(all);
    }

    public static final Messages ENGLISH = new Messages(Locale.UK);

    /** The platform's bundle, then each feature's, by name. */
    static List<String> bundleNames() {
        List<String> names = new ArrayList<>(List.of("messages"));
        Set<String> features = new TreeSet<>();
        try {
            for (URL root : Collections.list(Messages.class.getClassLoader().getResources(FEATURES))) {
                try (Stream<Path> dirs = Files.list(open(root.toURI()))) {
                    dirs.filter(d -> Files.isRegularFile(d.resolve("messages.properties")))
                            .forEach(d -> features.add(FEATURES.replace('/', '.') + "." + d.getFileName().toString().replace("/", "") + ".messages"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the features' message bundles", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        names.addAll(features);
        return names;
    }

    /** A folder on the class path, from a directory or from inside the platform's jar. */
    private static Path open(URI uri) throws IOException {
        if (!uri.getScheme().equals("jar")) return Path.of(uri);
        FileSystem jar;
        try {
            jar = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(uri);
        }
        return jar.provider().getPath(uri);
    }

    /**
     * A day in words in this language ("7 December 2026"): a date as it is, a moment as the day it was in the UK. Pages
     * never show ISO dates; forms' date fields keep them.
     */
    public String date(java.time.temporal.TemporalAccessor when) {
        if (when == null) return "";
        java.time.LocalDate day = switch (when) {
            case java.time.LocalDate d -> d;
            case java.time.LocalDateTime t -> t.toLocalDate();
            case java.time.OffsetDateTime t -> t.atZoneSameInstant(UK_TIME).toLocalDate();
            case java.time.ZonedDateTime t -> t.withZoneSameInstant(UK_TIME).toLocalDate();
            case java.time.Instant t -> t.atZone(UK_TIME).toLocalDate();
            default -> java.time.LocalDate.from(when);
        };
        return day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    }

    /** A moment in words, as the UK's clocks showed it ("7 December 2026, 14:05"). */
    public String dateTime(java.time.OffsetDateTime when) {
        if (when == null) return "";
        return when.atZoneSameInstant(UK_TIME).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale));
    }

    private static final java.time.ZoneId UK_TIME = java.time.ZoneId.of("Europe/London");
    private static final java.util.regex.Pattern ISO_DAY = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private String isoDay(String text) {
        try {
            return date(java.time.LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return text;
        }
    }

    public String get(String key, Object... args) {
        String pattern = patterns.get(key);
        if (pattern == null) throw new IllegalArgumentException("no message for key '" + key + "'");
        // Most messages take no arguments and have no quotes: skip formatting (a hot path on every page).
        if (args.length == 0 && pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) return pattern;
        // Parsed once per key; an ICU MessageFormat is not safe to share unlocked, and a format takes microseconds.
        com.ibm.icu.text.MessageFormat format = compiled.computeIfAbsent(key, k -> new com.ibm.icu.text.MessageFormat(pattern, locale));
        Object[] values = datesInWords(countsAsNumbers(pluralArguments.computeIfAbsent(key, k -> pluralArguments(pattern)), args));
        synchronized (format) {
            return format.format(values);
        }
    }

    /**
     * A day or a moment given as an argument is written in words, as {@link #date} and {@link #dateTime} write it; so is
     * an argument that is a whole ISO day in text, as stored arguments (a notification's) keep days.
     */
    private Object[] datesInWords(Object[] args) {
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            String words = switch (args[i]) {
                case java.time.LocalDate d -> date(d);
                case java.time.OffsetDateTime t -> dateTime(t);
                case java.time.ZonedDateTime t -> dateTime(t.toOffsetDateTime());
                case java.time.Instant t -> dateTime(t.atOffset(java.time.ZoneOffset.UTC));
                case String text when ISO_DAY.matcher(text).matches() -> isoDay(text);
                case null, default -> null;
            };
            if (words == null) continue;
            if (out == args) out = args.clone();
            out[i] = words;
        }
        return out;
    }

    /**
     * Arguments that choose a plural form must be numbers, but some arrive as text (a reason stored in the database, a
     * notification's arguments): those are read as the numbers they spell. Only plural arguments are touched, so a
     * title such as "2024" elsewhere in the message is never reformatted.
     */
    private static Object[] countsAsNumbers(int[] plural, Object[] args) {
        if (plural.length == 0) return args;
        Object[] out = args.clone();
        for (int index : plural) {
            if (index < out.length && out[index] instanceof String text) {
                try {
                    out[index] = new java.math.BigDecimal(text.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("message argument " + index + " ('" + text + "') must be a number: it chooses a plural form");
                }
            }
        }
        return out;
    }

    /** The indexes of the arguments that choose a plural form in {@code pattern}. */
    private static int[] pluralArguments(String pattern) {
        if (!pattern.contains("plural")) return new int[0];
        com.ibm.icu.text.MessagePattern parsed = new com.ibm.icu.text.MessagePattern(pattern);
        java.util.List<Integer> found = new java.util.ArrayList<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            com.ibm.icu.text.MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == com.ibm.icu.text.MessagePattern.Part.Type.ARG_START
                    && part.getArgType() == com.ibm.icu.text.MessagePattern.ArgType.PLURAL) found.add(parsed.getPart(i + 1).getValue());
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    public boolean has(String key) {
        return patterns.containsKey(key);
    }

    public Set<String> keys() {
        return patterns.keySet();
    }
}
