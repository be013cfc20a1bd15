package org.commonweal.pb.mes;

import java.math.BigDecimal;
import org.commonweal.pb.Outcome;

/**
 * Why MES did not fund a project: from {@code round} on, its supporters held only {@code supportersMoney}
 * (currency units, shown to 6 decimals), less than its {@code cost}. {@code overtakenBy} is the project funded
 * in the round before, whose payments priced it out, or -1 when it was never affordable; {@code lastRho} is
 * the price per unit of utility it had while it was still affordable (null if never).
 */
public record MesLoss(int round, BigDecimal supportersMoney, BigDecimal cost, int overtakenBy, BigDecimal lastRho) implements Outcome.Reason {
}
