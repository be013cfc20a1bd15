package org.commonweal.platform.grants;

import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Posts a form whose one field repeats (ticked checkboxes), which {@link TestClient#post} cannot send. */
final class GrantsHttp {
    private static final HttpClient RAW = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private GrantsHttp() {
    }

    static TestClient.Response postRepeated(TestApp app, TestClient client, String path, String field, long... values) {
        StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(client.csrf(), StandardCharsets.UTF_8));
        for (long v : values) body.append('&').append(field).append('=').append(v);
        try {
            HttpResponse<String> r = RAW.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "cw_session=" + client.cookie("cw_session"))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            return new TestClient.Response(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + ": " + e, e);
        }
    }
}
