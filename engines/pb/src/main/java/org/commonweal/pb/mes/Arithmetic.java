package org.commonweal.pb.mes;

import java.math.BigDecimal;

/**
 * The number system one MES pass computes in, and every comparison in it is exact. {@link ExactArithmetic}
 * is plain exact rationals, the reference; {@link CertifiedArithmetic} is floating point with proven error
 * bounds that falls back to exact rationals, computed lazily, for the comparisons the bounds cannot settle.
 */
interface Arithmetic<V> {
    V zero();

    V ratio(long num, long den);

    /** a − x·k. */
    V subtractProduct(V a, V x, long k);

    /** a − Σ xs[i]·ks[i] over i < n (xs holds V), as n subtractProducts in that order but without n intermediate values. */
    V subtractProducts(V a, Object[] xs, long[] ks, int n);

    V subtract(V a, V b);

    V multiply(V a, long k);

    V divide(V a, long k);

    /** Sign of a − b. */
    int compare(V a, V b);

    /** Sign of a·ka − b·kb. */
    int compareProducts(V a, long ka, V b, long kb);


    int signum(V a);

    /**
     * Proven bounds in double precision, lower ≤ value ≤ upper: they order the candidate queue and settle the
     * checks of a guessed price that are not close; the close ones go to {@link #compareProducts}.
     */
    double lower(V a);

    double upper(V a);

    /** A double near the value, for guesses that are then proven with the methods above. */
    double estimate(V a);

    /** For explanations only. */
    BigDecimal display(V a);

    /** Whether k converts to double exactly, as {@link #productLower} and {@link #productUpper} need (0 < k < 2^53). */
    static boolean exactFactor(long k) {
        return k > 0 && k < 1L << 53;
    }

    /**
     * A lower bound of x·k for every x ≥ lower (as {@link #lower} gives it) and an exact factor k: the rounded
     * product lies within half an ulp of the true one, so one step down bounds it (overflow included).
     */
    static double productLower(double lower, long k) {
        return Math.nextDown(lower * k);
    }

    /** An upper bound of x·k for every x ≤ upper and an exact factor k, as {@link #productLower}. */
    static double productUpper(double upper, long k) {
        return Math.nextUp(upper * k);
    }
}
