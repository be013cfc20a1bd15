package org.commonweal.cli.bench;

import org.commonweal.cli.UsageException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** "--name value" options with whole-number values, refusing unknown names. */
record Options(Map<String, String> values) {
    static Options parse(List<String> args, Set<String> allowed) throws UsageException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || !allowed.contains(a.substring(2))) {
                throw new UsageException("unknown option '" + a + "' (allowed: --" + String.join(", --", allowed) + ")");
            }
            if (i + 1 >= args.size()) throw new UsageException(a + " needs a value");
            values.put(a.substring(2), args.get(++i));
        }
        return new Options(values);
    }

    int integer(String name, int fallback, int min, int max) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + " (got '" + v + "')");
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
