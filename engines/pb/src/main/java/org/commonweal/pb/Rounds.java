package org.commonweal.pb;

import org.commonweal.pb.greedy.GreedyReason;
import org.commonweal.pb.mes.MesLoss;
import org.commonweal.pb.mes.MesPayment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An outcome told round by round, as data any front end can put into words: in each round one project is
 * funded; the record says what it cost, what was left of the budget after it, for Equal Shares the price per
 * unit of utility ρ and who paid what, and which projects were passed over on the way (greedy: reached but not
 * funded since the round before; Equal Shares: priced out by this round's payments). {@code afterwards} holds
 * the projects no round accounts for (greedy: reached after the last funded one; any rule: never in contention).
 */
public record Rounds(List<Round> rounds, List<Integer> afterwards) {
    public Rounds {
        rounds = List.copyOf(rounds);
        afterwards = List.copyOf(afterwards);
    }

    /**
     * @param rho  Equal Shares' price per unit of utility (currency units, to 6 decimals), else null
     * @param paid Equal Shares' payers grouped by the amount each paid, largest first, else empty
     */
    public record Round(int number, int project, long cost, long budgetLeft, Outcome.Reason reason, BigDecimal rho,
                        List<MesPayment.Share> paid, List<Integer> passedOver) {
        public Round {
            paid = List.copyOf(paid);
            passedOver = List.copyOf(passedOver);
        }
    }

    public static Rounds of(Instance instance, Outcome outcome) {
        Outcome.Verdict[] byProject = new Outcome.Verdict[instance.projects().size()];
        for (Outcome.Verdict v : outcome.verdicts()) byProject[v.project()] = v;
        boolean[] told = new boolean[byProject.length];
        List<Round> rounds = new ArrayList<>();
        long left = instance.budget();
        int previousStep = 0;
        for (int p : outcome.selected()) {
            Outcome.Verdict verdict = byProject[p];
            told[p] = true;
            long cost = instance.projects().get(p).cost();
            left -= cost;
            List<Integer> passed = new ArrayList<>();
            Outcome.Reason reason = verdict == null ? null : verdict.reason();
            if (reason instanceof GreedyReason) {
                for (Outcome.Verdict v : outcome.verdicts()) {
                    if (!v.funded() && v.round() > previousStep && v.round() < verdict.round()) passed.add(v.project());
                }
                previousStep = verdict.round();
            }
            for (Outcome.Verdict v : outcome.verdicts()) {
                if (!v.funded() && v.reason() instanceof MesLoss loss && loss.overtakenBy() == p) passed.add(v.project());
            }
            passed.forEach(q -> told[q] = true);
            BigDecimal rho = reason instanceof MesPayment m ? m.rho() : null;
            List<MesPayment.Share> paid = reason instanceof MesPayment m ? m.shares() : List.of();
            rounds.add(new Round(rounds.size() + 1, p, cost, left, reason, rho, paid, passed));
        }
        List<Integer> afterwards = new ArrayList<>();
        for (Outcome.Verdict v : outcome.verdicts()) if (!told[v.project()]) afterwards.add(v.project());
        return new Rounds(rounds, afterwards);
    }
}
