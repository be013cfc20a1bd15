package org.commonweal.elections.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The modeller's arithmetic: scenario figures are held in millionths (micro-points, micro-ratios, parts per
 * million) and votes stay whole numbers, so outcomes never depend on floating-point rounding. Only the
 * Monte Carlo noise is drawn as a double, and it is turned into millionths or whole votes at once (Java's
 * floating point is the same on every platform, so a seed gives the same runs everywhere).
 */
final class FixedPoint {
    static final long MILLION = 1_000_000L;
    /** A percentage point of a constituency's vote, in millionths of a point. */
    static final long HUNDRED_MILLION = 100L * MILLION;

    private FixedPoint() {
    }

    static long millionths(BigDecimal value) {
        return value.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** a / b rounded half up (b > 0), for a of either sign. */
    static long divideRounded(long a, long b) {
        return Math.floorDiv(2 * a + b, 2 * b);
    }
}
