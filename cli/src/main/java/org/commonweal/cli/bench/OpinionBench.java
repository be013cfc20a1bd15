package org.commonweal.cli.bench;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.opinion.Analysis;
import org.commonweal.opinion.OpinionMath;
import org.commonweal.opinion.Vote;
import org.commonweal.opinion.VoteMatrix;
import org.commonweal.opinion.io.ConversationFile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code commonweal bench opinion}: the opinion engine's speed. First, while the JVM is still cold, the largest
 * shared Polis conversation read and analysed end to end (as {@code opinion analyse} does); then a seeded
 * synthetic conversation (default 10,000 participants × 1,000 statements, 5 % voted, three camps) timed for a
 * first update and for warm-started updates, with the heap's peak use during an update.
 */
final class OpinionBench implements Command {
    @Override
    public String name() {
        return "opinion";
    }

    @Override
    public String summary() {
        return "--participants 10000 --statements 1000 --density 0.05 --runs 5: the opinion math on a large synthetic and the largest shared conversation";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments o = Arguments.parse(args, Set.of("participants", "statements", "density", "runs", "seed", "shared"), Set.of());
        o.noPositional();
        int participants = o.integer("participants", 10_000, 10, 1_000_000);
        int statements = o.integer("statements", 1_000, 2, 100_000);
        double density = Double.parseDouble(o.text("density", "0.05"));
        if (!(density > 0 && density <= 1)) throw new UsageException("--density must be above 0 and at most 1");
        int runs = o.integer("runs", 5, 1, 100);
        long seed = o.number("seed", 1);

        Path shared = o.has("shared") ? Path.of(o.text("shared", "")) : sharedPolis();
        if (shared != null) largestShared(shared, console);

        long t0 = System.nanoTime();
        VoteMatrix votes = synthetic(participants, statements, density, seed);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        console.out().printf("synthetic: %,d participants x %,d statements, %,d votes (%.1f %%), matrix built in %.0f ms%n",
                votes.participantCount(), votes.statementCount(), votes.voteCount(), 100.0 * votes.voteCount() / ((double) participants * statements), buildMs);
        Analysis first = measure(console, "first update (no state, cold PCA)", () -> OpinionMath.update(null, votes));
        console.out().printf("  %d groups of %s participants%n", first.groups().size(),
                first.groups().stream().map(g -> String.valueOf(g.members().size())).reduce((a, b) -> a + ", " + b).orElse("no"));
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            OpinionMath.update(first.state(), votes);
            best = Math.min(best, (System.nanoTime() - s) / 1e6);
        }
        console.out().printf("warm update (state of the last update): best of %d %.0f ms%n", runs, best);
        measure(console, "warm update, heap measured", () -> OpinionMath.update(first.state(), votes));
        console.out().printf("on %d available processors (load average %.1f), max heap %,d MB%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().maxMemory() >> 20);
        return 0;
    }

    /** Three camps of equal size; each camp agrees with a third of the statements and disagrees with another third. */
    static VoteMatrix synthetic(int participants, int statements, double density, long seed) {
        Random random = new Random(seed);
        VoteMatrix.Builder b = VoteMatrix.builder();
        for (int p = 0; p < participants; p++) {
            int camp = p % 3;
            for (int s = 0; s < statements; s++) {
                if (random.nextDouble() >= density) continue;
                int leaning = (s - camp + 3) % 3; // 0 agree, 1 disagree, 2 divided
                double r = random.nextDouble();
                Vote v = leaning == 2 ? (r < 0.4 ? Vote.AGREE : r < 0.8 ? Vote.DISAGREE : Vote.PASS)
                        : r < 0.75 ? (leaning == 0 ? Vote.AGREE : Vote.DISAGREE) : r < 0.9 ? Vote.PASS : (leaning == 0 ? Vote.DISAGREE : Vote.AGREE);
                b.vote(p, s, v);
            }
        }
        return b.build();
    }

    private static Analysis measure(Console console, String what, Supplier<Analysis> update) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long s = System.nanoTime();
        long cpu = cpuNanos();
        Analysis a = update.get();
        double ms = (System.nanoTime() - s) / 1e6;
        double cpuMs = (cpuNanos() - cpu) / 1e6;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        console.out().printf("%s: %.0f ms (%.0f ms of this thread's CPU); heap in use before %,d MB, peak during %,d MB (garbage included)%n",
                what, ms, cpuMs, before >> 20, peak >> 20);
        return a;
    }

    /** CPU time of this thread: wall time on a machine shared with other work overstates the cost. */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The conversation with the most votes, read and analysed once, first thing in this JVM. */
    private static void largestShared(Path folder, Console console) throws Exception {
        List<Path> conversations;
        try (Stream<Path> s = Files.list(folder)) {
            conversations = s.filter(p -> Files.exists(p.resolve("votes.csv")) || Files.exists(p.resolve("votes.json"))).toList();
        }
        Path largest = null;
        long size = -1;
        for (Path c : conversations) {
            long bytes = Files.size(c.resolve(Files.exists(c.resolve("votes.csv")) ? "votes.csv" : "votes.json"));
            if (bytes > size) {
                size = bytes;
                largest = c;
            }
        }
        if (largest == null) return;
        long s = System.nanoTime();
        long cpu = cpuNanos();
        ConversationFile file = ConversationFile.read(largest);
        double readMs = (System.nanoTime() - s) / 1e6;
        Analysis a = OpinionMath.update(null, file.matrix());
        double totalMs = (System.nanoTime() - s) / 1e6;
        double cpuMs = (cpuNanos() - cpu) / 1e6;
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        console.out().printf("largest shared conversation %s: %,d participants, %,d statements, %,d votes; read %.0f ms, read + analysed %.0f ms "
                        + "(%.0f ms of this thread's CPU) in a cold JVM, %,d ms since the JVM started%n",
                largest.getFileName(), a.participants(), a.statements(), file.votes().size(), readMs, totalMs, cpuMs, sinceStart);
    }

    /** {@code <repo root>/../shared/data/polis}, the repo root holding the launcher; null if absent. */
    private static Path sharedPolis() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("commonweal"))) p = p.getParent();
        if (p == null) return null;
        Path dir = p.resolveSibling("shared").resolve("data").resolve("polis");
        return Files.isDirectory(dir) ? dir : null;
    }
}
