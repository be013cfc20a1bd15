package org.commonweal.pb.mes;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.commonweal.pb.Instance;
import org.commonweal.pb.SharedData;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.PabulibReader;

/**
 * Prints parse and MES+add1 times, wall clock and the process's CPU time (the fair figure on a shared machine; it counts
 * the second core's add1 passes too, see {@link PassesAhead}).
 * Usage: {@code Bench [files...]} (default Warszawa 2026 and Łódź 2022; 5 rounds, the first ones warm the JIT),
 * or {@code Bench --all} for one pass over every shared pabulib file. Run with the test classpath, see the README.
 */
public final class Bench {
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static long cpu() {
        return PROCESS.getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--all")) {
            all();
            return;
        }
        List<String> files = args.length > 0 ? List.of(args) : List.of("Poland_Warszawa_2026.pb", "Poland_Lodz_2022.pb");
        for (int round = 1; round <= 5; round++) {
            for (String f : files) {
                long w0 = System.nanoTime(), c0 = cpu();
                Instance instance = PabulibReader.read(SharedData.pabulib(f));
                long w1 = System.nanoTime(), c1 = cpu();
                EqualShares.Decision d = EqualShares.ADD1.decide(instance, TieBreak.DEFAULT);
                long w2 = System.nanoTime(), c2 = cpu();
                System.out.printf("%s round %d: parse %d ms (cpu %d), mes+add1 %d ms (cpu %d), total %d ms (cpu %d); %d increments, %d funded, cost %s%n",
                        f, round, ms(w1 - w0), ms(c1 - c0), ms(w2 - w1), ms(c2 - c1), ms(w2 - w0), ms(c2 - c0),
                        d.increments(), d.outcome().selected().size(), instance.toCurrency(d.outcome().totalCost()).toPlainString());
            }
        }
    }

    private static void all() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(SharedData.pabulib())) {
            files = s.filter(p -> p.toString().endsWith(".pb")).sorted().toList();
        }
        long parse = 0, compute = 0, parseCpu = 0, computeCpu = 0;
        for (Path f : files) {
            long w0 = System.nanoTime(), c0 = cpu();
            Instance instance = PabulibReader.read(f);
            long w1 = System.nanoTime(), c1 = cpu();
            EqualShares.Decision d = EqualShares.ADD1.decide(instance, TieBreak.DEFAULT);
            long w2 = System.nanoTime(), c2 = cpu();
            parse += w1 - w0;
            compute += w2 - w1;
            parseCpu += c1 - c0;
            computeCpu += c2 - c1;
            if (c2 - c1 > 1_000_000_000L) {
                System.out.printf("  slow: %s: %d voters, mes+add1 cpu %d ms, %d increments%n", f.getFileName(),
                        instance.ballots().size(), ms(c2 - c1), d.increments());
            }
        }
        System.out.printf("%d files: parse %d ms (cpu %d), mes+add1 %d ms (cpu %d)%n", files.size(), ms(parse), ms(parseCpu), ms(compute), ms(computeCpu));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
