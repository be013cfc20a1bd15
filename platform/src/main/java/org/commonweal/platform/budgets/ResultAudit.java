package org.commonweal.platform.budgets;

import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;
import org.commonweal.pb.TieBreak;
import org.commonweal.pb.mes.Utility;
import org.commonweal.pb.stats.Audit;
import org.commonweal.pb.stats.JustifiedRepresentation;
import org.commonweal.pb.stats.Priceability;
import org.commonweal.pb.stats.SatisfactionDistribution;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The headline of the engine's proportionality audit for a results page, in words: how many voters had nothing they
 * chose funded, the Gini coefficient of satisfaction, and whether every group of voters who could have paid for
 * projects together with their share of the pot got them, up to one project (EJR up to one, cost satisfaction), and
 * whether an equal share per voter explains the result (priceability; {@code perVoter} in minor units, rounded down).
 * Worked out from the stored result and the counted ballots, so a recount is audited afresh.
 */
public record ResultAudit(long voters, long nothingFunded, String nothingPercent, String gini, Representation representation,
                          long groupSize, String groupProject, Priceability.Status priceability, long perVoter) {

    /** EJR up to one: not asked (points ballots), met, not met (with a group and a project it chose), or too large to check. */
    public enum Representation { NOT_APPLICABLE, SATISFIED, VIOLATED, NOT_CHECKED }

    /** Work enough for every demo and city-district pot, little enough for a page view. */
    private static final Audit.Limits LIMITS = new Audit.Limits(5_000_000L, 0, 500_000L);

    static ResultAudit of(Instance instance, Set<Integer> funded) {
        List<Integer> selected = new ArrayList<>(funded);
        long cost = selected.stream().mapToLong(p -> instance.projects().get(p).cost()).sum();
        Outcome outcome = new Outcome("result", selected, cost, List.of(), TieBreak.DEFAULT);
        SatisfactionDistribution s = SatisfactionDistribution.of(instance, outcome);
        String percent = s.shareWithNothing().movePointRight(2).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + "%";
        String gini = s.gini().setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        Priceability.Result priced = Priceability.check(instance, outcome, LIMITS.priceability());
        long perVoter = priced.status() == Priceability.Status.PRICEABLE ? priced.moneyPerVoter().toBigDecimal(0).longValueExact() : 0;
        if (!Audit.approvalLike(instance)) {
            return new ResultAudit(s.voters(), s.nothingFunded(), percent, gini, Representation.NOT_APPLICABLE, 0, "", priced.status(), perVoter);
        }
        JustifiedRepresentation.Result r = JustifiedRepresentation.check(JustifiedRepresentation.Axiom.EJR_UP_TO_ONE, instance, outcome,
                Utility.COST, LIMITS.representation());
        return switch (r.status()) {
            case SATISFIED -> new ResultAudit(s.voters(), s.nothingFunded(), percent, gini, Representation.SATISFIED, 0, "", priced.status(), perVoter);
            case NOT_CHECKED -> new ResultAudit(s.voters(), s.nothingFunded(), percent, gini, Representation.NOT_CHECKED, 0, "", priced.status(), perVoter);
            case VIOLATED -> new ResultAudit(s.voters(), s.nothingFunded(), percent, gini, Representation.VIOLATED, r.groupSize(),
                    String.join(", ", r.projects().stream().map(p -> instance.projects().get(p).name()).toList()), priced.status(), perVoter);
        };
    }
}
