package org.commonweal.pb.mes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.commonweal.pb.Instance;
import org.commonweal.pb.SharedData;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.PabulibReader;

/**
 * Prints parse and MES+add1 times. Usage: {@code Bench [files...]} (default Warszawa 2026 and Łódź 2022), or
 * {@code Bench --all} for every shared pabulib file. Run it with the test classpath, see the README.
 */
public final class Bench {
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--all")) {
            all();
            return;
        }
        List<String> files = args.length > 0 ? List.of(args) : List.of("Poland_Warszawa_2026.pb", "Poland_Lodz_2022.pb");
        for (int rep = 0; rep < 5; rep++) {
            for (String f : files) {
                long t0 = System.nanoTime();
                Instance instance = PabulibReader.read(SharedData.pabulib(f));
                long t1 = System.nanoTime();
                long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                EqualShares.Decision d = EqualShares.ADD1.decide(instance, TieBreak.DEFAULT);
                long t2 = System.nanoTime();
                long c1 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                System.out.println("thread cpu " + (c1 - c0) / 1_000_000 + " ms; process cpu " + ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000);
                System.out.printf("%s run %d: parse %d ms, mes+add1 %d ms (%d increments, %d exact passes, %d funded, cost %d), total %d ms%n", f, rep + 1,
                        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, d.increments(), d.exactPasses(), d.outcome().selected().size(),
                        d.outcome().totalCost(), (t2 - t0) / 1_000_000);
            }
        }
    }

    private static void all() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(SharedData.pabulib())) {
            files = s.filter(p -> p.toString().endsWith(".pb")).sorted().toList();
        }
        long parse = 0, compute = 0;
        int done = 0;
        String slowest = "";
        long slowestMs = 0;
        for (Path f : files) {
            long t0 = System.nanoTime();
            Instance instance = PabulibReader.read(f);
            long t1 = System.nanoTime();
            EqualShares rule = new EqualShares(null, Completion.ADD1, false, false);
            rule.outcome(instance, TieBreak.DEFAULT);
            long t2 = System.nanoTime();
            parse += t1 - t0;
            compute += t2 - t1;
            if ((t2 - t1) / 1_000_000 > slowestMs) {
                slowestMs = (t2 - t1) / 1_000_000;
                slowest = f.getFileName().toString();
            }
            done++;
        }
        System.out.printf("%d files: parse %d ms, mes+add1 %d ms, total %d ms; slowest %s %d ms%n", done, parse / 1_000_000,
                compute / 1_000_000, (parse + compute) / 1_000_000, slowest, slowestMs);
    }
}
