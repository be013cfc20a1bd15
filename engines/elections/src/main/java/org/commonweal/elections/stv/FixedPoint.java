package org.commonweal.elections.stv;

import java.math.BigInteger;

/**
 * The one place where vote values are computed: decimal fixed point held in a {@code long} scaled by
 * 10^decimals. Counting rules truncate (never round) as the statutes require; products that could
 * overflow a long fall back to exact BigInteger arithmetic, so no result is ever approximate.
 */
public final class FixedPoint {
    private final int decimals;
    private final long scale;

    public FixedPoint(int decimals) {
        if (decimals < 0 || decimals > 12) throw new IllegalArgumentException("decimals must be 0..12, was " + decimals);
        this.decimals = decimals;
        long s = 1;
        for (int i = 0; i < decimals; i++) s *= 10;
        this.scale = s;
    }

    public int decimals() {
        return decimals;
    }

    /** The scaled value of one whole vote. */
    public long one() {
        return scale;
    }

    public long of(long whole) {
        return Math.multiplyExact(whole, scale);
    }

    /** floor(a × b / c) for non-negative a, b and positive c, exactly. */
    public static long mulDivFloor(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        if (high == 0 && a * b >= 0) return (a * b) / c;
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    /** ceil(a × b / c) for non-negative a, b and positive c, exactly. */
    public static long mulDivCeil(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        if (high == 0 && a * b >= 0) {
            long p = a * b;
            return p / c + (p % c == 0 ? 0 : 1);
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        return qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
    }

    /** Scaled product of two scaled values, rounded up (Meek's keep factors must never under-keep). */
    public long multiplyCeil(long a, long b) {
        return mulDivCeil(a, b, scale);
    }

    /** Scaled quotient a / b of two scaled values, truncated. */
    public long divideFloor(long a, long b) {
        return mulDivFloor(a, scale, b);
    }

    /** Scaled quotient a / b of two scaled values, rounded up. */
    public long divideCeil(long a, long b) {
        return mulDivCeil(a, scale, b);
    }

    /** The exact decimal text of a scaled value, e.g. {@code 1381.00000}. */
    public String format(long value) {
        return format(value, decimals);
    }

    public static String format(long value, int decimals) {
        if (decimals == 0) return Long.toString(value);
        String sign = value < 0 ? "-" : "";
        String digits = Long.toString(Math.abs(value));
        if (digits.length() <= decimals) digits = "0".repeat(decimals - digits.length() + 1) + digits;
        int point = digits.length() - decimals;
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }
}
