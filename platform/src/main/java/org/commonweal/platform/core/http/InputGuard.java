package org.commonweal.platform.core.http;

import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses, before any route reads them, query and form parameters that hold a {@link ControlCharacters control character}:
 * a NUL byte cannot be stored in PostgreSQL text and others can forge log lines or mail headers. One check in the
 * pipeline, so a route added later cannot forget it.
 */
public final class InputGuard {
    private static final int SHOWN_NAME_LENGTH = 60;

    private InputGuard() {
    }

    public static void check(Context ctx) {
        Optional<String> bad = offending(ctx.queryParamMap());
        if (bad.isEmpty() && carriesForm(ctx)) bad = offending(ctx.formParamMap());
        if (bad.isPresent()) throw new Refused(bad.get());
    }

    private static boolean carriesForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    private static Optional<String> offending(Map<String, List<String>> params) {
        for (var e : params.entrySet()) {
            if (ControlCharacters.in(e.getKey()) || e.getValue().stream().anyMatch(ControlCharacters::in)) return Optional.of(e.getKey());
        }
        return Optional.empty();
    }

    /** A request refused for the parameter named, shown without its own control characters and cut short. */
    public static final class Refused extends RuntimeException {
        private final String parameter;

        Refused(String parameter) {
            super(null, null, false, false);
            String printable = parameter.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            this.parameter = printable.length() > SHOWN_NAME_LENGTH ? printable.substring(0, SHOWN_NAME_LENGTH) + "…" : printable;
        }

        public String parameter() {
            return parameter;
        }
    }
}
