package org.commonweal.platform.budgets;

import org.commonweal.pb.Outcome;
import org.commonweal.pb.greedy.GreedyReason;

import java.util.List;

/**
 * The engine's reason for one project, as a message key with its arguments (money already formatted in the
 * pot's currency), so residents read why in words. Reasons this class does not know read as plain funded
 * or not funded; the engine's own record is kept beside it for the detail.
 */
public record VerdictText(String key, List<String> args) {
    public VerdictText {
        args = List.copyOf(args);
    }

    static VerdictText of(Outcome.Verdict verdict, boolean funded, Pot pot) {
        Outcome.Reason reason = verdict == null ? null : verdict.reason();
        return switch (reason) {
            case GreedyReason.Funded f -> new VerdictText("budgets.verdict.greedy.funded",
                    List.of(Long.toString(f.score()), pot.money(f.budgetBefore()), pot.money(f.budgetAfter())));
            case GreedyReason.DidNotFit d -> new VerdictText("budgets.verdict.greedy.didNotFit",
                    List.of(Long.toString(d.score()), pot.money(d.budgetLeft()), pot.money(d.cost())));
            case GreedyReason.BelowThreshold b -> new VerdictText("budgets.verdict.greedy.belowThreshold",
                    List.of(Long.toString(b.score()), Long.toString(b.threshold())));
            case GreedyReason.AfterStop a -> new VerdictText("budgets.verdict.greedy.afterStop", List.of(Long.toString(a.score())));
            case null, default -> new VerdictText(funded ? "budgets.verdict.funded" : "budgets.verdict.notFunded", List.of());
        };
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
