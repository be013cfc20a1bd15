package org.commonweal.platform.core.http;

import io.javalin.config.RoutesConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Serves the GOV.UK Frontend stylesheet from its WebJar with the GDS Transport font taken out: that font
 * is licensed for GOV.UK only, so its @font-face rules are dropped and every use of it becomes our own
 * font stack. Done once at start-up, so browsers never even ask for the font files.
 */
public final class StyleRoutes implements Routes {
    public static final String PATH = "/assets/govuk-frontend-5.7.1.css";
    private static final String WEBJAR = "/META-INF/resources/webjars/govuk-frontend/5.7.1/dist/govuk/govuk-frontend.min.css";
    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\s*\\{[^}]*}");
    private static final Pattern GDS_FAMILY = Pattern.compile("\"?GDS Transport\"?\\s*,\\s*arial\\s*,\\s*sans-serif", Pattern.CASE_INSENSITIVE);
    static final String FONT_STACK = "\"Helvetica Neue\",Helvetica,Arial,\"Liberation Sans\",sans-serif";

    private final byte[] css;

    public StyleRoutes() {
        this.css = withoutGdsTransport(read()).getBytes(StandardCharsets.UTF_8);
    }

    String stylesheet() {
        return new String(css, StandardCharsets.UTF_8);
    }

    static String withoutGdsTransport(String css) {
        String stripped = FONT_FACE.matcher(css).replaceAll("");
        return GDS_FAMILY.matcher(stripped).replaceAll(FONT_STACK);
    }

    private static String read() {
        try (InputStream in = StyleRoutes.class.getResourceAsStream(WEBJAR)) {
            if (in == null) throw new IllegalStateException("govuk-frontend WebJar not on the classpath: " + WEBJAR);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + WEBJAR, e);
        }
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get(PATH, ctx -> {
            ctx.header("Cache-Control", "public, max-age=86400");
            ctx.contentType("text/css; charset=utf-8").result(css);
        }, Access.PUBLIC, Role.ANYONE);
    }
}
