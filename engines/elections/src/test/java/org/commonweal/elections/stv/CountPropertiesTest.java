package org.commonweal.elections.stv;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CountPropertiesTest {
    private static final List<CountingRule> MULTI_SEAT = List.of(new ScottishStv(), new WeightedInclusiveGregory(), new MeekStv());

    @Property(tries = 300)
    void aCountNeverElectsMoreThanTheSeatsNorAnyoneTwice(@ForAll("elections") Election e, @ForAll long seed) {
        for (CountingRule rule : MULTI_SEAT) {
            CountReport r = rule.count(e, seed);
            assertThat(r.elected()).as(rule.name()).hasSizeLessThanOrEqualTo(e.seats()).doesNotHaveDuplicates();
            assertThat(r.elected()).as(rule.name() + " fills every seat").hasSize(e.seats());
            for (int c : r.excluded()) assertThat(r.elected()).doesNotContain(c);
        }
    }

    @Property(tries = 300)
    void votesAreConservedAtEveryStage(@ForAll("elections") Election e, @ForAll long seed) {
        for (CountingRule rule : MULTI_SEAT) {
            CountReport r = rule.count(e, seed);
            for (Stage s : r.stages()) {
                assertThat(s.accountedFor()).as(rule.name() + " stage " + s.number()).isEqualTo(r.poll());
                assertThat(s.nonTransferable()).isNotNegative();
                assertThat(s.loss()).isNotNegative();
            }
        }
    }

    @Property(tries = 300)
    void irvElectsTheFirstPreferenceMajorityWinnerWhenThereIsOne(@ForAll("elections") Election e, @ForAll long seed) {
        Election single = new Election(e.title(), e.candidates(), 1, e.ballots());
        long[] first = new long[e.candidateCount()];
        for (int g = 0; g < e.ballots().size(); g++) first[e.ballots().ranking(g)[0]] += e.ballots().papers(g);
        CountReport r = new InstantRunoff().count(single, seed);

        assertThat(r.elected()).hasSize(1);
        for (int c = 0; c < first.length; c++) {
            if (2 * first[c] > e.ballots().totalPapers()) assertThat(r.elected()).containsExactly(c);
        }
        for (Stage s : r.stages()) assertThat(s.accountedFor()).isEqualTo(r.poll());
    }

    @Property(tries = 100)
    void aCountIsRepeatableFromItsSeed(@ForAll("elections") Election e, @ForAll long seed) {
        for (CountingRule rule : MULTI_SEAT) {
            assertThat(rule.count(e, seed).elected()).isEqualTo(rule.count(e, seed).elected());
        }
    }

    /** Up to 7 candidates and 4 seats; ballots are short or full rankings, often repeated, sometimes a majority. */
    @Provide
    Arbitrary<Election> elections() {
        return Arbitraries.integers().between(2, 7).flatMap(n -> {
            Arbitrary<List<Integer>> ranking = Arbitraries.integers().between(0, n - 1).list().uniqueElements().ofMinSize(1).ofMaxSize(n);
            Arbitrary<Long> count = Arbitraries.longs().between(1, 30);
            Arbitrary<List<Object[]>> papers = Combinators.combine(ranking, count).as((r, k) -> new Object[]{r, k}).list().ofMinSize(1).ofMaxSize(25);
            return Combinators.combine(papers, Arbitraries.integers().between(1, Math.min(n, 4))).as((ps, seats) -> {
                Ballots.Builder b = Ballots.builder();
                for (Object[] p : ps) {
                    @SuppressWarnings("unchecked") List<Integer> r = (List<Integer>) p[0];
                    b.add(r.stream().mapToInt(Integer::intValue).toArray(), (Long) p[1]);
                }
                List<String> names = new ArrayList<>();
                for (int i = 0; i < n; i++) names.add("C" + i);
                return new Election("generated", names, seats, b.build());
            });
        });
    }
}
