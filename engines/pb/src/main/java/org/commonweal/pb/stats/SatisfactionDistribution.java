package org.commonweal.pb.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import org.commonweal.pb.Ballot;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Outcome;

/**
 * How evenly an outcome serves the voters. {@code nothingFunded}: voters none of whose projects was funded.
 * {@code histogram}: voters by the share of the cost of the projects they chose that was funded, in eleven bins:
 * nothing, then (0, 10%], (10%, 20%], …, (90%, 100%]. {@code gini}: the Gini coefficient of cost satisfaction (the
 * money spent on each voter's projects; 0 when everyone gets the same, near 1 when a few get everything), to 6
 * decimals, computed exactly from the sorted satisfactions.
 */
public record SatisfactionDistribution(long voters, long nothingFunded, long[] histogram, BigDecimal gini) {
    public static final int BINS = 11;

    public static SatisfactionDistribution of(Instance instance, Outcome outcome) {
        boolean[] funded = VoterSatisfaction.fundedMask(instance, outcome);
        int n = instance.ballots().size();
        long[] satisfaction = new long[n];
        long[] histogram = new long[BINS];
        long nothing = 0;
        for (int v = 0; v < n; v++) {
            Ballot b = instance.ballots().get(v);
            long chosen = 0, got = 0;
            for (int p : b.projects()) {
                long cost = instance.projects().get(p).cost();
                chosen += cost;
                if (funded[p]) got += cost;
            }
            satisfaction[v] = got;
            if (got == 0) {
                nothing++;
                histogram[0]++;
            } else {
                // the bin (k-1)/10 < got/chosen ≤ k/10, i.e. k = ceil(10·got/chosen)
                long k = BigInteger.valueOf(got).multiply(BigInteger.TEN).add(BigInteger.valueOf(chosen - 1))
                        .divide(BigInteger.valueOf(chosen)).longValueExact();
                histogram[(int) Math.max(1, Math.min(10, k))]++;
            }
        }
        return new SatisfactionDistribution(n, nothing, histogram, gini(satisfaction));
    }

    /** G = (2·Σ i·x_(i) − (n+1)·Σ x) / (n·Σ x), over the values sorted ascending and numbered from 1. */
    static BigDecimal gini(long[] values) {
        long[] x = values.clone();
        Arrays.sort(x);
        BigInteger weighted = BigInteger.ZERO, total = BigInteger.ZERO;
        for (int i = 0; i < x.length; i++) {
            weighted = weighted.add(BigInteger.valueOf(x[i]).multiply(BigInteger.valueOf(i + 1L)));
            total = total.add(BigInteger.valueOf(x[i]));
        }
        if (total.signum() == 0) return BigDecimal.ZERO.setScale(6);
        BigInteger n = BigInteger.valueOf(x.length);
        BigInteger numerator = weighted.shiftLeft(1).subtract(n.add(BigInteger.ONE).multiply(total));
        return new BigDecimal(numerator).divide(new BigDecimal(n.multiply(total)), 6, RoundingMode.HALF_EVEN);
    }

    public BigDecimal shareWithNothing() {
        return voters == 0 ? BigDecimal.ZERO.setScale(6) : BigDecimal.valueOf(nothingFunded).divide(BigDecimal.valueOf(voters), 6, RoundingMode.HALF_EVEN);
    }
}
