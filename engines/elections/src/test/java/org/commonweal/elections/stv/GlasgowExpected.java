package org.commonweal.elections.stv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The published outcome of each Glasgow 2007 ward, read from {@code expected.json} (flat, so a pattern suffices). */
record GlasgowExpected(String file, int seats, long ballots, String quota, List<String> electedInOrder) {
    private static final Pattern WARD = Pattern.compile(
            "\"([^\"]+\\.blt)\"\\s*:\\s*\\{\\s*\"seats\"\\s*:\\s*(\\d+)\\s*,\\s*\"ballots\"\\s*:\\s*(\\d+)\\s*,"
                    + "\\s*\"quota\"\\s*:\\s*\"([0-9.]+)\"\\s*,\\s*\"elected_in_order\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern NAME = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Map<String, GlasgowExpected> load(Path dir) throws IOException {
        String json = Files.readString(dir.resolve("expected.json"));
        Map<String, GlasgowExpected> wards = new LinkedHashMap<>();
        Matcher m = WARD.matcher(json);
        while (m.find()) {
            List<String> names = new ArrayList<>();
            Matcher n = NAME.matcher(m.group(5));
            while (n.find()) names.add(n.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            wards.put(m.group(1), new GlasgowExpected(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)), m.group(4), names));
        }
        return wards;
    }
}
