package org.commonweal.elections.model;

import java.util.SplittableRandom;

/**
 * The figures of one evaluation of a scenario: swing amounts and transfer shares in millionths, and the
 * generator of local noise (null for the central, noise-free evaluation).
 */
record RunParameters(long[] swingAmount, long[][] transferShare, SplittableRandom localNoise) {
    static RunParameters central(CompiledScenario s) {
        return new RunParameters(s.swingAmount, s.transferShare, null);
    }

    /** Draws in a fixed order — swings, then transfer shares, then (during evaluation) local noise — so a seed fixes the run. */
    static RunParameters drawn(CompiledScenario s, SplittableRandom random) {
        long[] swing = s.swingAmount.clone();
        for (int w = 0; w < swing.length; w++) {
            if (s.swingSd[w] > 0) swing[w] += Math.round(random.nextGaussian() * s.swingSd[w]);
            long limit = 100 * FixedPoint.MILLION;
            swing[w] = Math.clamp(swing[w], s.swingProportional[w] ? 0 : -limit, limit);
        }
        long[][] shares = new long[s.transferShare.length][];
        for (int t = 0; t < shares.length; t++) {
            shares[t] = s.transferShare[t].clone();
            long sum = 0;
            for (int j = 0; j < shares[t].length; j++) {
                if (s.transferSd[t][j] > 0) shares[t][j] += Math.round(random.nextGaussian() * s.transferSd[t][j]);
                shares[t][j] = Math.clamp(shares[t][j], 0, FixedPoint.MILLION);
                sum += shares[t][j];
            }
            if (sum > FixedPoint.MILLION) {
                for (int j = 0; j < shares[t].length; j++) shares[t][j] = shares[t][j] * FixedPoint.MILLION / sum;
            }
        }
        return new RunParameters(swing, shares, s.constituencySd > 0 ? random : null);
    }
}
