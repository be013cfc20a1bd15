package org.commonweal.platform.elections;

import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Posts a multipart form (a file upload) as a test client's browser would, with its cookies and CSRF token. */
public final class Multipart {
    private Multipart() {
    }

    public static TestClient.Response post(TestApp app, TestClient client, String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        return post(app, client, path, fields, java.util.List.of(new Part(fileField, fileName, content)));
    }

    /** @param files by field: the file's name and content */
    public static TestClient.Response post(TestApp app, TestClient client, String path, Map<String, String> fields, Map<String, Map.Entry<String, byte[]>> files) {
        return post(app, client, path, fields, files.entrySet().stream().map(f -> new Part(f.getKey(), f.getValue().getKey(), f.getValue().getValue())).toList());
    }

    /** Several files in one field (an input with {@code multiple}), by file name. */
    public static TestClient.Response post(TestApp app, TestClient client, String path, Map<String, String> fields, String fileField, Map<String, byte[]> files) {
        return post(app, client, path, fields, files.entrySet().stream().map(f -> new Part(fileField, f.getKey(), f.getValue())).toList());
    }

    /** One uploaded file: the form field it is sent in, its name and its content. */
    public record Part(String field, String fileName, byte[] content) {
    }

    public static TestClient.Response post(TestApp app, TestClient client, String path, Map<String, String> fields, java.util.List<Part> files) {
        String boundary = "----cwtest" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        if (client.csrf() != null) all.putIfAbsent("_csrf", client.csrf());
        for (var e : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        long size = 0;
        for (Part file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\"" + file.fileName()
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            size += file.content().length;
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder cookies = new StringBuilder();
        for (String name : new String[]{"cw_session", "cw_visitor"}) {
            String v = client.cookie(name);
            if (v != null) cookies.append(cookies.isEmpty() ? "" : "; ").append(name).append('=').append(v);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (!cookies.isEmpty()) request.header("Cookie", cookies.toString());
        // A large body waits for the server's go-ahead, as curl does: a refusal by its announced length then arrives
        // whole instead of racing the connection's close while the body is still being sent.
        request.expectContinue(size > 1024 * 1024);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TestClient.Response(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + ": " + e, e);
        }
    }

    /** The shared data directory: beside the repository root, which is the first ancestor holding the launcher. */
    static Path sharedData(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("commonweal"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("no repository root (a directory holding 'commonweal') above " + Path.of("").toAbsolutePath());
        return dir.resolve("../shared/data").resolve(relative).normalize();
    }
}
