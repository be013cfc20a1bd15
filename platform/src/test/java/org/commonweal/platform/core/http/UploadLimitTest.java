package org.commonweal.platform.core.http;

import org.commonweal.platform.core.Config;
import org.commonweal.platform.elections.Multipart;
import org.commonweal.platform.testing.PlatformTestCase;
import org.commonweal.platform.testing.TestClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every upload route shares one cap on the whole request: over it the answer is a 413 page naming the cap, whether the
 * request said its length up front or streamed it, and nothing is stored. Under it the routes' own limits still apply
 * (their tests: aTenMegabyteLimitIsEnforced, the 5 MB photo check), and spooled parts do not outlive the request.
 */
class UploadLimitTest extends PlatformTestCase {
    private static final String TOO_LARGE = "This service accepts uploads of up to 12 MB.";
    private static final String STORED = "SELECT (SELECT count(*) FROM consultation_documents) + (SELECT count(*) FROM problems)"
            + " + (SELECT count(*) FROM budget_processes) + (SELECT count(*) FROM budget_register_entries) + (SELECT count(*) FROM election_results_sets)";

    private record Target(String role, String page, String path, Map<String, String> fields, String fileField) {
    }

    private static List<Target> targets() {
        long consultation = app.count("SELECT min(id) FROM consultations WHERE organisation_id IS NULL");
        long process = app.count("SELECT min(process_id) FROM budget_pots");
        long pot = app.count("SELECT min(id) FROM budget_pots WHERE process_id = " + process);
        long place = app.count("SELECT min(id) FROM places WHERE parent_id IS NOT NULL");
        return List.of(
                new Target("officer", "/consultations/" + consultation + "/manage", "/consultations/" + consultation + "/documents", Map.of(), "file"),
                new Target("resident", "/problems/new", "/problems", Map.of("title", "Too big", "description", "A huge photo.", "place", String.valueOf(place),
                        "theme", "streets", "photoAlt", "A photo"), "photo"),
                new Target("officer", "/budgets/import", "/budgets/import", Map.of("place", String.valueOf(place)), "file"),
                new Target("officer", "/budgets/" + process + "/pots/" + pot + "/register", "/budgets/" + process + "/pots/" + pot + "/register", Map.of(), "file"),
                new Target("organiser", "/elections/modeller", "/elections/modeller", Map.of("name", "Too big"), "file"));
    }

    private static byte[] overCap() {
        byte[] file = new byte[(int) app.platform.uploads.maxBytes() + 1];
        Arrays.fill(file, (byte) 'a');
        return file;
    }

    @Test
    void theCapIsTwelveMegabytesUnlessTheOperatorSetsAnother() {
        assertThat(app.platform.uploads.maxBytes()).isEqualTo(12L * 1024 * 1024);
        assertThat(Config.fromEnvironment(Map.of("UPLOAD_MAX_MB", "40"), false).uploadMaxBytes()).isEqualTo(40L * 1024 * 1024);
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("UPLOAD_MAX_MB", "lots"), false))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("UPLOAD_MAX_MB");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("UPLOAD_MAX_MB", "0"), false)).isInstanceOf(Config.ConfigException.class);
    }

    @Test
    void anUploadAnnouncedOverTheCapIsRefusedOnEveryUploadRouteAndNothingIsStored() {
        byte[] file = overCap();
        long before = app.count(STORED);
        for (Target t : targets()) {
            TestClient who = app.signedInAs(t.role());
            assertThat(who.get(t.page()).status()).as(t.page()).isEqualTo(200);
            TestClient.Response r = Multipart.post(app, who, t.path(), t.fields(), t.fileField(), "big.bin", file);
            assertThat(r.status()).as(t.path()).isEqualTo(413);
            assertThat(r.body()).as(t.path()).contains("The file is too big").contains(TOO_LARGE).doesNotContain("Exception");
        }
        assertThat(app.count(STORED)).isEqualTo(before);
    }

    @Test
    void anUploadStreamedWithoutALengthIsCutOffAtTheCapWithTheSamePage() throws Exception {
        Target t = targets().get(4);
        TestClient who = app.signedInAs(t.role());
        who.get(t.page());
        long before = app.count(STORED);
        String boundary = "cwcap" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + who.csrf() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nStreamed\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = overCap();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher streamed = HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                java.util.Collections.enumeration(List.of(new ByteArrayInputStream(head), new ByteArrayInputStream(file), new ByteArrayInputStream(tail)))));
        assertThat(streamed.contentLength()).as("no Content-Length, so only the parser can stop it").isNegative();
        HttpResponse<String> r = send(who, t.path(), "multipart/form-data; boundary=" + boundary, streamed);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains(TOO_LARGE);
        assertThat(app.count(STORED)).isEqualTo(before);
        assertThat(spoolEmptiedSoonAfter()).as("the spooled part is deleted once the request completes").isTrue();
    }

    /** Jetty deletes a request's spooled parts when the request completes, which can be a moment after the answer is read. */
    private static boolean spoolEmptiedSoonAfter() throws Exception {
        for (int i = 0; i < 50; i++) {
            try (var files = java.nio.file.Files.list(app.platform.uploads.spool())) {
                if (files.findAny().isEmpty()) return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void aGarbledMultipartBodyIsABadRequestNotAServerError() throws Exception {
        TestClient who = app.signedInAs("organiser");
        who.get("/elections/modeller");
        HttpResponse<String> r = send(who, "/elections/modeller", "multipart/form-data; boundary=nothere",
                HttpRequest.BodyPublishers.ofString("--other\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("The form could not be read");
    }

    @Test
    void aNormalUploadBigEnoughToBeSpooledToDiskWorksAndLeavesNoTemporaryFile() throws Exception {
        TestClient officer = app.signedInAs("officer");
        long consultation = app.count("SELECT min(id) FROM consultations WHERE organisation_id IS NULL");
        officer.get("/consultations/" + consultation + "/manage");
        byte[] pdf = new byte[2 * 1024 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 8);
        long before = app.count("SELECT count(*) FROM consultation_documents");
        assertThat(pdf.length).isGreaterThan(UploadLimit.IN_MEMORY_BYTES);
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            app.platform.uploads.spool().register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            TestClient.Response r = Multipart.post(app, officer, "/consultations/" + consultation + "/documents", Map.of(), "file", "plan.pdf", pdf);
            assertThat(r.status()).as(r.body()).isEqualTo(302);
            assertThat(watch.poll(5, TimeUnit.SECONDS)).as("the part went to a file in the spool").isNotNull();
        }
        assertThat(app.count("SELECT count(*) FROM consultation_documents")).isEqualTo(before + 1);
        assertThat(spoolEmptiedSoonAfter()).as("the spooled part is deleted once the request completes").isTrue();
    }

    @Test
    void aFormWithoutFilesOverTheFormLimitGetsA413PageToo() throws Exception {
        TestClient who = app.signedInAs("resident");
        who.get("/notifications/settings");
        String body = "_csrf=" + who.csrf() + "&x=" + "a".repeat(2_000_000);
        HttpResponse<String> r = send(who, "/notifications/settings", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(body));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("This service accepts forms of up to 1 MB.").contains("govuk-heading-l");
    }

    private static HttpResponse<String> send(TestClient who, String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        // As a browser-like client should for a large body: the server refuses by Content-Length and closes before
        // reading it, and without waiting for "100 Continue" the client may still be writing and see a broken pipe.
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.url(path))).expectContinue(true).header("Content-Type", contentType)
                .header("Cookie", "cw_session=" + who.cookie("cw_session") + "; cw_visitor=" + who.cookie("cw_visitor")).POST(body).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
