package org.commonweal.elections.model;

import java.util.SplittableRandom;

/**
 * The figures of one evaluation of a scenario: swing amounts and transfer shares in millionths, the swing of
 * every party in every region (millionths of a point, index region × parties + party; null when none) and
 * the generator of local noise (null for the central, noise-free evaluation).
 */
record RunParameters(long[] swingAmount, long[][] transferShare, long[] regionSwing, SplittableRandom localNoise) {
    static RunParameters central(CompiledScenario s) {
        return new RunParameters(s.swingAmount, s.transferShare, null, null);
    }

    /**
     * Draws in a fixed order — swings, then transfer shares, then region swings, then (during evaluation)
     * local noise — so a seed fixes the run.
     */
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
        long[] regionSwing = null;
        if (s.regionSd > 0) {
            regionSwing = new long[s.regions.length * s.parties.length];
            for (int i = 0; i < regionSwing.length; i++) regionSwing[i] = Math.round(random.nextGaussian() * s.regionSd);
        }
        return new RunParameters(swing, shares, regionSwing, s.constituencySd > 0 ? random : null);
    }
}
