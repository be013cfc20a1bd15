package org.commonweal.pb.maximin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.Rational;
import org.commonweal.pb.SharedData;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.pabulib.PabulibReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Maximin support on real city files: what every round reports can be checked against the ballots directly. */
class MaximinSupportRealFilesTest {
    @Test
    void wieliczkaGreenBudget2023() throws Exception {
        check(PabulibReader.read(SharedData.pabulib("Poland_Wieliczka_2023_Green_Budget.pb")));
    }

    @Test
    @Tag("slow")
    void warszawa2026() throws Exception {
        check(PabulibReader.read(SharedData.pabulib("Poland_Warszawa_2026.pb")));
    }

    /**
     * Each round's heaviest group carries exactly the reported load (its cost over the voters approving any of it,
     * counted from the ballots), loads never fall from round to round, the first round funds a project of least
     * cost per approval, the final set's load recomputed from scratch is the last round's, and the outcome is
     * exhaustive: no approved project left out still fits.
     */
    private static void check(Instance instance) {
        Outcome outcome = MaximinSupport.INSTANCE.outcome(instance, TieBreak.DEFAULT);
        long[] support = instance.supportCounts();
        assertThat(outcome.selected()).hasSizeGreaterThan(5);
        Rational previous = Rational.ZERO;
        for (int p : outcome.selected()) {
            MaximinSupport.Funded f = (MaximinSupport.Funded) outcome.verdicts().get(p).reason();
            long cost = f.group().stream().mapToLong(q -> instance.projects().get(q).cost()).sum();
            long voters = instance.ballots().stream().filter(b -> approvesAny(b, f.group())).count();
            assertThat(cost).isEqualTo(f.groupCost());
            assertThat(voters).isEqualTo(f.groupVoters());
            assertThat(Rational.of(cost, voters).divide(instance.unit())).isEqualTo(f.load());
            assertThat(f.load()).isGreaterThanOrEqualTo(previous);
            previous = f.load();
        }
        int first = outcome.selected().getFirst();
        Rational firstLoad = Rational.of(instance.projects().get(first).cost(), support[first]);
        for (int p = 0; p < support.length; p++) {
            if (support[p] > 0 && instance.projects().get(p).cost() <= instance.budget()) {
                assertThat(Rational.of(instance.projects().get(p).cost(), support[p])).isGreaterThanOrEqualTo(firstLoad);
            }
        }
        assertThat(MaximinSupport.load(instance, outcome.selected()).divide(instance.unit())).isEqualTo(previous);
        long left = instance.budget() - outcome.totalCost();
        for (int p = 0; p < support.length; p++) {
            if (!outcome.selected().contains(p) && support[p] > 0) assertThat(instance.projects().get(p).cost()).isGreaterThan(left);
        }
    }

    private static boolean approvesAny(Ballot ballot, List<Integer> projects) {
        for (int p : ballot.projects()) if (projects.contains(p)) return true;
        return false;
    }
}
