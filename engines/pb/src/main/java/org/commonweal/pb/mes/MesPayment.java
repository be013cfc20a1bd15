package org.commonweal.pb.mes;

import java.math.BigDecimal;
import java.util.List;
import org.commonweal.pb.Outcome;

/**
 * Why MES funded a project: it had the lowest price per unit of utility ({@code rho}) in {@code round}, and
 * its supporters paid for it. {@code shares} groups the payers by the amount each of them paid (currency
 * units, shown to 6 decimals; the decision itself was computed exactly), largest first: voters in the last
 * groups spent all they had left.
 */
public record MesPayment(int round, BigDecimal rho, List<Share> shares) implements Outcome.Reason {
    public MesPayment {
        shares = List.copyOf(shares);
    }

    /** {@code voters} supporters each paid {@code amountEach}. */
    public record Share(long voters, BigDecimal amountEach) {
    }

    public long payers() {
        return shares.stream().filter(s -> s.amountEach().signum() > 0).mapToLong(Share::voters).sum();
    }
}
