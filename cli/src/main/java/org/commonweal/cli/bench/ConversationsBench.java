package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.platform.conversations.ConversationsFeature;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Voting in a conversation, as participants do it: a conversation with {@code --statements} statements and
 * {@code --participants} earlier participants' votes (bulk-loaded with SQL, {@code --density} per cent of the matrix, and
 * mapped once), then {@code --voters} new anonymous participants each vote on {@code --each} statements over HTTP, one
 * request after another: half as a browser without JavaScript (the vote, answered by a redirect), half with htmx (the
 * vote and the next statement's card in one answer). The background job keeps mapping while they vote.
 */
final class ConversationsBench implements Command {
    private static final Pattern STATEMENT = Pattern.compile("name=\"statement\" value=\"(\\d+)\"");

    @Override
    public String name() {
        return "conversations";
    }

    @Override
    public String summary() {
        return "--statements 200 --participants 2000 --density 20 (percent) --voters 100 --each 20: vote latency (p50, p99) in a large conversation";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments o = Arguments.parse(args, Set.of("statements", "participants", "density", "voters", "each"), Set.of());
        o.noPositional();
        int statements = o.integer("statements", 200, 2, 10_000);
        int participants = o.integer("participants", 2_000, 0, 1_000_000);
        int densityPercent = o.integer("density", 20, 1, 100);
        int voters = o.integer("voters", 100, 1, 100_000);
        int each = Math.min(o.integer("each", 20, 1, 10_000), statements);
        try (BenchSite site = new BenchSite(Map.of("TRUST_PROXY", "true"))) {
            console.err().printf("loading a conversation of %,d statements with %,d participants' votes (%d%% of the matrix)...%n",
                    statements, participants, densityPercent);
            long id = load(site, statements, participants, densityPercent);
            long t0 = System.nanoTime();
            site.platform.feature(ConversationsFeature.class).recomputeDue();
            console.out().printf("first map of the loaded votes: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            // Warm-up, then the measured run, each with its own participants.
            vote(site, id, Math.max(10, voters / 5), each);
            long[][] took = vote(site, id, voters, each);
            for (int htmx = 0; htmx < 2; htmx++) {
                long[] sorted = took[htmx];
                console.out().printf("POST /conversations/%d/votes (%s) %,d votes: p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", id,
                        htmx == 1 ? "htmx, with the next card" : "no JavaScript, redirect", sorted.length, BenchSite.pct(sorted, 0.50),
                        BenchSite.pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
            }
        }
        return 0;
    }

    /** Each voter opens the page (not timed) and votes on {@code each} statements; latencies by kind (0 redirect, 1 htmx), sorted. */
    private static long[][] vote(BenchSite site, long id, int voters, int each) throws Exception {
        long[][] took = {new long[voters * each], new long[voters * each]};
        int[] n = {0, 0};
        String page = site.base + "/conversations/" + id;
        for (int v = 0; v < voters; v++) {
            int kind = v % 2;
            // Each participant from their own address (TRUST_PROXY, as behind the council's proxy), so the per-client write limit is theirs.
            String address = "10.1." + (v / 250) % 250 + "." + (v % 250 + 1);
            HttpResponse<String> first = site.http.send(HttpRequest.newBuilder(URI.create(page)).header("X-Forwarded-For", address).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookies = String.join("; ", first.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).toList());
            String csrf = BenchSite.csrf(first.body());
            String body = first.body();
            for (int i = 0; i < each; i++) {
                Matcher m = STATEMENT.matcher(body);
                if (!m.find()) break;
                HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(page + "/votes")).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies).header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString("_csrf=" + BenchSite.enc(csrf) + "&statement=" + m.group(1)
                                + "&vote=" + (i % 3 == 0 ? "agree" : i % 3 == 1 ? "disagree" : "pass")));
                if (kind == 1) post.header("HX-Request", "true");
                long t0 = System.nanoTime();
                HttpResponse<String> r = site.http.send(post.build(), HttpResponse.BodyHandlers.ofString());
                took[kind][n[kind]++] = System.nanoTime() - t0;
                if (r.statusCode() != (kind == 1 ? 200 : 302)) throw new IllegalStateException("vote answered " + r.statusCode());
                for (String c : r.headers().allValues("Set-Cookie")) if (c.startsWith("cw_participant=")) cookies += "; " + c.split(";")[0];
                body = kind == 1 ? r.body() : site.http.send(HttpRequest.newBuilder(URI.create(page)).header("Cookie", cookies).header("X-Forwarded-For", address).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
        }
        long[][] sorted = {Arrays.copyOf(took[0], n[0]), Arrays.copyOf(took[1], n[1])};
        for (long[] s : sorted) Arrays.sort(s);
        return sorted;
    }

    /** A conversation open to anonymous participants, with its statements and the earlier participants' votes. */
    private static long load(BenchSite site, int statements, int participants, int densityPercent) {
        return site.platform.database().jdbi().inTransaction(h -> {
            long id = h.createQuery("""
                    INSERT INTO conversations (topic, description, moderation, participation, for_council)
                    VALUES ('Bench conversation', 'Statements and votes loaded for the bench.', 'open', 'anonymous', true) RETURNING id""")
                    .mapTo(Long.class).one();
            h.execute("""
                    INSERT INTO conversation_statements (conversation_id, number, body, seed, status)
                    SELECT ?, g, 'Bench statement ' || g || ': the council should look again at plan ' || (g * 7919 % 1000), true, 'approved'
                    FROM generate_series(0, ? - 1) g""", id, statements);
            h.execute("""
                    INSERT INTO conversation_participants (conversation_id, number, anonymous_key)
                    SELECT ?, g, 'bench-' || g FROM generate_series(0, ? - 1) g""", id, participants);
            // Two camps, so the map has groups: even participants lean to agree with even statements, odd ones the reverse.
            h.execute("""
                    INSERT INTO conversation_votes (participant_id, statement_id, conversation_id, vote)
                    SELECT p.id, s.id, ?, CASE WHEN random() < 0.15 THEN 0
                                               WHEN (p.number + s.number) % 2 = 0 THEN (CASE WHEN random() < 0.8 THEN 1 ELSE -1 END)
                                               ELSE (CASE WHEN random() < 0.8 THEN -1 ELSE 1 END) END
                    FROM conversation_participants p JOIN conversation_statements s ON s.conversation_id = p.conversation_id
                    WHERE p.conversation_id = ? AND random() < ? / 100.0""", id, id, densityPercent);
            h.execute("ANALYZE");
            return id;
        });
    }
}
