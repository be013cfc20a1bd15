package org.commonweal.platform.volunteers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The column mapping step of an import: what each column of the export becomes. Guessed from the header (TeamKinetic's
 * names first), confirmed or changed by the person importing. Special category data (health, ethnicity, date of birth
 * and age) is never imported: those columns are fixed at {@link #SPECIAL} and the form cannot change them.
 */
final class ImportMapping {
    static final String SKIP = "skip";
    static final String SPECIAL = "special";
    /** What a column may become, in the order the form offers them; names are messages {@code volunteers.import.target.<code>}. */
    static final List<String> TARGETS = List.of(SKIP, "firstName", "surname", "email", "mobile", "gender", "externalId", "mayEmail",
            "checkDone", "checkEnhanced", "checkExpires", "checkReference", "inducted", "inductedOn");
    /** Targets that need a column: a volunteer is known by the export's id and has a name. */
    static final List<String> REQUIRED = List.of("externalId", "firstName");
    /** Columns whose header names special category data or what reveals it (age from date of birth, support needs). */
    static final Set<String> SPECIAL_HEADERS = Set.of("DOB", "AGE", "ETHNICITY", "DISABLED", "DISABILITYDESCRIPTION", "SUPPORTREQUIRED",
            "DATEOFBIRTH", "RELIGION", "SEXUALORIENTATION", "HEALTH", "MEDICALCONDITIONS");
    private static final Map<String, String> GUESSES = Map.ofEntries(
            Map.entry("FIRSTNAME", "firstName"), Map.entry("FORENAME", "firstName"), Map.entry("FIRST_NAME", "firstName"),
            Map.entry("SURNAME", "surname"), Map.entry("LASTNAME", "surname"), Map.entry("LAST_NAME", "surname"),
            Map.entry("EMAIL", "email"), Map.entry("MOBILE", "mobile"), Map.entry("GENDER", "gender"),
            Map.entry("VOLID", "externalId"), Map.entry("SENDEMAILS", "mayEmail"),
            Map.entry("CRIMINALCHECK", "checkDone"), Map.entry("CRIMINALCHECKENHANCED", "checkEnhanced"),
            Map.entry("CHECKEXPIRES", "checkExpires"), Map.entry("CRIMINALCHECKNUMBER", "checkReference"),
            Map.entry("INDUCTED", "inducted"), Map.entry("DATE_OF_VOLUNTEER_INDUCTIO", "inductedOn"));

    private ImportMapping() {
    }

    static boolean special(String header) {
        return SPECIAL_HEADERS.contains(header.strip().toUpperCase(Locale.ROOT));
    }

    /** A target per column: special category columns fixed, each target guessed for the first column that names it. */
    static List<String> guess(List<String> header) {
        List<String> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String h : header) {
            if (special(h)) {
                out.add(SPECIAL);
                continue;
            }
            String t = GUESSES.getOrDefault(h.strip().toUpperCase(Locale.ROOT), SKIP);
            out.add(t.equals(SKIP) || !taken.add(t) ? SKIP : t);
        }
        return out;
    }

    /**
     * The mapping as posted (one target per column, {@code column0}, {@code column1}, ...), checked: special columns stay
     * unimported whatever was posted; each target at most once; the required ones present. Errors go in {@code errors}
     * as message keys with the column's number.
     */
    static List<String> read(List<String> header, java.util.function.IntFunction<String> posted, List<String[]> errors) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> first = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (special(header.get(i))) {
                out.add(SPECIAL);
                continue;
            }
            String t = posted.apply(i);
            if (t == null || !TARGETS.contains(t)) t = SKIP;
            if (!t.equals(SKIP) && first.putIfAbsent(t, i) != null) {
                errors.add(new String[]{"column" + i, "volunteers.import.error.twice", String.valueOf(first.get(t) + 1), String.valueOf(i + 1), t});
            }
            out.add(t);
        }
        for (String r : REQUIRED) {
            if (!out.contains(r)) errors.add(new String[]{"column0", "volunteers.import.error.required." + r});
        }
        return out;
    }
}
