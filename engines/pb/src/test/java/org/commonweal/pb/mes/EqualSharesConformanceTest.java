package org.commonweal.pb.mes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonweal.pb.Instance;
import org.commonweal.pb.pabulib.OfficialOutcome;
import org.commonweal.pb.Instances;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.SharedData;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.PabulibReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** MES against the outcomes computed by equalshares.net and pabutools, and against the official results that used it. */
@Tag("slow")
class EqualSharesConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"Poland_Warszawa_2026.pb", "Poland_Lodz_2022.pb", "Poland_Wieliczka_2023_Green_Budget.pb"})
    void add1ReproducesTheReferenceWinnersCostAndFinalMoneyPerVoter(String file) throws IOException {
        Reference ref = reference(file);
        Instance instance = PabulibReader.read(SharedData.pabulib(file));
        EqualShares.Decision d = EqualShares.ADD1.decide(instance, TieBreak.DEFAULT);
        assertThat(new TreeSet<>(Instances.ids(instance, d.outcome()))).isEqualTo(ref.winners());
        assertThat(d.outcome().totalCost()).isEqualTo(ref.totalCost() * instance.unit());
        // The reference reports the final money per voter in whole currency units.
        long perVoter = d.finalPerVoterBudget().toBigDecimal(0).longValueExact() / instance.unit();
        assertThat(Math.abs(perVoter - ref.finalPerVoterBudget())).isLessThanOrEqualTo(1);
    }

    @Test
    void wieliczkaOfficialResultIsAdd1MaxWithComparison() throws IOException {
        // META says equalshares/add1-comparison; the official 30 projects (995,079 PLN) come from raising past exhaustiveness.
        Instance instance = PabulibReader.read(SharedData.pabulib("Poland_Wieliczka_2023_Green_Budget.pb"));
        Outcome o = new EqualShares(Utility.COST, Completion.ADD1_MAX, true, false).outcome(instance, TieBreak.DEFAULT);
        assertThat(new TreeSet<>(Instances.ids(instance, o))).isEqualTo(official(instance));
        assertThat(o.selected()).hasSize(30);
        assertThat(o.totalCost()).isEqualTo(995_079L * instance.unit());
    }

    @Test
    void swiecieOfficialResultIsAdd1WithTheEligibilityFilter() throws IOException {
        Instance instance = PabulibReader.read(SharedData.pabulib("Poland_Swiecie_2023.pb"));
        Outcome o = new EqualShares(Utility.COST, Completion.ADD1, false, true).outcome(instance, TieBreak.DEFAULT);
        assertThat(new TreeSet<>(Instances.ids(instance, o))).isEqualTo(official(instance));
    }

    private static Set<String> official(Instance instance) {
        Set<String> ids = new TreeSet<>();
        for (int p : OfficialOutcome.fundedByRule(instance).orElseThrow()) ids.add(instance.projects().get(p).id());
        return ids;
    }

    record Reference(Set<String> winners, long totalCost, long finalPerVoterBudget) {
    }

    /** Reads one entry of reference-mes-add1.json (flat, fixed layout: the engine has no JSON library). */
    static Reference reference(String file) throws IOException {
        String json = Files.readString(SharedData.pabulib("reference-mes-add1.json"));
        int at = json.indexOf("\"" + file + "\"");
        assertThat(at).as("reference entry for " + file).isNotNegative();
        String entry = json.substring(at, json.indexOf('}', at));
        Matcher winners = Pattern.compile("\"winners\"\\s*:\\s*\\[([^\\]]*)]").matcher(entry);
        assertThat(winners.find()).isTrue();
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile("\"([^\"]*)\"").matcher(winners.group(1));
        while (id.find()) ids.add(id.group(1));
        return new Reference(new TreeSet<>(ids), number(entry, "total_cost"), number(entry, "final_per_voter_budget"));
    }

    private static long number(String entry, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(entry);
        assertThat(m.find()).as(key).isTrue();
        return Long.parseLong(m.group(1));
    }
}
