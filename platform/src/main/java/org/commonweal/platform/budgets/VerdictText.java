package org.commonweal.platform.budgets;

import org.commonweal.pb.Outcome;
import org.commonweal.pb.greedy.GreedyReason;
import org.commonweal.pb.maximin.MaximinSupport;
import org.commonweal.pb.mes.CompletionReason;
import org.commonweal.pb.mes.Eligibility;
import org.commonweal.pb.mes.MesLoss;
import org.commonweal.pb.mes.MesPayment;
import org.commonweal.pb.phragmen.SequentialPhragmen;
import org.commonweal.pb.welfare.MaxWelfare;

import java.math.BigDecimal;
import java.util.List;

/**
 * The engine's reason for one project, as a message key with its arguments (money already formatted in the
 * pot's currency), so residents read why in words. The engine's own record is kept beside it for the detail.
 */
public record VerdictText(String key, List<String> args) {
    public VerdictText {
        args = List.copyOf(args);
    }

    /** {@code proposals} are the ballot's projects in the engine's order (to name the project that priced another out). */
    static VerdictText of(Outcome.Verdict verdict, boolean funded, Pot pot, List<Proposal> proposals) {
        Outcome.Reason reason = verdict == null ? null : verdict.reason();
        return switch (reason) {
            case GreedyReason.Funded f -> new VerdictText("budgets.verdict.greedy.funded",
                    List.of(Long.toString(f.score()), pot.money(f.budgetBefore()), pot.money(f.budgetAfter())));
            case GreedyReason.DidNotFit d -> new VerdictText("budgets.verdict.greedy.didNotFit",
                    List.of(Long.toString(d.score()), pot.money(d.budgetLeft()), pot.money(d.cost())));
            case GreedyReason.BelowThreshold b -> new VerdictText("budgets.verdict.greedy.belowThreshold",
                    List.of(Long.toString(b.score()), Long.toString(b.threshold())));
            case GreedyReason.AfterStop a -> new VerdictText("budgets.verdict.greedy.afterStop", List.of(Long.toString(a.score())));
            case MesPayment p -> payment(p, pot);
            case MesLoss l when l.overtakenBy() >= 0 && l.overtakenBy() < proposals.size() -> new VerdictText("budgets.verdict.mes.overtaken",
                    List.of(Integer.toString(l.round()), major(l.supportersMoney(), pot), major(l.cost(), pot), proposals.get(l.overtakenBy()).title()));
            case MesLoss l -> new VerdictText("budgets.verdict.mes.neverAffordable", List.of(major(l.supportersMoney(), pot), major(l.cost(), pot)));
            case Eligibility.Ineligible e -> new VerdictText("budgets.verdict.mes.ineligible",
                    List.of(Long.toString(e.votes()), Long.toString(e.voters()), pot.money(e.cost()), pot.money(e.budget())));
            case CompletionReason c when c.step() == CompletionReason.Step.GREEDY_FILL ->
                    new VerdictText("budgets.verdict.mes.greedyFill", List.of(Long.toString(c.votes())));
            case CompletionReason c -> new VerdictText(funded ? "budgets.verdict.mes.comparisonFunded" : "budgets.verdict.mes.comparisonNotFunded",
                    List.of(Long.toString(c.preferGreedy()), Long.toString(c.preferMes()), Long.toString(c.votes())));
            case SequentialPhragmen.Load l -> new VerdictText("budgets.verdict.phragmen.funded",
                    List.of(Integer.toString(l.round()), Long.toString(l.supporters())));
            case SequentialPhragmen.NotFunded n -> new VerdictText("budgets.verdict.phragmen.notFunded",
                    List.of(Long.toString(n.supporters()), pot.money(n.budgetLeft())));
            case MaximinSupport.Funded f -> new VerdictText("budgets.verdict.maximin.funded",
                    List.of(Integer.toString(f.round()), major(f.load().toBigDecimal(6), pot), Long.toString(f.groupVoters())));
            case MaximinSupport.NotFunded n -> new VerdictText("budgets.verdict.phragmen.notFunded",
                    List.of(Long.toString(n.supporters()), pot.money(n.budgetLeft())));
            case MaximinSupport.Unsupported u -> new VerdictText("budgets.verdict.maximin.unsupported", List.of());
            case MaxWelfare.Welfare w -> new VerdictText(funded ? "budgets.verdict.welfare.funded" : "budgets.verdict.welfare.notFunded",
                    List.of(Long.toString(w.utility()), Long.toString(w.optimalTotal())));
            case null, default -> new VerdictText(funded ? "budgets.verdict.funded" : "budgets.verdict.notFunded", List.of());
        };
    }

    /**
     * Who paid: MES groups payers by the amount each paid, largest first; those in the smaller groups spent
     * everything they had left. Said as the full share and, when some could not pay it, how many paid less.
     */
    private static VerdictText payment(MesPayment p, Pot pot) {
        List<MesPayment.Share> paid = p.shares().stream().filter(s -> s.amountEach().signum() > 0).toList();
        if (paid.isEmpty()) return new VerdictText("budgets.verdict.funded", List.of());
        MesPayment.Share full = paid.get(0);
        long partial = paid.stream().skip(1).mapToLong(MesPayment.Share::voters).sum();
        if (partial == 0) {
            return new VerdictText("budgets.verdict.mes.paidEqually",
                    List.of(Integer.toString(p.round()), Long.toString(full.voters()), major(full.amountEach(), pot)));
        }
        BigDecimal least = paid.get(paid.size() - 1).amountEach();
        return new VerdictText("budgets.verdict.mes.paid", List.of(Integer.toString(p.round()), Long.toString(p.payers()),
                Long.toString(full.voters()), major(full.amountEach(), pot), Long.toString(partial), major(least, pot)));
    }

    /** An engine amount in whole currency units (exact, possibly with many decimals) as money, to the penny. */
    private static String major(BigDecimal amount, Pot pot) {
        return pot.money(amount.movePointRight(Money.scale(pot.currency())).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact());
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
