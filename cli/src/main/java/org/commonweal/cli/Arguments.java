package org.commonweal.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of one command: positional words, {@code --name value} or {@code --name=value} options and
 * {@code --name} switches. Names are declared without dashes and checked against what the command accepts,
 * so a typo is an error rather than silently ignored. Every command parses through here so that the same
 * mistake gets the same message whichever command it is made in.
 */
public final class Arguments {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();

    private Arguments() {
    }

    /**
     * @param valued   names of options that take a value
     * @param switches names of options that take none
     */
    public static Arguments parse(List<String> args, Set<String> valued, Set<String> switches) throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                parsed.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name)) {
                if (inline != null) throw new UsageException("--" + name + " takes no value");
                parsed.values.put(name, "");
            } else if (valued.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.size()) throw new UsageException("--" + name + " needs a value");
                    value = args.get(++i);
                }
                parsed.values.put(name, value);
            } else {
                Set<String> accepted = new TreeSet<>(valued);
                accepted.addAll(switches);
                String expected = accepted.isEmpty() ? "this command takes none" : "expected --" + String.join(", --", accepted);
                throw new UsageException("unknown option '--" + name + "' (" + expected + ")");
            }
        }
        return parsed;
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** For commands that take options only: a stray word is refused rather than ignored. */
    public void noPositional() throws UsageException {
        if (!positional.isEmpty()) throw new UsageException("unexpected argument '" + positional.getFirst() + "'");
    }

    /** Whether the option or switch was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public String required(String name) throws UsageException {
        String value = values.get(name);
        if (value == null) throw new UsageException("missing --" + name);
        return value;
    }

    public int integer(String name, int fallback, int min, int max) throws UsageException {
        String value = values.get(name);
        return value == null ? fallback : (int) wholeNumber(name, value, min, max);
    }

    public long number(String name, long fallback, long min, long max) throws UsageException {
        String value = values.get(name);
        return value == null ? fallback : wholeNumber(name, value, min, max);
    }

    /** Any whole number that fits a long, such as a seed. */
    public long number(String name, long fallback) throws UsageException {
        return number(name, fallback, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The value of option {@code --name} read by the caller itself, refused in the same words as {@link #number}. */
    public static long wholeNumber(String name, String value, long min, long max) throws UsageException {
        return wholeNumberOf("--" + name, value, min, max);
    }

    /** Any whole number the user typed, {@code what} naming it in the message (e.g. "votes of 'Green'"). */
    public static long wholeNumberOf(String what, String value, long min, long max) throws UsageException {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // refused below, in the same words as a number out of range
        }
        String range = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "" : " from " + min + " to " + max;
        throw new UsageException(what + " must be a whole number" + range + " (got '" + value + "')");
    }
}
