package org.commonweal.platform.budgets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an uploaded voter register: one identifier a line (an electoral roll number, a council tax reference),
 * an optional first line "identifier", UTF-8. Every problem is reported with its line number and the file is
 * used only when it has none, so a half-read register never replaces a good one.
 */
final class RegisterFile {
    static final int MAX_LENGTH = 64;
    /** 1 MB as the form's hint says, in binary megabytes like every other upload limit: 1,048,576 bytes. */
    static final int MAX_BYTES = 1024 * 1024;

    /** A problem on one line: a message key whose arguments are the line number and, for a repeat, the earlier line. */
    record Problem(int line, String key, int otherLine) {
    }

    /** The identifiers (normalised, in file order) or the problems; never both. */
    record Parsed(List<String> identifiers, List<Problem> problems) {
    }

    private RegisterFile() {
    }

    /**
     * How an identifier is compared: case and spaces do not matter, since people type "ab 12 3" for "AB123".
     * Both the register and what a voter or officer types go through this before hashing.
     */
    static String normalise(String identifier) {
        return identifier.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    static Parsed parse(String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r?\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) count--;
        List<String> identifiers = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int line = i + 1;
            String raw = lines[i].strip();
            if (i == 0 && raw.equalsIgnoreCase("identifier")) continue;
            if (raw.isEmpty()) {
                problems.add(new Problem(line, "budgets.register.error.empty", 0));
                continue;
            }
            if (raw.length() > MAX_LENGTH) {
                problems.add(new Problem(line, "budgets.register.error.tooLong", 0));
                continue;
            }
            if (raw.contains(",") || raw.chars().anyMatch(Character::isISOControl)) {
                problems.add(new Problem(line, "budgets.register.error.characters", 0));
                continue;
            }
            String id = normalise(raw);
            Integer earlier = firstLine.putIfAbsent(id, line);
            if (earlier != null) {
                problems.add(new Problem(line, "budgets.register.error.duplicate", earlier));
                continue;
            }
            identifiers.add(id);
        }
        if (identifiers.isEmpty() && problems.isEmpty()) problems.add(new Problem(0, "budgets.register.error.noIdentifiers", 0));
        return problems.isEmpty() ? new Parsed(List.copyOf(identifiers), List.of()) : new Parsed(List.of(), List.copyOf(problems));
    }
}
