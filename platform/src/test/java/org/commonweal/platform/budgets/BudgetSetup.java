package org.commonweal.platform.budgets;

import org.commonweal.platform.testing.TestApp;
import org.commonweal.platform.testing.TestClient;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives a budget through the officer's and residents' pages, asserting each step succeeds. */
final class BudgetSetup {
    private final TestApp app;

    BudgetSetup(TestApp app) {
        this.app = app;
    }

    long place(String name) {
        return app.platform.places.tree().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }

    long createProcess(TestClient officer, String title, String place) {
        officer.get("/budgets/new");
        TestClient.Response r = officer.post("/budgets", Map.of("title", title, "summary", "Decide together.", "place", String.valueOf(place(place))));
        assertThat(r.status()).as("create process: %s", r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring("/budgets/".length()));
    }

    long addPot(TestClient officer, long process, String name, String place, String amount, String ballotType, Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("name", name, "place", String.valueOf(place(place)), "amount", amount,
                "currency", "GBP", "ballotType", ballotType, "rule", "greedy", "tieBreak", "cost,votes,lottery", "tieSeed", "42"));
        form.putAll(extra);
        officer.get("/budgets/" + process + "/pots/new");
        TestClient.Response r = officer.post("/budgets/" + process + "/pots", form);
        assertThat(r.status()).as("add pot: %s", r.body()).isEqualTo(302);
        return app.count("SELECT max(id) FROM budget_pots WHERE process_id = " + process);
    }

    void advanceTo(TestClient officer, long process, Phase target) {
        while (true) {
            String phase = app.database.jdbi().withHandle(h -> h.createQuery("SELECT phase FROM budget_processes WHERE id = :id")
                    .bind("id", process).mapTo(String.class).one());
            if (phase.equals(target.stored())) return;
            officer.get("/budgets/" + process);
            TestClient.Response r = officer.post("/budgets/" + process + "/phase", Map.of("from", phase, "confirm", "yes"));
            assertThat(r.status()).as("open the phase after %s: %s", phase, r.body()).isEqualTo(302);
        }
    }

    long propose(TestClient resident, long process, long pot, String title, String cost, String place) {
        resident.get("/budgets/" + process + "/proposals/new");
        TestClient.Response r = resident.post("/budgets/" + process + "/proposals", Map.of("pot", String.valueOf(pot), "title", title,
                "description", "A description of " + title, "theme", "green", "estimatedCost", cost, "place", String.valueOf(place(place))));
        assertThat(r.status()).as("propose %s: %s", title, r.body()).isEqualTo(302);
        return Long.parseLong(r.location().substring(r.location().lastIndexOf('/') + 1));
    }

    void feasible(TestClient officer, long process, long proposal, String councilCost) {
        officer.get("/budgets/" + process + "/proposals/" + proposal);
        TestClient.Response r = officer.post("/budgets/" + process + "/proposals/" + proposal + "/feasibility",
                Map.of("decision", "feasible", "councilCost", councilCost));
        assertThat(r.status()).as("mark feasible: %s", r.body()).isEqualTo(302);
    }

    /** A new confirmed resident living in the named place, signed in. */
    TestClient resident(String email, String place) {
        app.platform.accounts.createConfirmed(email, "Resident " + email, "a long test password", java.util.Set.of(), place(place));
        TestClient c = app.client();
        c.signIn(email, "a long test password");
        return c;
    }

    /** A new confirmed account with the officer role, signed in (paper ballots need two different officers). */
    TestClient officer(String email) {
        app.platform.accounts.createConfirmed(email, "Officer " + email, "a long test password",
                java.util.Set.of(org.commonweal.platform.core.http.Role.OFFICER), place("Riverside"));
        TestClient c = app.client();
        c.signIn(email, "a long test password");
        return c;
    }

    /** Keys in one paper sheet as the officer: the batch, the sheet number and the other fields in pairs (such as projects). */
    static TestClient.Response keySheet(TestClient officer, long process, long pot, String batch, String sheet, String... fields) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("batch", batch, "sheet", sheet));
        for (int i = 0; i < fields.length; i += 2) form.put(fields[i], fields[i + 1]);
        String path = "/budgets/" + process + "/pots/" + pot + "/paper";
        officer.get(path);
        return officer.post(path, form);
    }

    static String receipt(TestClient.Response r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"receipt\">([0-9A-Z-]+)<").matcher(r.body());
        assertThat(m.find()).as("receipt page: %s", r.body()).isTrue();
        return m.group(1);
    }

    private static final java.net.http.HttpClient RAW = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

    /** Posts an encoded body as the client (its session cookie), for forms that repeat a field, such as ticked checkboxes. */
    static TestClient.Response postBody(TestApp app, TestClient client, String path, String body) {
        return postBody(app, client, path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    /** Posts a multipart form: the client's CSRF token, the text fields, and one file. */
    static TestClient.Response postFile(TestApp app, TestClient client, String path, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "cwboundary" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", client.csrf());
        for (var e : all.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return postBody(app, client, path, out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private static TestClient.Response postBody(TestApp app, TestClient client, String path, byte[] body, String contentType) {
        StringBuilder cookies = new StringBuilder();
        for (String name : new String[]{"cw_session", "cw_visitor"}) {
            if (client.cookie(name) != null) cookies.append(cookies.isEmpty() ? "" : "; ").append(name).append('=').append(client.cookie(name));
        }
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url(path)))
                    .header("Content-Type", contentType).header("Cookie", cookies.toString())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
            var r = RAW.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new TestClient.Response(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + ": " + e, e);
        }
    }

    /** A ballot form body: the voter's CSRF token, the step, and each field=value pair in order. */
    static String ballot(TestClient voter, String step, String... pairs) {
        StringBuilder body = new StringBuilder("step=").append(step).append("&_csrf=").append(java.net.URLEncoder.encode(voter.csrf(), java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < pairs.length; i += 2) body.append('&').append(pairs[i]).append('=').append(pairs[i + 1]);
        return body.toString();
    }
}
