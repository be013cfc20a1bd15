package org.commonweal.cli.elections;

import org.commonweal.cli.UsageException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of the seat commands (fptp, apportion, model): positional words, {@code --name value}
 * options and {@code --name} switches, each checked against what the command accepts.
 */
final class SeatsCliOptions {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();

    SeatsCliOptions(List<String> args, Set<String> valued, Set<String> switches) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                positional.add(a);
            } else if (switches.contains(a)) {
                values.put(a, "");
            } else if (valued.contains(a)) {
                if (i + 1 >= args.size()) throw new UsageException(a + " needs a value");
                values.put(a, args.get(++i));
            } else {
                List<String> known = new ArrayList<>(valued);
                known.addAll(switches);
                known.sort(null);
                throw new UsageException("unknown option " + a + " (expected " + String.join(", ", known) + ")");
            }
        }
    }

    List<String> positional() {
        return positional;
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    String text(String option, String fallback) {
        return values.getOrDefault(option, fallback);
    }

    String required(String option) throws UsageException {
        String v = values.get(option);
        if (v == null) throw new UsageException("missing " + option);
        return v;
    }

    long number(String option, long fallback, long min, long max) throws UsageException {
        String v = values.get(option);
        if (v == null) return fallback;
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) throw new UsageException(option + " must be between " + min + " and " + max + ", got " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a whole number, got '" + v + "'");
        }
    }
}
