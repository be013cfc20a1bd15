package org.commonweal.platform.volunteers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Languages as ISO 639-1 codes (the JDK's list), named in English on pages. The form offers the languages most spoken
 * in the UK as checkboxes and takes any other by name or code.
 */
public final class Languages {
    static final Set<String> ISO_639_1 = Arrays.stream(Locale.getISOLanguages()).collect(Collectors.toUnmodifiableSet());
    /** English, Welsh and the languages most spoken in England and Wales after it (2021 census), then Gaelic and Irish. */
    public static final List<String> COMMON = List.of("en", "cy", "pl", "ro", "pa", "ur", "pt", "es", "ar", "bn", "gu", "it", "lt", "zh",
            "fr", "ta", "tr", "so", "de", "fa", "ru", "uk", "hi", "gd", "ga");

    private Languages() {
    }

    /** The language's English name ("Polish" for pl). */
    public static String name(String code) {
        return Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK);
    }

    /** The code a typed name or code stands for ("Polish", "polski" is not known, "pl"), if it is a language. */
    static Optional<String> code(String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        if (ISO_639_1.contains(t)) return Optional.of(t);
        return ISO_639_1.stream().filter(c -> name(c).toLowerCase(Locale.ROOT).equals(t)).findFirst();
    }
}
