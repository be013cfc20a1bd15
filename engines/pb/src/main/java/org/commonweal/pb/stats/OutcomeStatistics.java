package org.commonweal.pb.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;

/**
 * Summary of an outcome: spend (scaled money units), number funded, voters with at least one funded project,
 * average cost satisfaction (money spent on a voter's projects, currency units) and average cardinality
 * satisfaction (number of a voter's projects funded), both to 6 decimals, and the EJR-up-to-one check
 * (null for ballots that are not approval-like).
 */
public record OutcomeStatistics(long totalCost, int funded, long voters, long votersWithFunded,
                                BigDecimal averageCostSatisfaction, BigDecimal averageCardinalitySatisfaction,
                                JustifiedRepresentation.Result ejrUpToOne) {

    public static OutcomeStatistics of(Instance instance, Outcome outcome) {
        boolean[] in = VoterSatisfaction.fundedMask(instance, outcome);
        long withFunded = 0, costSum = 0, countSum = 0;
        for (Ballot b : instance.ballots()) {
            VoterSatisfaction s = VoterSatisfaction.of(instance, in, b);
            if (s.funded() > 0) withFunded++;
            costSum += s.fundedCost();
            countSum += s.funded();
        }
        long n = instance.ballots().size();
        BigDecimal avgCost = n == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(costSum).movePointLeft(instance.costScale()).divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_EVEN);
        BigDecimal avgCount = n == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(countSum).divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_EVEN);
        JustifiedRepresentation.Result ejr = instance.voteType().hasPoints() || instance.voteType() == org.commonweal.pb.VoteType.ORDINAL
                ? null : JustifiedRepresentation.check(JustifiedRepresentation.Axiom.EJR_UP_TO_ONE, instance, outcome,
                org.commonweal.pb.mes.Utility.COST, JustifiedRepresentation.DEFAULT_WORK_LIMIT);
        return new OutcomeStatistics(outcome.totalCost(), outcome.selected().size(), n, withFunded, avgCost, avgCount, ejr);
    }
}
