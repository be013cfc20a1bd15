package org.commonweal.platform.core.skills;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one list of skills people offer (trustees for groups' vacancies now, volunteers later): a short curated list,
 * each a code whose name is the message {@code skills.<code>}. One list, so a skill a group asks for is the skill a
 * resident says they have.
 */
public final class Skills {
    public static final List<String> ALL = load();

    private Skills() {
    }

    private static List<String> load() {
        List<String> codes = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(Skills.class.getResourceAsStream("skills.txt")), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) codes.add(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(codes);
    }

    /** The codes among {@code typed} that are not skills of the list. */
    public static List<String> unknown(List<String> typed) {
        return typed.stream().filter(s -> !ALL.contains(s)).toList();
    }
}
