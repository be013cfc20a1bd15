package org.commonweal.cli.bench;

import org.commonweal.platform.Platform;
import org.commonweal.platform.core.Config;
import org.commonweal.platform.demo.DemoData;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform as the benches see it: started in this JVM on a fresh temporary embedded database with the demo
 * data, listening on a free port, with an HTTP client and sign-in for the demo accounts.
 */
final class BenchSite implements AutoCloseable {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    final Platform platform;
    final String base;
    final HttpClient http;

    /** extraEnv adds settings such as TRUST_PROXY (so simulated clients can each have their own address). */
    BenchSite(Map<String, String> extraEnv) throws Exception {
        // One log line per request would measure the console, not the platform.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("http")).setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "COMMONWEAL_DATA", Files.createTempDirectory("commonweal-bench").toString()));
        env.putAll(extraEnv);
        platform = Platform.open(Config.fromEnvironment(env, true));
        try {
            DemoData.loadIfEmpty(platform, line -> { });
            platform.start(0);
        } catch (Exception e) {
            platform.close();
            throw e;
        }
        base = "http://localhost:" + platform.port();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    /** Signs in the first demo account with this role and returns its session cookie ("cw_session=..."). */
    String signIn(String role) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(), HttpResponse.BodyHandlers.ofString());
        String visitor = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cw_visitor=")).map(c -> c.split(";")[0]).findFirst().orElseThrow();
        DemoData.Login login = DemoData.LOGINS.stream().filter(l -> l.role().equals(role)).findFirst().orElseThrow();
        String body = "_csrf=" + enc(csrf(form.body())) + "&email=" + enc(login.email()) + "&password=" + enc(login.password());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).header("Cookie", visitor)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cw_session=")).map(c -> c.split(";")[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("sign-in failed with status " + r.statusCode()));
    }

    /** The CSRF token a page's forms carry. */
    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) throw new IllegalStateException("page has no CSRF token");
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Sends GET url requests times, one after another, and returns the sorted latencies in nanoseconds. */
    long[] timeGets(String url, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        long[] took = new long[requests];
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            took[i] = System.nanoTime() - t0;
            if (r.statusCode() != 200) throw new IllegalStateException("GET " + url + " answered " + r.statusCode());
        }
        java.util.Arrays.sort(took);
        return took;
    }

    /** Percentile p of sorted nanosecond latencies, in milliseconds. */
    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    @Override
    public void close() throws Exception {
        platform.close();
    }
}
