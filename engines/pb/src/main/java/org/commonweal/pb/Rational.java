package org.commonweal.pb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact rational number, always reduced, denominator positive. The single place where the PB rules do
 * fractional arithmetic (voters' shares of the budget, prices per utility, loads), so that outcomes never
 * depend on floating-point rounding. Numbers stay in two longs while they fit and move to BigInteger
 * only when a result would overflow, because the large instances spend most of their time in that range.
 */
public final class Rational implements Comparable<Rational> {
    public static final Rational ZERO = new Rational(0, 1);
    public static final Rational ONE = new Rational(1, 1);

    private final long num;
    private final long den;
    private final BigInteger bigNum; // non-null only when the value does not fit in longs
    private final BigInteger bigDen;

    private Rational(long num, long den) {
        this.num = num;
        this.den = den;
        this.bigNum = null;
        this.bigDen = null;
    }

    private Rational(BigInteger num, BigInteger den) {
        this.num = 0;
        this.den = 0;
        this.bigNum = num;
        this.bigDen = den;
    }

    public static Rational of(long value) {
        return value == 0 ? ZERO : new Rational(value, 1);
    }

    public static Rational of(long num, long den) {
        if (den == 0) throw new ArithmeticException("zero denominator");
        if (den < 0) {
            if (num == Long.MIN_VALUE || den == Long.MIN_VALUE) return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
            num = -num;
            den = -den;
        }
        long g = gcd(Math.abs(num), den);
        return new Rational(num / g, den / g);
    }

    public static Rational of(BigInteger num, BigInteger den) {
        if (den.signum() == 0) throw new ArithmeticException("zero denominator");
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.bitLength() < 63 && den.bitLength() < 63) return new Rational(num.longValue(), den.longValue());
        return new Rational(num, den);
    }

    private boolean big() {
        return bigNum != null;
    }

    public BigInteger numerator() {
        return big() ? bigNum : BigInteger.valueOf(num);
    }

    public BigInteger denominator() {
        return big() ? bigDen : BigInteger.valueOf(den);
    }

    public int signum() {
        return big() ? bigNum.signum() : Long.signum(num);
    }

    public Rational add(Rational o) {
        if (!big() && !o.big()) {
            if (den == o.den) {
                long s = num + o.num;
                if (((num ^ s) & (o.num ^ s)) >= 0) return of(s, den);
            } else {
                long a = num * o.den;
                long b = o.num * den;
                long d = den * o.den;
                if (fits(num, o.den, a) && fits(o.num, den, b) && fits(den, o.den, d)) {
                    long s = a + b;
                    if (((a ^ s) & (b ^ s)) >= 0) return of(s, d);
                }
            }
        }
        return of(numerator().multiply(o.denominator()).add(o.numerator().multiply(denominator())),
                denominator().multiply(o.denominator()));
    }

    /** this − x·k with a single reduction (the inner step of every price computation). */
    public Rational subtractProduct(Rational x, long k) {
        if (!big() && !x.big()) {
            long xk = x.num * k;
            if (fits(x.num, k, xk)) {
                if (den == x.den) {
                    long s = num - xk;
                    if (((num ^ xk) & (num ^ s)) >= 0) return of(s, den);
                } else {
                    long a = num * x.den;
                    long b = xk * den;
                    long d = den * x.den;
                    if (fits(num, x.den, a) && fits(xk, den, b) && fits(den, x.den, d)) {
                        long s = a - b;
                        if (((a ^ b) & (a ^ s)) >= 0) return of(s, d);
                    }
                }
            }
        }
        return of(numerator().multiply(x.denominator()).subtract(x.numerator().multiply(BigInteger.valueOf(k)).multiply(denominator())),
                denominator().multiply(x.denominator()));
    }

    /** Sign of a·ka − b·kb, without building (and reducing) either product. */
    public static int compareProducts(Rational a, long ka, Rational b, long kb) {
        if (!a.big() && !b.big()) {
            long x = a.num * ka;
            long y = b.num * kb;
            if (fits(a.num, ka, x) && fits(b.num, kb, y)) return compare128(x, b.den, y, a.den);
        }
        return a.numerator().multiply(BigInteger.valueOf(ka)).multiply(b.denominator())
                .compareTo(b.numerator().multiply(BigInteger.valueOf(kb)).multiply(a.denominator()));
    }

    public Rational negate() {
        if (!big() && num != Long.MIN_VALUE) return new Rational(-num, den);
        return of(numerator().negate(), denominator());
    }

    public Rational subtract(Rational o) {
        return add(o.negate());
    }

    public Rational multiply(long k) {
        if (!big()) {
            long g = gcd(Math.abs(k), den);
            long kk = k / g;
            long p = num * kk;
            if (g != 0 && fits(num, kk, p)) return new Rational(p, den / g);
        }
        return of(numerator().multiply(BigInteger.valueOf(k)), denominator());
    }

    public Rational multiply(Rational o) {
        if (!big() && !o.big()) {
            long p = num * o.num;
            long q = den * o.den;
            if (fits(num, o.num, p) && fits(den, o.den, q)) return of(p, q);
        }
        return of(numerator().multiply(o.numerator()), denominator().multiply(o.denominator()));
    }

    public Rational divide(long k) {
        if (k == 0) throw new ArithmeticException("division by zero");
        if (!big()) {
            long q = den * k;
            if (fits(den, k, q)) return of(num, q);
        }
        return of(numerator(), denominator().multiply(BigInteger.valueOf(k)));
    }

    public Rational divide(Rational o) {
        if (o.signum() == 0) throw new ArithmeticException("division by zero");
        return of(numerator().multiply(o.denominator()), denominator().multiply(o.numerator()));
    }

    public Rational min(Rational o) {
        return compareTo(o) <= 0 ? this : o;
    }

    public Rational max(Rational o) {
        return compareTo(o) >= 0 ? this : o;
    }

    @Override
    public int compareTo(Rational o) {
        if (!big() && !o.big()) {
            if (den == o.den) return Long.compare(num, o.num);
            return compare128(num, o.den, o.num, den);
        }
        return numerator().multiply(o.denominator()).compareTo(o.numerator().multiply(denominator()));
    }

    /** Compares a/b with c/d for b, d positive: sign of a·d − c·b, computed in 128 bits. */
    public int compareTo(long c, long d) {
        if (!big()) return compare128(num, d, c, den);
        return bigNum.multiply(BigInteger.valueOf(d)).compareTo(BigInteger.valueOf(c).multiply(bigDen));
    }

    private static int compare128(long a, long d, long c, long b) {
        long hi1 = Math.multiplyHigh(a, d), lo1 = a * d;
        long hi2 = Math.multiplyHigh(c, b), lo2 = c * b;
        if (hi1 != hi2) return Long.compare(hi1, hi2);
        return Long.compareUnsigned(lo1, lo2);
    }

    private static boolean fits(long a, long b, long product) {
        return Math.multiplyHigh(a, b) == (product >> 63);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    /** Rounded towards zero to {@code scale} decimals, for display only. */
    public BigDecimal toBigDecimal(int scale) {
        return new BigDecimal(numerator()).divide(new BigDecimal(denominator()), scale, RoundingMode.DOWN);
    }

    public double doubleValue() {
        return big() ? new BigDecimal(bigNum).divide(new BigDecimal(bigDen), java.math.MathContext.DECIMAL64).doubleValue() : (double) num / den;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rational r && compareTo(r) == 0;
    }

    @Override
    public int hashCode() {
        return numerator().hashCode() * 31 + denominator().hashCode();
    }

    @Override
    public String toString() {
        return big() ? bigNum + "/" + bigDen : den == 1 ? Long.toString(num) : num + "/" + den;
    }
}
