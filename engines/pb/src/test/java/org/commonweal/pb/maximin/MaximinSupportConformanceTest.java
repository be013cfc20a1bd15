package org.commonweal.pb.maximin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.PabulibReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * pabutools' own maximin support tests (tests/rules/test_maximin_support.py) and the abcvoting profiles with
 * maximin-support results, which pabutools' test_from_abcvoting.py runs its rule against, converted to .pb files
 * (test resources pabutools/maximin-support; META expected_outcomes lists every outcome the reference accepts,
 * as project ids, " | " between outcomes). As in pabutools' comparison, projects nobody approves are left out of
 * both sides: abcvoting fills a committee with them, this rule never funds them.
 */
class MaximinSupportConformanceTest {
    static Stream<Path> cases() throws Exception {
        Path folder = Path.of(MaximinSupportConformanceTest.class.getResource("/pabutools/maximin-support").toURI());
        return Files.list(folder).filter(p -> p.toString().endsWith(".pb")).sorted();
    }

    /** Every tie-break gives one of the outcomes the reference accepts: by id (pabutools' default) and 20 lotteries. */
    @ParameterizedTest
    @MethodSource("cases")
    void fundsAnOutcomeTheReferenceAccepts(Path file) throws Exception {
        Instance instance = PabulibReader.read(file);
        Set<Set<String>> expected = Arrays.stream(instance.meta().get("expected_outcomes").split("\\|"))
                .map(o -> Set.of(o.strip().split(","))).collect(Collectors.toSet());
        List<TieBreak> tieBreaks = new ArrayList<>(List.of(TieBreak.parse("id", 0), TieBreak.DEFAULT));
        for (int seed = 1; seed <= 20; seed++) tieBreaks.add(TieBreak.parse("lottery", seed));
        Set<Set<String>> reached = new HashSet<>();
        for (TieBreak tieBreak : tieBreaks) {
            Set<String> funded = Set.copyOf(Instances.ids(instance, MaximinSupport.INSTANCE.outcome(instance, tieBreak)));
            assertThat(expected).as("%s under %s (seed %d)", file.getFileName(), tieBreak.spec(), tieBreak.seed()).contains(funded);
            reached.add(funded);
        }
        // Where the reference lists several tied outcomes, the lotteries reach more than one of them.
        if (expected.size() > 1) assertThat(reached).as(file.getFileName().toString()).hasSizeGreaterThan(1);
    }

    /** test_empty_input: no projects, no voters: nothing is funded. */
    @Test
    void anElectionWithoutProjectsFundsNothing() {
        Instance empty = Instances.approval(10, new long[]{});
        Outcome outcome = MaximinSupport.INSTANCE.outcome(empty, TieBreak.DEFAULT);
        assertThat(outcome.selected()).isEmpty();
        assertThat(outcome.totalCost()).isZero();
    }

    /**
     * test_large_input_random_structure_with_fairness: 30 projects costing 1 to 5, budget 50, 100 voters approving
     * 3 to 5 projects each; at least half of the funded projects are among as many with the most approvals per unit
     * of cost.
     */
    @Property(tries = 40)
    void mostFundedProjectsAreAmongTheBestSupportedPerUnitOfCost(@ForAll long seed) {
        Random random = new Random(seed);
        long[] costs = new long[30];
        for (int p = 0; p < costs.length; p++) costs[p] = 1 + random.nextInt(5);
        int[][] ballots = new int[100][];
        for (int v = 0; v < ballots.length; v++) {
            List<Integer> all = new ArrayList<>();
            for (int p = 0; p < costs.length; p++) all.add(p);
            java.util.Collections.shuffle(all, random);
            ballots[v] = all.subList(0, 3 + random.nextInt(3)).stream().mapToInt(Integer::intValue).toArray();
        }
        Instance instance = Instances.approval(50, costs, ballots);
        List<Integer> funded = MaximinSupport.INSTANCE.outcome(instance, TieBreak.parse("id", 0)).selected();
        long[] approvals = instance.supportCounts();
        List<Integer> byRatio = new ArrayList<>();
        for (int p = 0; p < costs.length; p++) byRatio.add(p);
        byRatio.sort(Comparator.comparingDouble(p -> -(double) approvals[p] / costs[p]));
        Set<Integer> best = new HashSet<>(byRatio.subList(0, funded.size()));
        assertThat(funded.stream().filter(best::contains).count()).isGreaterThanOrEqualTo(funded.size() / 2);
    }
}
