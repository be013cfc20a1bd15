package org.commonweal.platform.conversations;

import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting conversations, reading the statement on the voting card, and uploading export files, as the tests need. */
final class ConversationFixture {
    private static final Pattern CARD_STATEMENT = Pattern.compile("name=\"statement\" value=\"(\\d+)\"");
    private final TestApp app;

    ConversationFixture(TestApp app) {
        this.app = app;
    }

    /** A conversation started by the demo organiser with the given settings and seed statements (one per line). */
    long start(String topic, String moderation, String participation, String seeds) {
        TestClient organiser = app.signedInAs("organiser");
        organiser.get("/conversations/new");
        TestClient.Response r = organiser.post("/conversations", Map.of("topic", topic, "moderation", moderation, "participation", participation,
                "seeds", seeds, "description", "", "about", ""));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring("/conversations/".length()));
    }

    /** The statement id on the voting card of the page, or null when none is offered. */
    static Long cardStatement(String page) {
        Matcher m = CARD_STATEMENT.matcher(page);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /** Votes on whatever statement the card shows; returns that statement's id. */
    static long voteOnCard(TestClient c, long conversation, String vote) {
        Long statement = cardStatement(c.get("/conversations/" + conversation).body());
        assertThat(statement).as("a statement to vote on").isNotNull();
        TestClient.Response r = c.post("/conversations/" + conversation + "/votes", Map.of("statement", statement.toString(), "vote", vote));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return statement;
    }

    long count(String sql) {
        return app.count(sql);
    }

    /** Posts files (name → content) in the one multipart field {@code files}, with the form's other fields. */
    TestClient.Response upload(TestClient client, String path, Map<String, String> fields, Map<String, byte[]> files) {
        String boundary = "----cwconv" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (client.csrf() != null) all.putIfAbsent("_csrf", client.csrf());
        for (var e : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (var f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String cookies = "cw_session=" + client.cookie("cw_session");
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.url(path))).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", cookies).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new TestClient.Response(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + ": " + e, e);
        }
    }
}
