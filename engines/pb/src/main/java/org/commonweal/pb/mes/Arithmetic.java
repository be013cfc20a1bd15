package org.commonweal.pb.mes;

import java.math.BigDecimal;

/**
 * The number system one MES pass computes in. {@link ExactArithmetic} is exact rationals; {@link CertifiedArithmetic}
 * is floating point carrying a proven error bound that refuses (throws {@link TooCloseToCall}) any comparison
 * its bounds cannot settle, so a pass either returns exactly what the exact pass would, or nothing.
 */
interface Arithmetic<V> {
    /** Thrown when a comparison cannot be decided within the error bounds; the caller then redoes the pass exactly. */
    final class TooCloseToCall extends RuntimeException {
        TooCloseToCall() {
            super("comparison too close to call in floating point", null, false, false);
        }
    }

    V zero();

    V ratio(long num, long den);

    /** a − x·k. */
    V subtractProduct(V a, V x, long k);

    V subtract(V a, V b);

    V multiply(V a, long k);

    V divide(V a, long k);

    /** Sign of a − b. */
    int compare(V a, V b);

    /** Sign of a·ka − b·kb. */
    int compareProducts(V a, long ka, V b, long kb);


    int signum(V a);

    /** Bounds in double precision, lower ≤ value ≤ upper, used only to order the candidate queue. */
    double lower(V a);

    double upper(V a);

    /** For explanations only. */
    BigDecimal display(V a);
}
