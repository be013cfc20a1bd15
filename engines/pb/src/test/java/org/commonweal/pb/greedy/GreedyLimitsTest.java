package org.commonweal.pb.greedy;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rules;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.OfficialOutcome;
import org.commonweal.pb.pabulib.PabulibReader;
import org.commonweal.pb.pabulib.SharedPabulib;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mutually exclusive projects and per-category caps, on the real files that name them. */
class GreedyLimitsTest {
    private static Instance read(String name) throws Exception {
        return PabulibReader.read(SharedPabulib.file(name));
    }

    @Test
    void warszawaBemowo2022FundsOnlyTheMoreVotedOfTheTwoConflictingProjectsAsTheCityDid() throws Exception {
        Instance instance = read("Poland_Warszawa_2022_Bemowo.pb");
        var official = OfficialOutcome.fundedByRule(instance).orElseThrow();
        assertThat(new TreeSet<>(new Greedy().outcome(instance, TieBreak.DEFAULT).selected()))
                .as("plain greedy also funds 153").contains(instance.projectIndex("153")).isNotEqualTo(official);
        Outcome outcome = Rules.build("greedy-exclusive", Map.of("exclusive", "773,153")).outcome(instance, TieBreak.DEFAULT);
        assertThat(new TreeSet<>(outcome.selected())).isEqualTo(official);
        Outcome.Verdict excluded = outcome.verdicts().stream().filter(v -> v.project() == instance.projectIndex("153")).findFirst().orElseThrow();
        assertThat(excluded.reason()).isInstanceOf(GreedyReason.Excluded.class);
        assertThat(((GreedyReason.Excluded) excluded.reason()).rival()).isEqualTo(instance.projectIndex("773"));
    }

    @Test
    void theWarszawa2024GreedyExclusiveFilesMatchTheirOfficialOutcomesWhenNoConflictDecided() throws Exception {
        for (String district : List.of("Bielany", "Ochota", "Praga-Polnoc", "Targowek", "Ursynow", "Wesola", "Wlochy", "Zoliborz")) {
            Instance instance = read("Poland_Warszawa_2024_" + district + ".pb");
            Outcome outcome = Rules.build("greedy-exclusive", Map.of()).outcome(instance, TieBreak.DEFAULT);
            assertThat(new TreeSet<>(outcome.selected())).as(district).isEqualTo(OfficialOutcome.fundedByRule(instance).orElseThrow());
        }
    }

    @Test
    void anExclusiveGroupNamingAnUnknownProjectOrOneProjectIsRefused() {
        Instance instance = Instances.approval(10, new long[]{5, 5}, new int[]{0, 1}, new int[]{0});
        assertThatThrownBy(() -> GreedyExclusive.parse("p0,nope").outcome(instance, TieBreak.DEFAULT))
                .hasMessageContaining("'nope'");
        assertThatThrownBy(() -> GreedyExclusive.parse("p0")).hasMessageContaining("at least two");
        assertThat(Instances.ids(instance, new Greedy().outcome(instance, TieBreak.DEFAULT))).containsExactly("p0", "p1");
        assertThat(Instances.ids(instance, GreedyExclusive.parse("p0,p1").outcome(instance, TieBreak.DEFAULT))).containsExactly("p0");
    }

    /** Amsterdam 604 caps what the rule may spend per category (META budget_per_category, in the order of categories). */
    @Test
    void amsterdam604KeepsEveryCategoryWithinItsCapWhichPlainGreedyWouldPass() throws Exception {
        Instance instance = read("Netherlands_Amsterdam_604.pb");
        GreedyLimits limits = GreedyLimits.of(instance);
        assertThat(limits.limits()).extracting(GreedyLimits.Limit::value).containsExactly(
                "Meer groen in de buurt", "Kindvriendelijke buurt", "Kinder- en jongerenactiviteiten", "Klimaat en duurzaamheid");
        assertThat(limits.limits()).extracting(GreedyLimits.Limit::amount).containsExactly(90610L, 57312L, 71364L, 80715L);
        Outcome capped = new Greedy().outcome(instance, TieBreak.DEFAULT);
        assertThat(overCap(instance, limits, capped.selected())).isEmpty();
        assertThat(capped.verdicts()).extracting(Outcome.Verdict::reason).hasAtLeastOneElementOfType(GreedyReason.OverLimit.class);

        Map<String, String> meta = new HashMap<>(instance.meta());
        meta.remove("budget_per_category");
        Instance uncapped = new Instance(meta, instance.projects(), instance.ballots(), instance.projectColumns(), instance.voteColumns(),
                instance.costScale(), instance.budget());
        assertThat(overCap(instance, limits, new Greedy().outcome(uncapped, TieBreak.DEFAULT).selected())).isNotEmpty();
    }

    private static List<String> overCap(Instance instance, GreedyLimits limits, List<Integer> selected) {
        return limits.limits().stream().filter(l -> selected.stream()
                        .filter(p -> instance.projects().get(p).columns().get("category").equals(l.value()))
                        .mapToLong(p -> instance.projects().get(p).cost()).sum() > l.amount())
                .map(GreedyLimits.Limit::value).toList();
    }

    @Test
    void targetCapsWorkLikeCategoryCapsAndAProjectCountsAgainstEveryGroupItLists() {
        Instance instance = PabulibReader.parse("""
                META
                key;value
                budget;100
                targets;seniors,children
                budget_per_target;30,100
                PROJECTS
                project_id;cost;target
                a;20;seniors,children
                b;20;seniors
                c;20;children
                VOTES
                voter_id;vote
                1;a,b,c
                2;a,b
                3;a
                """, "targets.pb");
        Outcome outcome = new Greedy().outcome(instance, TieBreak.DEFAULT);
        assertThat(Instances.ids(instance, outcome)).containsExactly("a", "c");
        assertThat(outcome.verdicts().get(1).reason()).isEqualTo(new GreedyReason.OverLimit(2, 20, "target", "seniors", 10));
        Outcome noSkip = new GreedyNoSkip().outcome(instance, TieBreak.DEFAULT);
        assertThat(Instances.ids(instance, noSkip)).as("no-skip stops at the first project over its cap").containsExactly("a");
    }

    @Test
    void capsWithoutNamesOrWithAMismatchedCountAreRefusedNamingTheKeys() {
        String file = """
                META
                key;value
                budget;100
                %s
                PROJECTS
                project_id;cost;category
                a;20;x
                VOTES
                voter_id;vote
                1;a
                """;
        Instance noNames = PabulibReader.parse(file.formatted("budget_per_category;30"), "a.pb");
        assertThatThrownBy(() -> new Greedy().outcome(noNames, TieBreak.DEFAULT)).hasMessageContaining("budget_per_category needs categories");
        Instance mismatch = PabulibReader.parse(file.formatted("categories;x,y\nbudget_per_category;30"), "b.pb");
        assertThatThrownBy(() -> new Greedy().outcome(mismatch, TieBreak.DEFAULT)).hasMessageContaining("lists 2 names but budget_per_category 1 amounts");
    }
}
