package org.commonweal.opinion;

/** Polis's significance tests (stats.clj): proportions with one pseudo-count added to every count. */
final class Stats {
    /** One-tailed 90 % critical value Polis uses for every significance decision. */
    static final double Z_90 = 1.2816;

    private Stats() {
    }

    static double propTest(int success, int n) {
        double s = success + 1;
        double t = n + 1;
        return 2 * Math.sqrt(t) * (s / t - 0.5);
    }

    static double twoPropTest(int successIn, int successOut, int nIn, int nOut) {
        double s1 = successIn + 1;
        double s2 = successOut + 1;
        double n1 = nIn + 1;
        double n2 = nOut + 1;
        double pi1 = s1 / n1;
        double pi2 = s2 / n2;
        double piHat = (s1 + s2) / (n1 + n2);
        if (piHat == 1) return 0;
        return (pi1 - pi2) / Math.sqrt(piHat * (1 - piHat) * (1 / n1 + 1 / n2));
    }

    static boolean significant(double z) {
        return z > Z_90;
    }

    /** Probability with one pseudo-count each way, as Polis smooths every proportion. */
    static double smoothed(int success, int n) {
        return (1.0 + success) / (2.0 + n);
    }
}
