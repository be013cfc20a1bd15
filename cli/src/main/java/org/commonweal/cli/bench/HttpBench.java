package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on a signed-in page: N connections each send the next request when the last answer
 * arrives. The platform runs in this JVM on the embedded database, so client and server share the cores
 * (a pessimistic setup compared with a separate load machine).
 */
final class HttpBench implements Command {
    @Override
    public String name() {
        return "http";
    }

    @Override
    public String summary() {
        return "--connections 64 --seconds 20 --warmup 5 --path /account: signed-in page requests/s and latency";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments o = Arguments.parse(args, Set.of("connections", "seconds", "warmup", "path"), Set.of());
        o.noPositional();
        int connections = o.integer("connections", 64, 1, 1024);
        int seconds = o.integer("seconds", 20, 1, 3600);
        int warmup = o.integer("warmup", 5, 0, 600);
        String path = o.text("path", "/account");
        if (!path.startsWith("/")) throw new UsageException("--path must start with / (got '" + path + "')");

        try (BenchSite site = new BenchSite(Map.of())) {
            HttpClient http = site.http;
            String base = site.base;
            String cookie = site.signIn("resident");
            console.err().printf("warming up for %d s...%n", warmup);
            drive(http, base + path, cookie, connections, warmup, null);
            console.err().printf("measuring %d connections for %d s on %s...%n", connections, seconds, path);
            long[] latencies = new long[20_000_000];
            AtomicLong count = new AtomicLong();
            long started = System.nanoTime();
            long errors = drive(http, base + path, cookie, connections, seconds, new Recorder(latencies, count));
            double elapsed = (System.nanoTime() - started) / 1e9;
            int n = (int) Math.min(count.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            console.out().printf("GET %s signed in, %d connections, %.1f s: %d requests, %.0f requests/s, errors %d%n",
                    path, connections, elapsed, n, n / elapsed, errors);
            console.out().printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
                    BenchSite.pct(sorted, 0.50), BenchSite.pct(sorted, 0.90), BenchSite.pct(sorted, 0.99), n == 0 ? 0 : sorted[n - 1] / 1e6);
        }
        return 0;
    }

    private record Recorder(long[] latencies, AtomicLong count) {
        void record(long nanos) {
            long i = count.getAndIncrement();
            if (i < latencies.length) latencies[(int) i] = nanos;
        }
    }

    private static long drive(HttpClient http, String url, String cookie, int connections, int seconds, Recorder recorder) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                workers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) errors.incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        if (recorder != null) recorder.record(System.nanoTime() - t0);
                    }
                    return null;
                });
            }
        }
        return errors.get();
    }
}
