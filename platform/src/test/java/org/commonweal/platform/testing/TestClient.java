package org.commonweal.platform.testing;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client: keeps cookies, does not follow redirects, and sends the CSRF token of the last page. */
public final class TestClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final TestApp app;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;
    private final Map<String, String> headers = new LinkedHashMap<>();

    TestClient(TestApp app) {
        this.app = app;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public String location() {
            return headers.firstValue("Location").orElse(null);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        Response r = send(HttpRequest.newBuilder(URI.create(app.url(path))).GET().build());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
        return r;
    }

    public Response head(String path) {
        return send(HttpRequest.newBuilder(URI.create(app.url(path))).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Posts a form with the CSRF token of the last page fetched (fetching {@code path} first if there was none). */
    public Response post(String path, Map<String, String> form) {
        if (csrf == null) get(path);
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("_csrf", csrf);
        return postRaw(path, withToken);
    }

    public Response postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        // A large body waits for the server's go-ahead, as curl does: a refusal by its announced length (413) then
        // arrives whole instead of racing the connection's close while the body is still being sent.
        Response r = send(HttpRequest.newBuilder(URI.create(app.url(path))).expectContinue(body.length() > 256 * 1024)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) csrf = m.group(1);
        return r;
    }

    public void signIn(String email, String password) {
        get("/sign-in");
        Response r = post("/sign-in", Map.of("email", email, "password", password));
        if (r.status() != 302) throw new AssertionError("sign-in as " + email + " failed with " + r.status());
        get("/");
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public void setCookie(String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(URI.create(app.url("/")), c);
    }

    /** Sends this header with every later request, as a proxy in front would (X-Forwarded-For, X-Request-Id). */
    public TestClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public String csrf() {
        return csrf;
    }

    private Response send(HttpRequest original) {
        HttpRequest.Builder withHeaders = HttpRequest.newBuilder(original, (name, value) -> true);
        headers.forEach(withHeaders::header);
        HttpRequest request = withHeaders.build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        }
    }
}
