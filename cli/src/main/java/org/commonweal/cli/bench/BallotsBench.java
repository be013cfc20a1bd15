package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.jdbi.v3.core.Jdbi;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ballots cast over HTTP through the real voting path into the demo's live city-wide pot. Voters hold voting codes
 * the officer issues through the site (the path for residents without an account), so no password hashing sits in
 * front of the measurement. Each voter posts from its own address (TRUST_PROXY with X-Forwarded-For, as behind the
 * council's proxy) so the per-client write limit applies per voter. A ballot counts once the receipt page arrived,
 * which happens only after its transaction committed with synchronous_commit on.
 */
final class BallotsBench implements Command {
    private static final String POT = "City-wide fund";

    @Override
    public String name() {
        return "ballots";
    }

    @Override
    public String summary() {
        return "--warmup 20000 --voters 10000 --connections 16 --rate 500 --seconds 20: durable ballots/s and latency through the voting pages";
    }

    /**
     * Three parts: a warm-up long enough for the JIT to finish compiling the voting path (on 2 cores that takes
     * tens of thousands of requests; a running server is past it after its first minutes); capacity, with
     * {@code connections} voters casting back to back; and a steady arrival rate, one ballot every 1/rate s whatever
     * the answers, with each latency counted from when the ballot was due, so a slow answer cannot hide the queue behind it.
     */
    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments o = Arguments.parse(args, Set.of("voters", "connections", "warmup", "rate", "seconds"), Set.of());
        o.noPositional();
        int voters = o.integer("voters", 10_000, 1, 100_000);
        int connections = o.integer("connections", 16, 1, 1024);
        int warmup = o.integer("warmup", 20_000, 0, 100_000);
        int rate = o.integer("rate", 500, 1, 10_000);
        int seconds = o.integer("seconds", 20, 0, 600);
        int steady = rate * seconds;
        // The client opens connections as the arrivals need them; ten seconds at the rate first, so that is not measured.
        int rateWarmup = seconds == 0 ? 0 : rate * 10;
        try (BenchSite site = new BenchSite(Map.of("TRUST_PROXY", "true"))) {
            Jdbi jdbi = site.platform.database().jdbi();
            long[] pot = jdbi.withHandle(h -> h.createQuery("SELECT id, process_id FROM budget_pots WHERE name = :n").bind("n", POT)
                    .map((rs, c) -> new long[]{rs.getLong("id"), rs.getLong("process_id")}).one());
            List<Long> feasible = jdbi.withHandle(h -> h.createQuery("SELECT id FROM budget_proposals WHERE pot_id = :p AND status = 'feasible' ORDER BY id")
                    .bind("p", pot[0]).mapTo(Long.class).list());
            String potPath = site.base + "/budgets/" + pot[1] + "/pots/" + pot[0];
            console.err().printf("issuing %d voting codes...%n", warmup + rateWarmup + voters + steady);
            List<String> codes = issueCodes(site, potPath, warmup + rateWarmup + voters + steady);
            // Codes are printed days before voting opens, long after autovacuum has taken statistics of them.
            jdbi.useHandle(h -> h.execute("ANALYZE"));
            HttpResponse<String> entry = site.http.send(HttpRequest.newBuilder(URI.create(potPath + "/code-vote")).build(), HttpResponse.BodyHandlers.ofString());
            String visitor = entry.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cw_visitor=")).map(c -> c.split(";")[0]).findFirst().orElseThrow();
            String csrf = BenchSite.csrf(entry.body());
            Caster caster = new Caster(site, potPath + "/code-vote", visitor, csrf, feasible);
            console.err().printf("warming up with %d ballots back to back and %d at %d a second...%n", warmup, rateWarmup, rate);
            long errors = caster.castAll(codes.subList(0, warmup), 0, connections, null);
            errors += caster.castAtRate(codes.subList(warmup, warmup + rateWarmup), warmup, rate, new long[rateWarmup]);
            warmup += rateWarmup;
            console.err().printf("casting %d ballots over %d connections...%n", voters, connections);
            long[] latencies = new long[voters];
            long started = System.nanoTime();
            errors += caster.castAll(codes.subList(warmup, warmup + voters), warmup, connections, latencies);
            double elapsed = (System.nanoTime() - started) / 1e9;
            long[] ok = sortedSuccesses(latencies);
            console.out().printf("capacity: %d voters casting back to back over %d connections, %.1f s: %.0f durable ballots/s, failed %d%n",
                    voters, connections, elapsed, ok.length / elapsed, voters - ok.length);
            printLatency(console, ok);
            if (steady > 0) {
                console.err().printf("casting %d ballots at %d a second...%n", steady, rate);
                long[] due = new long[steady];
                started = System.nanoTime();
                errors += caster.castAtRate(codes.subList(warmup + voters, codes.size()), warmup + voters, rate, due);
                elapsed = (System.nanoTime() - started) / 1e9;
                if (System.getenv("BENCH_DUMP") != null) try (var w = new java.io.PrintWriter(System.getenv("BENCH_DUMP"))) { for (int i = 0; i < due.length; i++) w.println(i + " " + due[i]); }
                long[] steadyOk = sortedSuccesses(due);
                console.out().printf("steady rate: %d ballots due at %d/s, all answered in %.1f s (%.0f durable ballots/s), failed %d%n",
                        steady, rate, elapsed, steadyOk.length / elapsed, steady - steadyOk.length);
                printLatency(console, steadyOk);
            }
            long counted = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM budget_ballots WHERE pot_id = :p AND counted").bind("p", pot[0])
                    .mapTo(Long.class).one());
            console.out().printf("counted in the pot: %d of %d cast (incl. %d warm-up), errors %d%n", counted, codes.size(), warmup, errors);
            return errors == 0 && counted == codes.size() ? 0 : 1;
        }
    }

    private static long[] sortedSuccesses(long[] latencies) {
        return Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
    }

    private static void printLatency(Console console, long[] sorted) {
        console.out().printf("  latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
                BenchSite.pct(sorted, 0.50), BenchSite.pct(sorted, 0.90), BenchSite.pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    /** The officer downloads the codes from the pot's page, as the council would before printing them. */
    private static List<String> issueCodes(BenchSite site, String potPath, int count) throws Exception {
        String officer = site.signIn("officer");
        HttpResponse<String> page = site.http.send(HttpRequest.newBuilder(URI.create(potPath + "/paper")).header("Cookie", officer).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = BenchSite.csrf(page.body());
        List<String> codes = new ArrayList<>();
        while (codes.size() < count) {
            int n = Math.min(10_000, count - codes.size());
            HttpResponse<String> csv = site.http.send(HttpRequest.newBuilder(URI.create(potPath + "/codes")).header("Cookie", officer)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + BenchSite.enc(csrf) + "&count=" + n)).build(), HttpResponse.BodyHandlers.ofString());
            if (csv.statusCode() != 200) throw new IllegalStateException("issuing voting codes failed with status " + csv.statusCode());
            csv.body().lines().skip(1).filter(l -> !l.isBlank()).forEach(codes::add);
        }
        return codes;
    }

    private record Caster(BenchSite site, String url, String visitor, String csrf, List<Long> feasible) {
        /** Casts one ballot per code; voter i approves three proposals chosen by i. Returns the number of failures. */
        long castAll(List<String> codes, int firstVoter, int connections, long[] latencies) throws InterruptedException {
            AtomicInteger next = new AtomicInteger();
            AtomicLong errors = new AtomicLong();
            try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < connections; c++) {
                    workers.submit(() -> {
                        for (int i = next.getAndIncrement(); i < codes.size(); i = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            boolean ok = cast(codes.get(i), firstVoter + i);
                            long took = System.nanoTime() - t0;
                            if (!ok) errors.incrementAndGet();
                            else if (latencies != null) latencies[i] = Math.max(1, took);
                        }
                        return null;
                    });
                }
            }
            return errors.get();
        }

        /**
         * Sends ballot i when it is due (start + i/rate), each on its own virtual thread, and records its latency
         * from that moment into {@code latencies[i]}. Returns the number of failures.
         */
        long castAtRate(List<String> codes, int firstVoter, int rate, long[] latencies) throws InterruptedException {
            AtomicLong errors = new AtomicLong();
            long start = System.nanoTime();
            try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < codes.size(); i++) {
                    long due = start + i * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    int k = i;
                    workers.submit(() -> {
                        if (cast(codes.get(k), firstVoter + k)) latencies[k] = Math.max(1, System.nanoTime() - due);
                        else errors.incrementAndGet();
                    });
                }
            }
            return errors.get();
        }

        private boolean cast(String code, int voter) {
            StringBuilder body = new StringBuilder("_csrf=").append(BenchSite.enc(csrf)).append("&step=cast&code=").append(BenchSite.enc(code));
            for (int k = 0; k < 3; k++) body.append("&choice=").append(feasible.get((voter + k * 3) % feasible.size()));
            String address = "10." + (voter >> 16 & 255) + "." + (voter >> 8 & 255) + "." + (voter & 255);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", visitor).header("X-Forwarded-For", address)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            try {
                return site.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }
    }
}
