package org.commonweal.matching;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MatcherTest {
    @Test
    void agreesWithTryingEveryAssignmentOnSmallRandomInstances() {
        int checked = 0;
        for (long seed = 1; seed <= 400; seed++) {
            Instance instance = RandomInstances.of(seed, 1 + (int) (seed % 5), 1 + (int) (seed % 7));
            long[] best = BruteForce.best(instance);
            Matching optimal = Matcher.optimal(instance);
            assertThat(optimal.matched()).as("matched, seed %d", seed).isEqualTo(best[0]);
            assertThat(optimal.totalMetres()).as("metres, seed %d", seed).isEqualTo(best[1]);
            if (best[0] > 0) checked++;
        }
        assertThat(checked).as("instances where someone could be matched").isGreaterThan(150);
    }

    @Test
    void theOptimumServesMoreThanCheapestFirstWhenTheNearestVolunteerIsTheOnlyOneForSomeoneElse() {
        // Ann is 1 km from Bea's request and 2 km from Cy's; Dan can reach only Bea. Cheapest first gives Ann to Bea and
        // leaves Cy alone; the optimum sends Dan to Bea and Ann to Cy.
        Volunteer ann = volunteer("ann", 53.480, -2.240, 5);
        Volunteer dan = volunteer("dan", 53.500, -2.240, 2.5);
        HelpRequest bea = request("bea", 53.489, -2.240);
        HelpRequest cy = request("cy", 53.462, -2.240);
        Instance instance = new Instance(List.of(ann, dan), List.of(bea, cy));
        assertThat(Matcher.greedy(instance).matched()).isEqualTo(1);
        Matching optimal = Matcher.optimal(instance);
        assertThat(optimal.matches()).extracting(Match::request, Match::volunteer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bea", "dan"), org.assertj.core.groups.Tuple.tuple("cy", "ann"));
    }

    @Test
    void thePersonsPreviousVolunteerCostsNothingSoContinuityWinsATie() {
        Volunteer near = volunteer("near", 53.480, -2.240, 5);
        Volunteer before = volunteer("before", 53.490, -2.240, 5);
        HelpRequest r = new HelpRequest("r", Set.of("shopping"), Set.of("English"), Dbs.NONE, 53.481, -2.240, Set.of("mon-am"), null, "before");
        Matching m = Matcher.optimal(new Instance(List.of(near, before), List.of(r)));
        assertThat(m.matches()).singleElement().satisfies(x -> {
            assertThat(x.volunteer()).isEqualTo("before");
            assertThat(x.costKm()).isZero();
        });
    }

    @Property(tries = 200)
    void everyMatchKeepsEveryRuleAndNoVolunteerTakesMoreThanTheirCapacity(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int volunteers,
                                                                           @ForAll @IntRange(min = 1, max = 40) int requests) {
        Instance instance = RandomInstances.of(seed, volunteers, requests);
        for (Matching m : List.of(Matcher.optimal(instance), Matcher.greedy(instance))) {
            Map<String, Integer> taken = new HashMap<>();
            for (Match x : m.matches()) {
                Volunteer v = instance.volunteers().stream().filter(o -> o.id().equals(x.volunteer())).findFirst().orElseThrow();
                HelpRequest r = instance.requests().stream().filter(o -> o.id().equals(x.request())).findFirst().orElseThrow();
                for (Constraint c : Constraint.values()) assertThat(c.holds(v, r)).as("%s for %s", c, x).isTrue();
                taken.merge(v.id(), 1, Integer::sum);
            }
            for (Volunteer v : instance.volunteers()) assertThat(taken.getOrDefault(v.id(), 0)).isLessThanOrEqualTo(v.capacity());
            assertThat(m.matched() + m.unmatched().size()).isEqualTo(requests);
        }
    }

    @Property(tries = 200)
    void theOptimumNeverServesFewerThanGreedyAndAtEqualCountsNeverTravelsMore(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int volunteers,
                                                                            @ForAll @IntRange(min = 1, max = 40) int requests) {
        Instance instance = RandomInstances.of(seed, volunteers, requests);
        Matching optimal = Matcher.optimal(instance), greedy = Matcher.greedy(instance);
        assertThat(optimal.matched()).isGreaterThanOrEqualTo(greedy.matched());
        if (optimal.matched() == greedy.matched()) assertThat(optimal.totalMetres()).isLessThanOrEqualTo(greedy.totalMetres());
    }

    @Test
    void theSameInputGivesTheSameMatching() {
        Instance instance = RandomInstances.of(42, 30, 40);
        assertThat(Matcher.optimal(instance)).isEqualTo(Matcher.optimal(instance));
    }

    @Test
    void theGridFindsTheSamePairsAsTestingEveryPair() {
        for (long seed = 1; seed <= 50; seed++) {
            Instance instance = RandomInstances.of(seed, 40, 60);
            long everyPair = instance.volunteers().stream().mapToLong(v -> instance.requests().stream().filter(r -> Constraint.allHold(v, r)).count()).sum();
            assertThat(FeasiblePairs.of(instance).size()).isEqualTo(everyPair);
        }
    }

    static Volunteer volunteer(String id, double lat, double lon, double radiusKm) {
        return new Volunteer(id, Set.of("shopping"), Set.of("English"), Dbs.NONE, lat, lon, radiusKm, Set.of("mon-am"), 1, null);
    }

    static HelpRequest request(String id, double lat, double lon) {
        return new HelpRequest(id, Set.of("shopping"), Set.of("English"), Dbs.NONE, lat, lon, Set.of("mon-am"), null, null);
    }
}
