package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cold start of {@code commonweal serve} on an existing database: a fresh JVM from process start to the
 * first HTTP 200 on /health. The first run creates the database and is not counted.
 */
final class StartupBench implements Command {
    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String summary() {
        return "--runs 5: time from starting 'serve' in a new JVM to the first HTTP 200, on an existing database";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments o = Arguments.parse(args, Set.of("runs"), Set.of());
        o.noPositional();
        int runs = o.integer("runs", 5, 1, 50);
        Path jar = Path.of(StartupBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!jar.toString().endsWith(".jar")) throw new UsageException("run this from the built jar (./commonweal bench startup)");
        Path data = Files.createTempDirectory("commonweal-startup");
        console.err().println("creating the database (not counted)...");
        measure(jar, data);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long ms = measure(jar, data);
            times.add(ms);
            console.err().printf("run %d: %d ms%n", i + 1, ms);
        }
        times.sort(Long::compare);
        console.out().printf("cold start to first HTTP 200 over %d runs: median %d ms, best %d ms, worst %d ms%n",
                runs, times.get(times.size() / 2), times.get(0), times.get(times.size() - 1));
        return 0;
    }

    private static long measure(Path jar, Path data) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseParallelGC", "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + data.resolve("commonweal.jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString(), "serve")
                .redirectErrorStream(true).redirectOutput(new File("/dev/null"));
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().put("COMMONWEAL_DATA", data.toString());
        pb.environment().remove("DATABASE_URL");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).timeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            while (System.nanoTime() - start < 120_000_000_000L) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return (System.nanoTime() - start) / 1_000_000;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(10);
                }
                if (!p.isAlive()) throw new IllegalStateException("serve exited with code " + p.exitValue() + " before answering");
            }
            throw new IllegalStateException("serve did not answer within 120 s");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
