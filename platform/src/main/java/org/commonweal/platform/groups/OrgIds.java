package org.commonweal.platform.groups;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The UK org-id registers (org-id.guide) a group's identifier may name, and the check of an identifier such as
 * {@code GB-CHC-1090095} against its register's pattern. The registers come from a compact resource made from the
 * org-id lists (the lists themselves are not on a running machine); a test checks the two agree.
 */
final class OrgIds {
    /** One register: its prefix code, its name as org-id.guide gives it, the pattern of its identifiers and an example. */
    record Register(String code, String name, Pattern pattern, String example) {
    }

    /** What a typed identifier is: the identifier as stored, or why it is refused (a message key and its arguments). */
    record Checked(String identifier, String errorKey, Object[] errorArgs) {
        boolean ok() {
            return errorKey == null;
        }
    }

    static final List<Register> REGISTERS = load();

    private OrgIds() {
    }

    private static List<Register> load() {
        List<Register> registers = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(OrgIds.class.getResourceAsStream("org-id-registers.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                registers.add(new Register(f[0], f[1], Pattern.compile(f[2]), f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(registers);
    }

    static Optional<Register> register(String code) {
        return REGISTERS.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /**
     * Checks one typed identifier: the register is the longest known code it starts with (so GB-SCOTEDU is not read as
     * GB-SC), case aside; the rest must match the register's pattern exactly.
     */
    static Checked check(String typed) {
        String value = typed.strip();
        String upper = value.toUpperCase(Locale.ROOT);
        Optional<Register> register = REGISTERS.stream().filter(r -> upper.startsWith(r.code() + "-"))
                .max(Comparator.comparingInt(r -> r.code().length()));
        if (register.isEmpty()) {
            return new Checked(value, "groups.error.orgId.register", new Object[]{value});
        }
        Register r = register.get();
        String local = value.substring(r.code().length() + 1).strip();
        if (!r.pattern().matcher(local).matches()) {
            return new Checked(value, "groups.error.orgId.form", new Object[]{r.code(), r.name(), "groups.orgId.form." + r.code(), r.example()});
        }
        return new Checked(r.code() + "-" + local, null, null);
    }
}
