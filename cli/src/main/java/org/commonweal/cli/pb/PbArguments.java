package org.commonweal.cli.pb;

import org.commonweal.cli.UsageException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one pb subcommand: positional words, {@code --name value} options and {@code --flag}
 * switches, each checked against what the subcommand accepts so that a typo is an error, not ignored.
 */
final class PbArguments {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();

    private PbArguments() {
    }

    static PbArguments parse(List<String> args, Set<String> valueOptions, Set<String> flags) throws UsageException {
        PbArguments parsed = new PbArguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                parsed.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (inlineValue != null) throw new UsageException("option --" + name + " takes no value");
                parsed.values.put(name, "true");
            } else if (valueOptions.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.size()) throw new UsageException("option --" + name + " needs a value");
                    value = args.get(++i);
                }
                parsed.values.put(name, value);
            } else {
                List<String> known = new ArrayList<>();
                valueOptions.forEach(o -> known.add("--" + o));
                flags.forEach(o -> known.add("--" + o));
                known.sort(null);
                throw new UsageException("unknown option '" + arg + "' (expected " + String.join(", ", known) + ")");
            }
        }
        return parsed;
    }

    List<String> positional() {
        return positional;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    long longValue(String name, long fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " needs a whole number, got '" + v + "'");
        }
    }
}
