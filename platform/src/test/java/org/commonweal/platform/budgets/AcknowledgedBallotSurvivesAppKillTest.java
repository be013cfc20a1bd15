package org.commonweal.platform.budgets;

import org.commonweal.platform.Platform;
import org.commonweal.platform.core.Config;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ballot whose receipt reached the voter survives a crash of the application: the platform runs as its own
 * process, voters cast ballots over HTTP, the process gets SIGKILL (kill -9) while ballots are still arriving, and
 * after a restart on the same data every receipt a voter received is counted.
 */
@Tag("slow")
class AcknowledgedBallotSurvivesAppKillTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">([0-9A-Z-]+)<");
    private static final int VOTERS = 40;

    @Test
    void everyReceiptHandedOutBeforeAKillNineIsCountedAfterTheRestart(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process app = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashTarget.class.getName(),
                dir.toString(), String.valueOf(VOTERS)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Queue<String> receipts = new ConcurrentLinkedQueue<>();
        try {
            String[] ready = readyLine(app);
            String base = "http://127.0.0.1:" + ready[1];
            String votePath = "/budgets/" + ready[2] + "/pots/" + ready[3] + "/code-vote";
            List<String> choices = List.of(ready[4].split(","));
            List<String> codes = List.of(ready[5].split(","));
            CountDownLatch halfway = new CountDownLatch(VOTERS / 2);
            try (ExecutorService voters = Executors.newFixedThreadPool(8)) {
                for (String code : codes) {
                    voters.submit(() -> {
                        try {
                            receipts.add(vote(base, votePath, code, choices));
                            halfway.countDown();
                        } catch (Exception killedMidRequest) {
                            // Ballots still in flight when the process dies get no receipt: the voter was never told it counted.
                        }
                    });
                }
                assertThat(halfway.await(120, TimeUnit.SECONDS)).as("half the voters got receipts").isTrue();
                app.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no orderly close of anything
                app.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            if (app.isAlive()) app.destroyForcibly();
        }
        assertThat(receipts).hasSizeGreaterThanOrEqualTo(VOTERS / 2);
        Config config = Config.fromEnvironment(Map.of("COMMONWEAL_DATA", dir.toString(), "PORT", "0"), true);
        try (Platform again = Platform.open(config)) {
            Jdbi jdbi = again.database().jdbi();
            BallotBox box = new BallotBox(jdbi, new BallotKeys(jdbi), again.audit, again.places, again.accounts.residence());
            for (String receipt : receipts) assertThat(box.check(receipt)).as(receipt).isEqualTo(BallotBox.ReceiptStatus.COUNTED);
        }
    }

    private static String[] readyLine(Process app) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.startsWith("READY ")) return line.split(" ");
        }
        throw new AssertionError("the platform process did not start (exit " + (app.isAlive() ? "still running" : app.exitValue()) + ")");
    }

    /** Enters the code, then casts the ballot in one POST, as a voter without an account does; returns the receipt shown. */
    private static String vote(String base, String path, String code, List<String> choices) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(java.time.Duration.ofSeconds(10)).build();
        String form = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) throw new IllegalStateException("no CSRF token on the code page");
        StringBuilder body = new StringBuilder("step=cast&code=").append(URLEncoder.encode(code, StandardCharsets.UTF_8))
                .append("&_csrf=").append(URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        for (String c : choices) body.append("&choice=").append(c);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        Matcher receipt = RECEIPT.matcher(r.body());
        if (r.statusCode() != 200 || !receipt.find()) throw new IllegalStateException("vote answered " + r.statusCode());
        return receipt.group(1);
    }
}
